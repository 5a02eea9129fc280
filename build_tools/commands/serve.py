"""Serve the built site the way a real static host does, for `make serve`, the tests and bench/.

What it does that `python -m http.server` does not: the build's pre-compressed copies
(``F.br``, then ``F.gz``, build_tools/runtime/precompress.py) of a file the browser accepts them
for, as nginx's ``brotli_static`` and ``gzip_static`` do; otherwise gzip made on the fly for text,
JSON and WebAssembly (as static hosts do, so byte counts are realistic); the right types for
``.wasm`` and ``.mjs``; the response headers of the site's ``_headers`` file (security policy,
caching: build_tools/hosting/headers.py), read as Cloudflare Pages reads it, and never the file itself;
the site's own 404 page, and an optional base path so a site built for a subpath
(``SITE_URL=http://127.0.0.1:8000/mo-child-support/``) is served where its links point.
It listens on loopback by default and never writes to the folder it serves.

Usage: ``python -m build_tools.commands.serve --root site [--host 127.0.0.1] [--port 8000] [--base /]``
"""

from __future__ import annotations

import argparse
import gzip
import mimetypes
import posixpath
import threading
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self
from urllib.parse import unquote, urlsplit

from build_tools.hosting import headers

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".ico": "image/x-icon",
    ".png": "image/png",
}
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".webmanifest", ".wasm", ".svg",
                ".txt", ".xml"}


# Pre-compressed copies, best first: (file suffix, Content-Encoding token).
PRECOMPRESSED = ((".br", "br"), (".gz", "gzip"))
# How hosts compress, so that the bench and the tests see the site as each kind of host sends it:
#   copies     the build's copies (brotli, then gzip), as nginx's brotli_static and gzip_static;
#              gzip made on the fly for the other text (the project's own host);
#   gzip-only  the same without the brotli copies (GitHub Pages);
#   text-gzip  gzip made on the fly for HTML, JS, CSS, JSON, SVG and WebAssembly only, never a
#              copy read (nginx's gzip with gzip_types, the content-type lists of static hosts);
#   none       no compression at all.
MODES = ("copies", "gzip-only", "text-gzip", "none")
TEXT_GZIP = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".wasm"}


def accepted(header: str) -> set[str]:
    """The content codings an Accept-Encoding header accepts (``q=0`` refuses one)."""
    codings = set()
    for item in header.split(","):
        name, _, params = item.partition(";")
        quality = params.strip().removeprefix("q=").strip() if "q=" in params else "1"
        try:
            refused = float(quality) == 0
        except ValueError:
            refused = False
        if name.strip() and not refused:
            codings.add(name.strip().lower())
    return codings


@lru_cache(maxsize=512)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    # The mtime is part of the key so that a rebuilt file is compressed again.
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


@lru_cache(maxsize=4)
def _rules(path: Path, mtime_ns: int) -> list[headers.HostRule]:
    # Read again when a build writes a new file (`make build` while `make serve` runs).
    return headers.parse(path.read_text(encoding="utf-8"))


