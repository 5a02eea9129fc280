"""The runtime's pre-compressed copies, the stored standard library archive, and how the local
static host chooses between brotli, gzip and no compression (build_tools/commands/serve.py)."""

from __future__ import annotations

import gzip
import urllib.request
import zipfile
from pathlib import Path

import brotli
import pytest

from build_tools.runtime import precompress, stdlib
from build_tools.commands.serve import StaticHost, accepted

RUNTIME_GLOBS = ("pyodide/*/*", "calculators/runtime/*/*", "sw.js", "calculators/sw.js")


def runtime_files(site: Path) -> list[Path]:
    found = [path for pattern in RUNTIME_GLOBS for path in site.glob(pattern)]
    return [path for path in found if path.suffix not in (".br", ".gz")]


def test_every_compressible_runtime_file_has_copies_that_decompress_to_it(built_site):
    files = runtime_files(built_site.path)
    assert {path.name for path in files} >= {"pyodide.asm.wasm", "pyodide.asm.mjs",
                                             stdlib.FILENAME, "worker.js", "sw.js"}
    for path in files:
        original = path.read_bytes()
        br = path.with_name(path.name + ".br")
        gz = path.with_name(path.name + ".gz")
        if not precompress.compressible(path.name):
            assert not br.exists() and not gz.exists(), path
            continue
        assert brotli.decompress(br.read_bytes()) == original, br
        assert gzip.decompress(gz.read_bytes()) == original, gz


def test_brotli_makes_the_webassembly_smaller_than_gzip(built_site):
    wasm = next(built_site.path.glob("pyodide/*/pyodide.asm.wasm"))
    br = wasm.with_name(wasm.name + ".br").stat().st_size
    gz = wasm.with_name(wasm.name + ".gz").stat().st_size
    assert br < gz < wasm.stat().st_size


def test_the_standard_library_archive_stores_its_entries(built_site):
    archive = next(built_site.path.glob(f"calculators/runtime/*/{stdlib.FILENAME}"))
    with zipfile.ZipFile(archive) as zipped:
        infos = zipped.infolist()
    assert infos and all(info.compress_type == zipfile.ZIP_STORED for info in infos)
    assert all(info.filename.endswith(".pyc") for info in infos)


def test_a_copy_is_made_once_and_read_from_the_cache(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.js").write_text("let a = 1;\n" * 100)
    (tmp_path / "site" / "a.png").write_bytes(b"\x89PNG")
    cache = tmp_path / "cache"
    written = precompress.write_copies(tmp_path / "site", ["a.js", "a.png"], cache)
    assert written == ["a.js.br", "a.js.gz"]
    assert len(list(cache.iterdir())) == 2
    for copy in cache.iterdir():
        copy.write_bytes(b"from the cache")
    precompress.write_copies(tmp_path / "site", ["a.js"], cache)
    assert (tmp_path / "site" / "a.js.br").read_bytes() == b"from the cache"


@pytest.mark.parametrize(("header", "codings"), [
    ("gzip, deflate, br, zstd", {"gzip", "deflate", "br", "zstd"}),
    ("gzip;q=1.0, br;q=0", {"gzip"}),
    ("BR ; q=0.5", {"br"}),
    ("", set()),
    ("identity", {"identity"}),
    ("gzip;q=nonsense", {"gzip"}),
])
def test_accept_encoding_is_read_with_its_qualities(header, codings):
    assert accepted(header) == codings


def fetch(url: str, encoding: str | None) -> tuple[bytes, dict[str, str]]:
    headers = {"Accept-Encoding": encoding} if encoding is not None else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.read(), dict(response.headers)


@pytest.fixture()
def wasm_path(built_site) -> str:
    wasm = next(built_site.path.glob("pyodide/*/pyodide.asm.wasm"))
    return wasm.relative_to(built_site.path).as_posix()


@pytest.mark.parametrize(("accept", "coding"), [
    ("gzip, deflate, br", "br"),
    ("gzip", "gzip"),
    ("gzip, br;q=0", "gzip"),
    (None, None),
])
def test_the_host_sends_the_smallest_copy_the_browser_accepts(site_host, built_site, wasm_path,
                                                              accept, coding):
    original = (built_site.path / wasm_path).read_bytes()
    body, headers = fetch(site_host.url + wasm_path, accept)
    assert headers.get("Content-Encoding") == coding
    assert headers["Vary"] == "Accept-Encoding"
    assert headers["Content-Type"] == "application/wasm"
    assert headers["Content-Length"] == str(len(body))
    decoded = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[coding](body)
    assert decoded == original


def test_a_gzip_only_host_ignores_the_brotli_copies(built_site, wasm_path):
    with StaticHost(built_site.path, brotli=False) as host:
        body, headers = fetch(host.url + wasm_path, "gzip, br")
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (built_site.path / wasm_path).read_bytes()


def test_pages_without_copies_are_still_gzipped_on_the_fly(site_host, built_site):
    body, headers = fetch(site_host.url, "gzip, br")
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (built_site.path / "index.html").read_bytes()
