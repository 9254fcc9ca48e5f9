"""Ask a web server whether a URL still answers: HEAD, then GET when HEAD is refused.

Redirects are followed by hand (at most ``max_redirects``, a loop is caught), so a permanent
one (301, 308) is known; 429 and 502-504 are retried with exponential backoff, honouring a
``Retry-After`` up to ``max_wait`` seconds; a timeout or a dropped connection is retried too.
Each host is asked by at most ``per_host`` threads at once (``HostLimits``).
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from editlint.urlcheck.status import DEAD, MOVED, OK, UNREACHABLE, UrlStatus

PERMANENT = frozenset({301, 308})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRIED = frozenset({429, 502, 503, 504})
#: Answers that mean the page is gone; other 4xx (401, 403 ...) say nothing about the page.
GONE = frozenset({404, 410})
USER_AGENT = "editlint-link-check/1 (+https://github.com/editlint)"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    timeout: float = 10.0  # seconds for connecting, and between bytes of an answer
    retries: int = 2  # more attempts after the first, for 429, 502-504 and timeouts
    backoff: float = 0.5  # seconds before the first retry, doubling after
    max_wait: float = 10.0  # the longest Retry-After honoured (longer: wait this long)
    max_redirects: int = 10
    per_host: int = 2


class HostLimits:
    """At most ``per_host`` requests to one host at a time (one semaphore per host)."""

    def __init__(self, per_host: int) -> None:
        self._per_host = max(1, per_host)
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}

    def for_host(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            semaphore = self._hosts.get(host)
            if semaphore is None:
                semaphore = self._hosts[host] = threading.BoundedSemaphore(self._per_host)
            return semaphore


class UrlFetcher:
    """Checks URLs with one shared connection pool; safe to call from many threads."""

    def __init__(
        self,
        options: FetchOptions | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.options = options or FetchOptions()
        self._sleep = sleep
        self._limits = HostLimits(self.options.per_host)
        self._client = httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(self.options.timeout),
            headers={"User-Agent": USER_AGENT},
            trust_env=False,  # no proxy from the environment: the URL's own host is asked
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> UrlFetcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def check(self, url: str) -> UrlStatus:
        """Follow ``url`` to its final answer."""
        seen = {url}
        permanent = True
        first: int | None = None  # the first redirect's status
        current = url
        for _ in range(self.options.max_redirects + 1):
            answer = self._answer(current)
            if isinstance(answer, UrlStatus):
                return answer
            status, location = answer
            if status in REDIRECTS and location:
                permanent = permanent and status in PERMANENT
                first = first or status
                current = urljoin(current, location)
                if current in seen:
                    return UrlStatus(UNREACHABLE, status, detail="redirect loop")
                seen.add(current)
                continue
            if status in GONE:
                return UrlStatus(DEAD, status)
            if status >= 400:
                return UrlStatus(UNREACHABLE, status)
            if current != url and permanent:
                return UrlStatus(MOVED, first, target=current)
            return UrlStatus(OK, status)
        return UrlStatus(UNREACHABLE, detail=f"more than {self.options.max_redirects} redirects")

    def _answer(self, url: str) -> tuple[int, str] | UrlStatus:
        """(status, Location) of ``url`` after retries, or the status of a failure."""
        options = self.options
        host = (urlsplit(url).hostname or "").lower()
        for attempt in range(options.retries + 1):
            last = attempt == options.retries
            try:
                with self._limits.for_host(host):
                    status, headers = self._head_then_get(url)
            except httpx.TimeoutException:
                if last:
                    return UrlStatus(UNREACHABLE, detail=f"no answer in {options.timeout:g} s")
                self._sleep(options.backoff * 2**attempt)
                continue
            except httpx.HTTPError as error:
                return UrlStatus(UNREACHABLE, detail=_described(error))
            if status in RETRIED and not last:
                self._sleep(self._delay(headers.get("retry-after"), attempt))
                continue
            return status, headers.get("location", "")
        raise AssertionError("unreachable: the last attempt returns")

    def _head_then_get(self, url: str) -> tuple[int, httpx.Headers]:
        response = self._client.head(url)
        if response.status_code < 400 or response.status_code in RETRIED:
            return response.status_code, response.headers
        # HEAD refused (405, 501) or answered wrongly by some servers: ask with GET, reading
        # no more of the body than the headers.
        with self._client.stream("GET", url) as response:
            return response.status_code, response.headers

    def _delay(self, retry_after: str | None, attempt: int) -> float:
        """Seconds to wait before the next attempt: Retry-After (seconds or an HTTP date),
        bounded by ``max_wait``, else exponential backoff."""
        wanted = self.options.backoff * 2**attempt
        if retry_after:
            value = retry_after.strip()
            if value.isdigit():
                wanted = float(value)
            else:
                try:
                    wanted = parsedate_to_datetime(value).timestamp() - time.time()
                except (TypeError, ValueError):
                    pass
        return max(0.0, min(wanted, self.options.max_wait))


def _described(error: httpx.HTTPError) -> str:
    """A one-line reason for a failed request."""
    cause: BaseException | None = error
    for _ in range(8):  # the chain of causes, bounded
        if cause is None or isinstance(cause, ssl.SSLError):
            break
        cause = cause.__context__ or cause.__cause__
    if isinstance(cause, ssl.SSLError) or "SSL" in str(error):
        return "TLS failure"
    if isinstance(error, httpx.ConnectError):
        return "connection failed"
    if isinstance(error, httpx.RemoteProtocolError):
        return "the server broke the protocol"
    return type(error).__name__
