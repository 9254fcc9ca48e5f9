"""Checking on several processes gives exactly the results of checking in one."""

from __future__ import annotations

import json
import pickle
from functools import partial

from editlint.config.model import find_config, load_config
from editlint.engine.batch import BatchOptions, check_files
from editlint.engine.parallel import MIN_FILES_PER_WORKER, _scan_in_pool, workers_for
from editlint.engine.runner import Checker
from editlint.index import build_index
from perf_corpus import summary, write_repository


def test_small_batches_stay_in_this_process():
    assert workers_for(MIN_FILES_PER_WORKER * 2 - 1, jobs=4) == 1
    assert workers_for(MIN_FILES_PER_WORKER * 2, jobs=4) == 2
    assert workers_for(1000, jobs=3) == 3
    assert workers_for(1, jobs=None) == 1


def test_two_workers_find_what_one_finds(tmp_path):
    paths = write_repository(tmp_path, count=2 * MIN_FILES_PER_WORKER + 3)
    checker = Checker(load_config(find_config(tmp_path), tmp_path))
    serial = check_files(checker, paths, BatchOptions(jobs=1))
    parallel = check_files(checker, paths, BatchOptions(jobs=2))
    assert summary(parallel) == summary(serial)
    codes = {d.code for result in serial for d in result.diagnostics}
    assert {"NEU101", "SEE101"} <= codes
    assert [result.text for result in parallel] == [p.read_text() for p in paths]


def test_results_can_keep_only_line_starts(tmp_path):
    paths = write_repository(tmp_path, count=2 * MIN_FILES_PER_WORKER + 3)
    checker = Checker(load_config(find_config(tmp_path), tmp_path))
    kept = check_files(checker, paths, BatchOptions(jobs=1))
    for jobs in (1, 2):
        released = check_files(checker, paths, BatchOptions(jobs=jobs, keep_text=False))
        assert summary(released) == summary(kept)
        assert all(result.text is None for result in released)
        for light, full in zip(released, kept, strict=True):
            for diagnostic in full.diagnostics:
                expected = full.text[: diagnostic.start].count("\n") + 1
                assert light.lines.position(diagnostic.start)[0] == expected


def test_cli_jobs_option_gives_the_same_report(cli, tmp_path):
    write_repository(tmp_path, count=2 * MIN_FILES_PER_WORKER)
    runs = [
        cli("check", "--format", "json", "--no-cache", "--jobs", jobs, str(tmp_path), cwd=tmp_path)
        for jobs in ("1", "2")
    ]
    assert [run.returncode for run in runs] == [1, 1]
    one, two = (json.loads(run.stdout) for run in runs)
    assert one == two
    assert one["summary"]["files"] == 2 * MIN_FILES_PER_WORKER


def test_the_content_index_scanned_on_two_workers_is_the_one_scanned_here(tmp_path):
    write_repository(tmp_path, count=2 * MIN_FILES_PER_WORKER + 3)
    here = build_index(tmp_path)
    pooled = build_index(tmp_path, scan_all=partial(_scan_in_pool, workers=2))
    assert len(here.articles) == 2 * MIN_FILES_PER_WORKER + 3
    assert pickle.dumps(pooled) == pickle.dumps(here)
