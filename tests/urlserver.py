"""A real HTTP server on 127.0.0.1 for the link-check tests: one route per behaviour, and a
count of the requests each path received."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

#: How long the hanging route holds a request at most (the test's timeout is far shorter).
HANG_SECONDS = 5.0


class LinkServer:
    """Routes: /ok (200), /moved (301 to /ok), /temporary (302 to /ok), /chain (301 to
    /moved), /loop (301 to itself, via /loop2), /missing (404), /gone (410), /busy (429 with
    Retry-After: 1, then 200), /no-head (405 to HEAD, 200 to GET), /slow (200 after 0.3 s),
    /hang (no answer), /error (500 every time)."""

    def __init__(self) -> None:
        self.requests: Counter[tuple[str, str]] = Counter()
        self.active = 0  # slow requests being answered now
        self.most_active = 0  # the most slow requests answered at once
        self.released = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_HEAD(self) -> None:
                server._answer(self, "HEAD")

            def do_GET(self) -> None:
                server._answer(self, "GET")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> LinkServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.released.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)

    def count(self, path: str) -> int:
        """Requests (HEAD and GET) for ``path`` exactly, its query included."""
        with self._lock:
            return sum(n for (_, p), n in self.requests.items() if p == path)

    def _answer(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        self._route(handler, method)

    def _busy(self, seconds: float) -> None:
        """Answer slowly, counted as active only while waiting: the count drops before the
        answer is written, so a client's next request can never be counted alongside it."""
        with self._lock:
            self.active += 1
            self.most_active = max(self.most_active, self.active)
        try:
            time.sleep(seconds)
        finally:
            with self._lock:
                self.active -= 1

    def _route(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        path = handler.path.partition("?")[0]  # /slow?1 and /slow?2: two URLs, one route
        with self._lock:
            self.requests[(method, handler.path)] += 1
            seen = self.requests[("HEAD", handler.path)] + self.requests[("GET", handler.path)]
        headers: dict[str, str] = {}
        if path == "/ok":
            status = 200
        elif path in ("/moved", "/loop", "/loop2", "/chain", "/temporary"):
            status = 302 if path == "/temporary" else 301
            headers["Location"] = {
                "/moved": "/ok",
                "/chain": "/moved",
                "/loop": "/loop2",
                "/loop2": "/loop",
                "/temporary": "/ok",
            }[path]
        elif path == "/missing":
            status = 404
        elif path == "/gone":
            status = 410
        elif path == "/busy":
            status = 429 if seen == 1 else 200
            headers["Retry-After"] = "1"
        elif path == "/no-head":
            status = 405 if method == "HEAD" else 200
        elif path == "/slow":
            self._busy(0.3)
            status = 200
        elif path == "/hang":
            self.released.wait(HANG_SECONDS)
            return
        else:
            status = 500
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", "2")
        handler.end_headers()
        if method == "GET":
            handler.wfile.write(b"ok")
