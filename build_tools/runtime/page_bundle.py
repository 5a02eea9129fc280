"""The calculator pages' script and stylesheet, bundled at build time with esbuild.

The page's script is written as small ES modules (docs/assets/calculators/: main.js imports the
others) and its styles as calculator.css. Loaded as they are, a first visit asks for each module
in turn (a module's imports are found only once it has arrived), and the service worker asks
for each again to keep it. The build instead makes one file of each with esbuild (pinned in
package.json, installed by ``npm ci``), minified, with a source map beside it (the original
modules inside, for the browser's developer tools), named by a hash of its content under
``assets/calculators/bundle/``: a new version gets a new name, so hosts may keep both for
ever (build_tools/hosting/headers.py). The modules themselves are not published.

build_tools/hooks/calculator_runtime.py runs this before any page is rendered (the pages name
the hashed files) and writes the files into the site.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from build_tools.runtime.wheel import ROOT

SOURCE_FOLDER = "assets/calculators/"  # under docs/
SCRIPT = SOURCE_FOLDER + "main.js"
STYLESHEET = SOURCE_FOLDER + "calculator.css"
BUNDLE_FOLDER = SOURCE_FOLDER + "bundle/"


class BundleError(Exception):
    """The bundle cannot be made; the message says what to run or fix."""


@dataclass(frozen=True)
class Bundle:
    script: str                # site-relative URL of the bundled script
    stylesheet: str            # and of the stylesheet
    files: dict[str, bytes]    # site-relative path -> content (the two, and their source maps)
    sources: tuple[str, ...]   # the docs/ files that went into them (not published)


def esbuild(root: Path = ROOT) -> Path:
    command = root / "node_modules" / ".bin" / "esbuild"
    if not command.exists():
        raise BundleError("node_modules/.bin/esbuild is missing: run `make setup` (it runs "
                          "`npm ci`, which installs the esbuild pinned in package.json).")
    return command


def build(docs_dir: Path, root: Path = ROOT) -> Bundle:
    """Bundle ``docs/assets/calculators/main.js`` (with what it imports) and ``calculator.css``."""
    entries = [docs_dir / SCRIPT, docs_dir / STYLESHEET]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        result = subprocess.run(
            [str(esbuild(root)), *map(str, entries), "--bundle", "--format=esm", "--minify",
             "--sourcemap", "--charset=utf8", "--legal-comments=none", "--log-level=warning",
             "--entry-names=[name].[hash]", f"--outdir={out / 'bundle'}",
             f"--metafile={out / 'meta.json'}"],
            capture_output=True, text=True, cwd=root)
        if result.returncode != 0:
            raise BundleError(f"esbuild could not bundle {SCRIPT} and {STYLESHEET} (under "
                              f"docs/):\n{result.stderr.strip()}")
        meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
        files: dict[str, bytes] = {}
        named: dict[str, str] = {}
        sources: set[str] = set()
        for output, details in meta["outputs"].items():
            path = (root / output).resolve()
            name = path.name
            content = path.read_bytes()
            if name.endswith(".map"):
                content = _project_relative_sources(content, path.parent, root)
            files[BUNDLE_FOLDER + name] = content
            entry = details.get("entryPoint")
            if entry:
                named[Path(entry).name] = BUNDLE_FOLDER + name
            sources.update(details.get("inputs", {}))
    published = tuple(sorted(Path(root, source).resolve().relative_to(docs_dir.resolve())
                             .as_posix() for source in sources))
    return Bundle(named[Path(SCRIPT).name], named[Path(STYLESHEET).name], files, published)


def _project_relative_sources(source_map: bytes, folder: Path, root: Path) -> bytes:
    """A source map whose ``sources`` name the files as the repository does
    (``docs/assets/calculators/form.js``), not by the build's temporary folder; their text is
    inside the map (``sourcesContent``)."""
    data = json.loads(source_map)
    data["sources"] = [(folder / source).resolve().relative_to(root.resolve()).as_posix()
                       for source in data["sources"]]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write(bundle: Bundle, site_dir: Path) -> list[str]:
    """Write the bundle's files into the built site; return their site-relative paths."""
    for path, content in bundle.files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return sorted(bundle.files)
