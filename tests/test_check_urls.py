"""``editlint check --check-urls`` against a real HTTP server on 127.0.0.1 (tests/urlserver.py):
never a host outside this machine. Every wait is bounded (timeouts of a fraction of a second,
Retry-After capped, the hanging route released when the server stops)."""

from __future__ import annotations

import json
import socket

import pytest

from editlint.urlcheck.cache import UrlCache
from editlint.urlcheck.fetch import FetchOptions, UrlFetcher
from editlint.urlcheck.run import UrlCheckOptions, check_urls
from editlint.urlcheck.status import UrlStatus
from urlserver import LinkServer

FAST = FetchOptions(timeout=0.5, retries=1, backoff=0.05, max_wait=2.0)


@pytest.fixture
def server():
    with LinkServer() as running:
        yield running


def outcome(server: LinkServer, path: str, options: FetchOptions = FAST, waits=None) -> UrlStatus:
    sleep = waits.append if waits is not None else (lambda seconds: None)
    with UrlFetcher(options, sleep=sleep) as fetcher:
        return fetcher.check(server.base + path)


def test_answers_are_judged(server):
    assert outcome(server, "/ok") == UrlStatus("ok", 200)
    assert outcome(server, "/missing") == UrlStatus("dead", 404)
    assert outcome(server, "/gone") == UrlStatus("dead", 410)
    assert outcome(server, "/error") == UrlStatus("unreachable", 500)
    assert outcome(server, "/slow") == UrlStatus("ok", 200)


def test_head_refused_is_asked_again_with_get(server):
    assert outcome(server, "/no-head") == UrlStatus("ok", 200)
    assert server.requests[("HEAD", "/no-head")] == 1
    assert server.requests[("GET", "/no-head")] == 1
    outcome(server, "/ok")
    assert server.requests[("GET", "/ok")] == 0  # HEAD answered: no GET


def test_redirects_permanent_temporary_and_loops(server):
    assert outcome(server, "/moved") == UrlStatus("moved", 301, target=server.base + "/ok")
    assert outcome(server, "/chain") == UrlStatus("moved", 301, target=server.base + "/ok")
    assert outcome(server, "/temporary") == UrlStatus("ok", 200)
    assert outcome(server, "/loop") == UrlStatus("unreachable", 301, detail="redirect loop")
    assert server.count("/loop") == 1 and server.count("/loop2") == 1
    capped = FetchOptions(timeout=0.5, retries=0, max_redirects=1)
    assert outcome(server, "/chain", capped) == UrlStatus(
        "unreachable", detail="more than 1 redirects"
    )


def test_429_is_retried_after_retry_after_bounded(server):
    waits: list[float] = []
    assert outcome(server, "/busy", waits=waits) == UrlStatus("ok", 200)
    assert waits == [1.0]  # the server's Retry-After: 1
    assert server.count("/busy") == 2


def test_retry_after_longer_than_the_bound_waits_the_bound(server):
    waits: list[float] = []
    options = FetchOptions(timeout=0.5, retries=1, max_wait=0.25)
    assert outcome(server, "/busy", options, waits) == UrlStatus("ok", 200)
    assert waits == [0.25]


def test_a_hanging_server_times_out_after_the_retries(server):
    waits: list[float] = []
    options = FetchOptions(timeout=0.3, retries=1, backoff=0.05)
    assert outcome(server, "/hang", options, waits) == UrlStatus(
        "unreachable", detail="no answer in 0.3 s"
    )
    assert waits == [0.05]
    assert server.count("/hang") == 2


def test_tls_failure_and_refused_connection(server):
    # https spoken to a plain-HTTP server: the TLS handshake fails.
    with UrlFetcher(FAST) as fetcher:
        tls = fetcher.check(f"https://127.0.0.1:{server.port}/ok")
        with socket.socket() as closed:
            closed.bind(("127.0.0.1", 0))
            port = closed.getsockname()[1]  # bound, never listening: refused
            refused = fetcher.check(f"http://127.0.0.1:{port}/ok")
    assert tls == UrlStatus("unreachable", detail="TLS failure")
    assert refused == UrlStatus("unreachable", detail="connection failed")


def test_the_cache_answers_the_next_run_without_a_request(server, tmp_path):
    urls = [server.base + path for path in ("/ok", "/missing", "/moved", "/error")]
    options = UrlCheckOptions(jobs=4, fetch=FetchOptions(timeout=0.5, retries=0))
    first = check_urls(urls, tmp_path, options)
    asked = sum(server.requests.values())
    second = check_urls(urls, tmp_path, options)
    assert second == first
    # Only the unreachable URL (500) is asked again: 1 HEAD + 1 GET.
    assert sum(server.requests.values()) - asked == 2
    assert server.count("/ok") == 2  # /ok once itself, once as /moved's target


def test_the_cache_forgets_after_its_ttl(tmp_path):
    now = [1000.0]
    cache = UrlCache(tmp_path, ttl=60, clock=lambda: now[0])
    cache.put("https://example.org/a", UrlStatus("ok", 200))
    cache.save()
    assert UrlCache(tmp_path, 60, clock=lambda: now[0]).get("https://example.org/a") == UrlStatus(
        "ok", 200
    )
    now[0] += 61
    assert UrlCache(tmp_path, 60, clock=lambda: now[0]).get("https://example.org/a") is None


