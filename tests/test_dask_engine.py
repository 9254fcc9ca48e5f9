"""The Dask engine on a real (in-process) LocalCluster gives the local engine's results."""

from __future__ import annotations

import json

import pytest

from editlint.config.model import find_config, load_config
from editlint.engine.batch import BatchOptions, check_files
from editlint.engine.runner import Checker
from perf_corpus import summary, write_repository

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",  # loopback only; reachable from the CLI subprocess
        dashboard_address=None,
    ) as local:
        yield local


def test_check_bag_maps_the_checker_over_paths_and_texts(cluster, tmp_path):
    import dask.bag as db

    from editlint.engine.dask_engine import check_bag

    paths = write_repository(tmp_path, count=12)
    checker = Checker(load_config(find_config(tmp_path), tmp_path))
    expected = summary(check_files(checker, paths, BatchOptions(jobs=1)))
    with distributed.Client(cluster):
        from_paths = check_bag(db.from_sequence(paths, npartitions=3), checker).compute()
        pairs = [(path, path.read_text()) for path in paths]
        from_texts = check_bag(db.from_sequence(pairs, npartitions=4), checker).compute()
    assert summary(from_paths) == expected
    assert summary(from_texts) == expected


def test_cli_engine_dask_on_a_scheduler(cli, cluster, tmp_path):
    write_repository(tmp_path, count=8)
    local = cli("check", "--format", "json", "--no-cache", ".", cwd=tmp_path)
    remote = cli(
        "check",
        "--format",
        "json",
        "--no-cache",
        "--engine",
        "dask",
        "--scheduler",
        cluster.scheduler_address,
        ".",
        cwd=tmp_path,
    )
    assert remote.returncode == local.returncode == 1, remote.stderr
    assert json.loads(remote.stdout) == json.loads(local.stdout)
