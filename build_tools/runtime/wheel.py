"""The calculators as a pure-Python wheel, written directly with :mod:`zipfile`.

A wheel is a zip file holding the package's files and a ``*.dist-info`` folder (METADATA, WHEEL,
and RECORD with each file's SHA-256 and size). ``calculators`` is plain Python with one data file
(rules.toml), so writing the zip ourselves takes milliseconds, where a build backend in a fresh
isolated environment would take seconds and a registry round trip on every site build.

The wheel holds:

- every file of ``calculators/`` except caches, Markdown notes and the catalogs' sources
  (modules, rules.toml and the compiled Spanish catalog, ``locale/es/LC_MESSAGES/*.mo``), its
  subpackages included: ``calculators/views/`` turns a response into what the calculator
  page shows, so that the browser and the build's worked examples share it.

It is deterministic: entries sorted, a fixed timestamp and fixed permissions, so the same sources
give the same bytes and the same hash, and the file can be cached for ever under a URL that
carries its hash.

Usage: ``python -m build_tools.runtime.wheel [--out DIR]`` writes the wheel into DIR (default
``build/``) and prints its path (the Node parity test loads that same wheel).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import re
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "calculators"
# Zip cannot store dates before 1980; any fixed date makes the bytes repeatable.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
# The catalog's .po and .pot are its sources: Python reads only the compiled .mo.
SKIPPED_SUFFIXES = (".pyc", ".pyo", ".md", ".po", ".pot")


@dataclass(frozen=True)
class Wheel:
    filename: str  # e.g. mo_child_support_calculators-1.0.0-py3-none-any.whl
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def project(root: Path = ROOT) -> tuple[str, str, str, str]:
    """(name, version, summary, requires-python) from pyproject.toml's [project] table."""
    table = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return (table["name"], table["version"], table.get("description", ""),
            table.get("requires-python", ""))


def package_files(root: Path = ROOT) -> list[tuple[str, bytes]]:
    """(path inside the wheel, content) of every file shipped, sorted by path."""
    folder = root / PACKAGE
    if not (folder / "__init__.py").is_file():
        raise SystemExit(f"{folder}/__init__.py not found: the wheel is made from the "
                         f"{PACKAGE}/ package at the repository's root.")
    files = [(path.relative_to(root).as_posix(), path.read_bytes())
             for path in folder.rglob("*")
             if path.is_file() and "__pycache__" not in path.parts
             and not path.name.startswith(".") and path.suffix not in SKIPPED_SUFFIXES]
    return sorted(files)


def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _entry(archive: zipfile.ZipFile, path: str, data: bytes) -> None:
    info = zipfile.ZipInfo(path, date_time=FIXED_DATE)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so the permissions above are read as such everywhere
    archive.writestr(info, data, compresslevel=9)


def build_wheel(root: Path = ROOT) -> Wheel:
    """The wheel's file name and bytes."""
    name, version, summary, requires_python = project(root)
    # Wheel file and dist-info names use the normalised name with underscores (PEP 427, 503).
    stem = re.sub(r"[-_.]+", "_", name).lower()
    dist_info = f"{stem}-{version}.dist-info"
    metadata = "".join([
        "Metadata-Version: 2.1\n",
        f"Name: {name}\n",
        f"Version: {version}\n",
        f"Summary: {summary}\n" if summary else "",
        f"Requires-Python: {requires_python}\n" if requires_python else "",
    ]).encode("utf-8")
    wheel_info = (b"Wheel-Version: 1.0\nGenerator: build_tools.runtime.wheel\n"
                  b"Root-Is-Purelib: true\nTag: py3-none-any\n")
    files = package_files(root)
    top_level = "".join(sorted({path.split("/")[0].removesuffix(".py") + "\n"
                                for path, _ in files})).encode("utf-8")
    files += [(f"{dist_info}/METADATA", metadata), (f"{dist_info}/WHEEL", wheel_info),
              (f"{dist_info}/top_level.txt", top_level)]
    record = "".join(f"{path},{_record_hash(data)},{len(data)}\n" for path, data in files)
    record += f"{dist_info}/RECORD,,\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in files:
            _entry(archive, path, data)
        _entry(archive, f"{dist_info}/RECORD", record.encode("utf-8"))
    return Wheel(f"{stem}-{version}-py3-none-any.whl", buffer.getvalue())


def write_wheel(dest: Path, root: Path = ROOT) -> Path:
    """Write the wheel into folder ``dest`` and return its path."""
    wheel = build_wheel(root)
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / wheel.filename
    path.write_bytes(wheel.data)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build",
                        help="folder to write the wheel into (default: build/)")
    args = parser.parse_args(argv)
    print(write_wheel(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
