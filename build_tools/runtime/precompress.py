"""Pre-compressed copies of the calculator runtime, for hosts that serve them.

A first visit to a calculator page downloads the runtime (Pyodide's WebAssembly and script, the
standard library archive, the wheel and the worker): about 5 MB with gzip, which on a phone
network sets the floor of the wait. Brotli at its highest quality makes the WebAssembly a quarter
smaller than gzip does, but takes half a minute, far too long for a host to do per request.
So the build writes, beside each compressible runtime file ``F``, ``F.br`` (brotli, quality 11)
and ``F.gz`` (gzip, level 9); a host that serves pre-compressed files (nginx ``brotli_static`` and
``gzip_static``, the project's own ``build_tools/commands/serve.py``) sends the smaller one the browser
accepts, with ``Content-Encoding`` and ``Vary: Accept-Encoding``.

The runtime files change only when Pyodide or the calculators change, so each copy is kept in
``.cache/precompressed/`` under the SHA-256 of the original: a build with nothing changed reads
them instead of compressing again.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

import brotli

from build_tools.runtime.wheel import ROOT

CACHE = ROOT / ".cache" / "precompressed"
# Text, JSON and WebAssembly compress; a wheel or a zip of stored entries is compressed by the
# transfer like any file, so it is listed by name below rather than by its ending.
COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".txt", ".zip",
                ".whl")
BROTLI_QUALITY = 11
GZIP_LEVEL = 9

ENCODINGS: dict[str, Callable[[bytes], bytes]] = {
    ".br": lambda data: brotli.compress(data, quality=BROTLI_QUALITY),
    ".gz": lambda data: gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0),
}


def compressible(path: str) -> bool:
    return path.lower().endswith(COMPRESSIBLE)


def compressed(data: bytes, suffix: str, cache: Path = CACHE) -> bytes:
    """``data`` compressed for ``suffix`` (".br" or ".gz"), from the cache when it is there."""
    cached = cache / (hashlib.sha256(data).hexdigest() + suffix)
    if cached.is_file():
        return cached.read_bytes()
    result = ENCODINGS[suffix](data)
    cache.mkdir(parents=True, exist_ok=True)
    temporary = cached.with_name(cached.name + ".part")
    temporary.write_bytes(result)
    temporary.replace(cached)  # a build stopped half-way never leaves half a copy behind
    return result


def write_copies(site_dir: Path, files: Iterable[str], cache: Path = CACHE) -> list[str]:
    """Write ``F.br`` and ``F.gz`` beside each compressible site-relative file ``F``; return
    the paths written."""
    written = []
    for name in files:
        if not compressible(name):
            continue
        original = site_dir / name
        data = original.read_bytes()
        for suffix in ENCODINGS:
            (site_dir / (name + suffix)).write_bytes(compressed(data, suffix, cache))
            written.append(name + suffix)
    return written