def make_handler(root: Path, base: str, brotli: bool = True, mode: str = "copies",
                 log: list[str] | None = None) -> type[BaseHTTPRequestHandler]:
    """The request handler; ``mode`` is how the host compresses (``MODES`` above);
    ``brotli=False`` is the mode "gzip-only". ``log``, when given, gets the path of every
    request, in the order they arrive."""
    if mode not in MODES:
        raise ValueError(f"unknown host mode {mode!r}: one of {', '.join(MODES)}")
    if not brotli and mode == "copies":
        mode = "gzip-only"
    root = root.resolve()
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    rules_file = root / headers.FILENAME

    class Handler(BaseHTTPRequestHandler):
        server_version = "static"
        sys_version = ""

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the tests and the bench print what matters

        def do_HEAD(self) -> None:
            self._serve(head=True)

        def do_GET(self) -> None:
            self._serve(head=False)

        def _resolve(self, url_path: str) -> Path | None:
            if not url_path.startswith(base):
                return None
            relative = posixpath.normpath(unquote(url_path[len(base):]))
            if relative.startswith("..") or relative.startswith("/"):
                return None
            candidate = (root / relative).resolve() if relative != "." else root
            if root not in candidate.parents and candidate != root:
                return None
            if candidate == root / headers.FILENAME:
                return None  # read by the host, never served (as Netlify and Cloudflare Pages)
            if candidate.is_dir():
                if not url_path.endswith("/"):
                    return candidate  # redirected below
                candidate = candidate / "index.html"
            return candidate if candidate.is_file() else None

        def _serve(self, head: bool) -> None:
            if log is not None:
                log.append(self.path)
            url_path = urlsplit(self.path).path
            path = self._resolve(url_path)
            status = HTTPStatus.OK
            if path is not None and path.is_dir():
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if path is None:
                status = HTTPStatus.NOT_FOUND
                path = root / "404.html"
                if not path.is_file():
                    self.send_error(HTTPStatus.NOT_FOUND)
                    return
            suffix = path.suffix.lower()
            content_type = TYPES.get(suffix) or mimetypes.guess_type(path.name)[0]
            body, encoding = self._body(path, accepted(self.headers.get("Accept-Encoding", "")))
            self.send_response(status)
            self.send_header("Content-Type", content_type or "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
            rules = _rules(rules_file, rules_file.stat().st_mtime_ns) \
                if rules_file.is_file() else []
            for name, value in headers.joined(headers.headers_for(url_path, rules)).items():
                self.send_header(name, value)
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def _body(self, path: Path, codings: set[str]) -> tuple[bytes, str | None]:
            if mode == "none":
                return path.read_bytes(), None
            if mode == "text-gzip":
                if path.suffix.lower() in TEXT_GZIP and "gzip" in codings:
                    return _gzipped(path, path.stat().st_mtime_ns), "gzip"
                return path.read_bytes(), None
            for copy_suffix, coding in PRECOMPRESSED:
                if coding == "br" and mode == "gzip-only":
                    continue
                copy = path.with_name(path.name + copy_suffix)
                if coding in codings and copy.is_file():
                    return copy.read_bytes(), coding
            if path.suffix.lower() in COMPRESSIBLE and "gzip" in codings:
                return _gzipped(path, path.stat().st_mtime_ns), "gzip"
            return path.read_bytes(), None

    return Handler


class StaticHost:
    """A static host on a background thread, for tests and benchmarks: ``with StaticHost(root)``."""

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 0, base: str = "/",
                 brotli: bool = True, mode: str = "copies"):
        self.base, self.brotli, self.mode = base, brotli, mode
        self.requests: list[str] = []  # every request's path, as it reached the host
        self.server = ThreadingHTTPServer(
            (host, port), make_handler(Path(root), base, brotli, mode, self.requests))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        host_name, port_number = self.server.server_address[:2]
        path = base.strip("/") + "/" if base.strip("/") else ""
        self.url = f"http://{host_name!s}:{port_number}/{path}"

    def switch_root(self, root: Path) -> None:
        """Serve another folder at the same address from the next request on: a deploy, as a
        host that swaps the site's folder does it (tests/browser/test_privacy.py)."""
        self.server.RequestHandlerClass = make_handler(Path(root), self.base, self.brotli,
                                                       self.mode, self.requests)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default="site", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default=8000, type=int)
    parser.add_argument("--base", default="/", help="URL path the site is built for")
    parser.add_argument("--mode", default="copies", choices=MODES,
                        help="how the host compresses (default: the build's copies)")
    args = parser.parse_args()
    if not (args.root / "index.html").is_file():
        raise SystemExit(f"{args.root}/index.html not found: run `make build` first.")
    server = ThreadingHTTPServer((args.host, args.port),
                                 make_handler(args.root, args.base, mode=args.mode))
    print(f"Serving {args.root}/ at http://{args.host}:{args.port}{args.base} (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
