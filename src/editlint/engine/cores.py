"""How many cores a run can expect to have: the default of ``--jobs``.

The CPUs this process may run on (its affinity), capped by a cgroup CPU quota (a container's
``--cpus``), less what other processes keep busy (the one-minute load average). On a shared
machine two workers were slower than one (419 ArchWiki articles at load 6-9: 2.79 s against
2.53 s, docs/performance.md); with a core free they were up to 2.3x faster. A machine as busy
as it has cores gets one process, which is exactly ``--jobs 1``.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

#: cgroup v2's quota file, and v1's pair (quota and period in microseconds).
CGROUP_V2 = Path("/sys/fs/cgroup/cpu.max")
CGROUP_V1 = (
    Path("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"),
    Path("/sys/fs/cgroup/cpu/cpu.cfs_period_us"),
)


def available_cores() -> int:
    """The cores this run may use that no other process keeps busy (at least 1)."""
    return free_cores(allowed_cores(), cgroup_quota(), load_average())


def free_cores(allowed: int, quota: float | None, load: float) -> int:
    """``allowed`` CPUs, at most ``quota`` of them (rounded down, at least one), less the
    ``load`` other processes put on them (rounded to the nearest core)."""
    limit = allowed if quota is None else max(1, min(allowed, math.floor(quota)))
    return max(1, min(limit, math.floor(limit - load + 0.5)))


def allowed_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def load_average() -> float:
    """Processes running or waiting for a CPU, averaged over the last minute (0: unknown)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows
        return 0.0


def cgroup_quota(v2: Path = CGROUP_V2, v1: tuple[Path, Path] = CGROUP_V1) -> float | None:
    """The CPUs a cgroup quota allows (``cpu.max`` "200000 100000" is 2.0), None without one."""
    try:
        quota, _, period = v2.read_text().partition(" ")
    except OSError:
        try:
            quota, period = v1[0].read_text(), v1[1].read_text()
        except OSError:
            return None
    try:
        quota_us, period_us = int(quota), int(period)
    except ValueError:  # "max": no quota
        return None
    return quota_us / period_us if quota_us > 0 and period_us > 0 else None
