"""The ``--jobs`` default: the cores a run may use that other processes leave free."""

from __future__ import annotations

from editlint.engine.cores import cgroup_quota, free_cores


def test_a_busy_machine_gets_one_process():
    assert free_cores(2, None, 6.3) == 1  # this shared machine, load 6
    assert free_cores(2, None, 1.6) == 1  # one core and more busy
    assert free_cores(2, None, 1.4) == 1
    assert free_cores(2, None, 1.0) == 1


def test_free_cores_are_used():
    assert free_cores(2, None, 0.0) == 2
    assert free_cores(2, None, 0.4) == 2
    assert free_cores(16, None, 3.6) == 12
    assert free_cores(16, None, 40.0) == 1


def test_a_quota_caps_the_cores():
    assert free_cores(64, 2.0, 0.0) == 2
    assert free_cores(64, 1.5, 0.0) == 1
    assert free_cores(64, 0.5, 0.0) == 1
    assert free_cores(4, 8.0, 1.0) == 3


def test_cgroup_quota_files(tmp_path):
    v2 = tmp_path / "cpu.max"
    v1 = (tmp_path / "cpu.cfs_quota_us", tmp_path / "cpu.cfs_period_us")
    assert cgroup_quota(v2, v1) is None  # neither file: no cgroup
    v1[0].write_text("-1\n")
    v1[1].write_text("100000\n")
    assert cgroup_quota(v2, v1) is None  # v1 without a quota
    v1[0].write_text("150000\n")
    assert cgroup_quota(v2, v1) == 1.5
    v2.write_text("max 100000\n")
    assert cgroup_quota(v2, v1) is None  # v2 is read first: no quota
    v2.write_text("200000 100000\n")
    assert cgroup_quota(v2, v1) == 2.0