def test_a_broken_cache_file_is_a_cold_cache(tmp_path):
    (tmp_path / "urls.json").write_text("{not json", encoding="utf-8")
    assert UrlCache(tmp_path, 60).get("https://example.org/a") is None


def _repository(tmp_path, base: str):
    (tmp_path / "editlint.yaml").write_text("select: [SRC30]\n", encoding="utf-8")
    archive = "https://web.archive.org/web/2019/x"
    wiki = (
        f"A.<ref>{{{{cite web |url={base}/missing |title=R |archive-url={archive}}}}}</ref>\n"
        f"B.<ref>{{{{cite web |url={base}/gone |title=S |archive-url={archive} "
        "|url-status=dead}}</ref>\n"
        f"C.<ref>{{{{cite web |url={base}/ok |title=T}}}}</ref>\n"
    )
    (tmp_path / "harbour.wiki").write_text(wiki, encoding="utf-8")
    markdown = f"See [the report]({base}/moved) and [the list]({base}/hang).\n"
    (tmp_path / "port.md").write_text(markdown, encoding="utf-8")
    return wiki, markdown


URL_ARGS = ("--check-urls", "--url-timeout", "0.5", "--url-retries", "0", "--no-cache")


def test_check_urls_reports_dead_moved_and_unreachable_links(cli, server, tmp_path):
    wiki, markdown = _repository(tmp_path, server.base)
    result = cli("check", "--format", "json", *URL_ARGS, str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    found = sorted(
        (d["path"].rsplit("/", 1)[-1], d["code"], d["line"], d["column"], d["message"])
        for d in json.loads(result.stdout)["diagnostics"]
    )
    assert found == [
        (
            "harbour.wiki",
            "SRC301",
            1,
            24,
            "Dead link (HTTP 404); the citation names an archived copy: "
            "https://web.archive.org/web/2019/x",
        ),
        ("port.md", "SRC302", 1, 18, f"The URL has moved for good (HTTP 301) to {server.base}/ok"),
        (
            "port.md",
            "SRC303",
            1,
            41 + len(server.base),
            "Could not check the link: no answer in 0.5 s",
        ),
    ]
    assert server.count("/gone") == 0  # marked dead with an archive: not even asked


def test_without_the_flag_no_url_is_asked(cli, server, tmp_path):
    _repository(tmp_path, server.base)
    result = cli("check", "--format", "json", str(tmp_path), cwd=tmp_path)
    assert json.loads(result.stdout)["diagnostics"] == []
    assert sum(server.requests.values()) == 0


def test_fixes_mark_dead_and_follow_permanent_redirects(cli, server, tmp_path):
    wiki, markdown = _repository(tmp_path, server.base)
    cli("check", "--fix", "--unsafe-fixes", *URL_ARGS, str(tmp_path), cwd=tmp_path)
    fixed_wiki = (tmp_path / "harbour.wiki").read_text(encoding="utf-8")
    assert fixed_wiki == wiki.replace(
        "archive-url=https://web.archive.org/web/2019/x}}</ref>\nB",
        "archive-url=https://web.archive.org/web/2019/x |url-status=dead}}</ref>\nB",
    )
    assert (tmp_path / "port.md").read_text(encoding="utf-8") == markdown.replace("/moved", "/ok")


def test_sarif_carries_the_link_findings(cli, server, tmp_path):
    _repository(tmp_path, server.base)
    result = cli("check", "--format", "sarif", *URL_ARGS, str(tmp_path), cwd=tmp_path)
    run = json.loads(result.stdout)["runs"][0]
    assert sorted(r["ruleId"] for r in run["results"]) == ["SRC301", "SRC302", "SRC303"]
    rules = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {"SRC301", "SRC302", "SRC303"} <= rules


def test_bad_url_options_are_usage_errors(cli, tmp_path):
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    result = cli("check", "--check-urls", "--url-timeout", "0", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "--url-timeout" in result.stderr
    piped = cli("check", "--check-urls", "-", cwd=tmp_path, input="Text.\n")
    assert piped.returncode == 2 and "--check-urls" in piped.stderr
    assert piped.stdout == ""


def test_the_progress_bar_is_given_every_url_asked_and_none_cached(server, tmp_path):
    urls = [server.base + path for path in ("/ok", "/gone", "/temporary")]
    options = UrlCheckOptions(fetch=FetchOptions(timeout=0.5, retries=0))
    shown: list[int] = []

    def progress(items):
        shown.append(len(items))
        return items

    check_urls(urls, tmp_path, options, progress)
    check_urls(urls, tmp_path, options, progress)  # all cached: no bar at all
    assert shown == [3]


@pytest.mark.parametrize(("jobs", "per_host", "most"), [(4, 1, 1), (2, 4, 2)])
def test_global_and_per_host_limits(server, jobs, per_host, most):
    urls = [f"{server.base}/slow?{n}" for n in range(4)]  # 0.3 s each, one host
    options = UrlCheckOptions(jobs=jobs, fetch=FetchOptions(timeout=2, per_host=per_host))
    statuses = check_urls(urls, None, options)
    assert set(statuses.values()) == {UrlStatus("ok", 200)}
    # Never more at once than the tighter limit (without it, 4 threads overlap on 0.3 s answers).
    assert 1 <= server.most_active <= most
