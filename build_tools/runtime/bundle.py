"""The runtime files of the calculator pages, and where they go in the built site.

- ``pyodide/<version>/``: the Pyodide files the browser fetches, copied from
  ``node_modules/pyodide`` (installed by ``npm ci`` at the version pinned in package.json). The
  version in the folder name is read from node_modules/pyodide/package.json.
- ``calculators/runtime/<key>/``: the calculators wheel, the worker script and the standard
  library the calculators use (build_tools/runtime/stdlib.py: trimmed and precompiled), under a
  key made from their content, so all three can be cached for ever.
- ``calculators/build.json``: which runtime this build deployed and the build's date
  (``{"runtime": key, "built": "2026-12-02", "shown": "December 2, 2026"}``). A calculator
  page fetches it from the network on each visit: a page whose runtime is older says so (or
  reloads), and a page that cannot fetch it is offline. The service worker never keeps it.
- ``sw.js``: the one service worker of both languages' calculator pages, at the top of the
  site, so that its scope holds ``calculators/`` and ``es/calculators/`` (a scope is one
  folder and what is under it; two workers would each delete the other's caches). Only the
  calculator pages register it, and it answers only for them and what they load: every other
  request goes to the network as if it did not exist. The worker script sits inside that scope
  too, because a browser gives a worker the service worker whose scope holds the worker's own
  URL: so the worker's requests (Pyodide, the wheel) are served from the cache as well, offline
  included. It is written once both languages are built (:func:`write_service_worker`).
- ``calculators/sw.js``: where the service worker was, with scope ``calculators/``, before the
  Spanish pages: a browser that still has it finds, on its next check, a worker that
  unregisters itself (``retired-service-worker.js``), so the one at the top takes over.

The worker and the service worker are written from the sources beside this file
(``worker.js``, ``service-worker.js``) with one line of settings put in front, so that the
browser never has to ask for a settings file.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import posixpath
import re
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from build_tools.runtime import stdlib
from build_tools.runtime.wheel import ROOT, Wheel, build_wheel
from calculators.dates import long_date

HERE = Path(__file__).resolve().parent
WORKER_SOURCE = HERE / "worker.js"
# The one module the worker imports: written into the worker in place of its import line.
SNAPSHOT_SOURCE = HERE / "pyodide-snapshot.mjs"
SERVICE_WORKER_SOURCE = HERE / "service-worker.js"
RETIRED_SERVICE_WORKER_SOURCE = HERE / "retired-service-worker.js"
START_SOURCE = HERE / "start-worker.js"
# What the worker loads from Pyodide's own files. pyodide.js (the classic script), the type
# declarations, source maps and the console pages are never fetched at run time; nor are the
# whole standard library (the site ships a trimmed one, build_tools/runtime/stdlib.py) and the
# lock file (no package is installed from Pyodide's index: the worker passes its ABI version).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
LOCK_FILE = "pyodide-lock.json"
# A brotli decoder (WebAssembly, pinned in package.json), for hosts that do not send brotli: the
# worker fetches the runtime's brotli copies itself and decodes them (worker.js). Its glue script
# and its module, copied from node_modules/brotli-dec-wasm/pkg/ into the runtime's folder.
BROTLI_DECODER = ("brotli_dec_wasm.js", "brotli_dec_wasm_bg.wasm")
BROTLI_PACKAGE = "brotli-dec-wasm"
# The files the worker fetches as a brotli or gzip copy when the host sends no brotli itself
# (worker.js, "The same bytes on every host"): the three largest. Pyodide's large script only
# where the host compresses nothing: it is imported from a blob: URL then (the worker's policy,
# build_tools/headers.py, allows blob: scripts), and by its URL from a host that gzips it, so
# that the browser keeps its compiled code.
OWN_COPIES = ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs")
RUNTIME_FOLDER = "calculators/runtime"
SERVICE_WORKER = "sw.js"
RETIRED_SERVICE_WORKER = "calculators/sw.js"
BUILD_INFO = "calculators/build.json"
# The worker keeps its memory snapshot in a cache of this name followed by the runtime's key
# (build_tools/runtime/worker.js reads the key from its own folder's name).
SNAPSHOT_CACHE_PREFIX = "calculators-snapshot-"
SEARCH_INDEX = "search/search_index.json"


class RuntimeBuildError(Exception):
    """The runtime cannot be built; the message says what to run or fix."""


@dataclass(frozen=True)
class Pyodide:
    version: str
    source: Path  # node_modules/pyodide

    @property
    def folder(self) -> str:
        """The site-relative folder, e.g. ``pyodide/314.0.7/``."""
        return f"pyodide/{self.version}/"


def find_pyodide(root: Path = ROOT) -> Pyodide:
    """The installed Pyodide, checked against the version package.json pins."""
    source = root / "node_modules" / "pyodide"
    manifest = source / "package.json"
    if not manifest.is_file():
        raise RuntimeBuildError(
            "node_modules/pyodide is missing: run `make setup` (it runs `npm ci`, which installs "
            "the Pyodide version pinned in package.json).")
    version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    pinned = json.loads((root / "package.json").read_text(encoding="utf-8")) \
        .get("devDependencies", {}).get("pyodide")
    if pinned != version:
        raise RuntimeBuildError(
            f"node_modules has Pyodide {version} but package.json pins {pinned}: run "
            "`make setup` (npm ci) to install the pinned version.")
    missing = [name for name in (*PYODIDE_FILES, LOCK_FILE) if not (source / name).is_file()]
    if missing:
        raise RuntimeBuildError(f"node_modules/pyodide lacks {', '.join(missing)}: run "
                            "`make setup` (npm ci) again.")
    return Pyodide(version, source)


def find_brotli_decoder(root: Path = ROOT) -> dict[str, bytes]:
    """The brotli decoder's files (``BROTLI_DECODER``), checked against package.json's pin."""
    package = root / "node_modules" / BROTLI_PACKAGE
    manifest = package / "package.json"
    pinned = json.loads((root / "package.json").read_text(encoding="utf-8")) \
        .get("devDependencies", {}).get(BROTLI_PACKAGE)
    installed = (json.loads(manifest.read_text(encoding="utf-8"))["version"]
                 if manifest.is_file() else None)
    files = {name: package / "pkg" / name for name in BROTLI_DECODER}
    if installed != pinned or not all(path.is_file() for path in files.values()):
        raise RuntimeBuildError(
            f"node_modules/{BROTLI_PACKAGE} is missing or not the version package.json pins "
            f"({pinned}): run `make setup` (npm ci).")
    return {name: path.read_bytes() for name, path in files.items()}


@dataclass(frozen=True)
class Runtime:
    """Everything the calculator pages load, with its site-relative URLs."""

    pyodide: Pyodide
    wheel: Wheel
    stdlib: bytes        # the trimmed, precompiled standard library
    key: str             # from the content of the wheel, the standard library and the worker
    worker_text: str
    decoder: dict[str, bytes] = field(default_factory=dict)  # BROTLI_DECODER's files

    @property
    def folder(self) -> str:
        return f"{RUNTIME_FOLDER}/{self.key}/"

    @property
    def worker(self) -> str:
        return self.folder + "worker.js"

    @property
    def starter(self) -> str:
        """The script that starts the worker from a calculator page's head."""
        return self.folder + START_SOURCE.name

    def files(self) -> list[str]:
        """Every versioned file (site-relative), in the order the worker needs them."""
        return ([self.pyodide.folder + name for name in PYODIDE_FILES]
                + [self.worker, self.starter, self.folder + self.wheel.filename,
                   self.folder + stdlib.FILENAME]
                + [self.folder + name for name in self.decoder])

    def kept_by_worker(self) -> list[str]:
        """The versioned files the worker keeps itself, compressed (worker.js, "Kept on the
        device"), and the decoder it needs only on a first visit: not the service worker's."""
        return ([self.pyodide.folder + "pyodide.asm.wasm", self.pyodide.folder + "pyodide.asm.mjs",
                 self.folder + stdlib.FILENAME]
                + [self.folder + name for name in self.decoder])


def first_visit_bytes(runtime: Runtime) -> dict[str, int]:
    """What a first visit downloads of the runtime from each kind of host (build_tools/commands/serve.py's
    modes), as worker.js fetches it:

    - ``copies`` (a host that sends the build's brotli copies): every file's brotli copy;
    - ``text-gzip`` (gzip made on the fly for text and WebAssembly, no copy read): the worker,
      Pyodide's scripts and the decoder's script gzipped; the WebAssembly and the standard
      library as their brotli copies, decoded by the decoder, whose own module comes as its
      gzip copy; the wheel raw;
    - ``none`` (no compression): the same, with Pyodide's large script (1.25 MB) as its brotli
      copy too (imported from a blob: URL), and the other scripts and the wheel raw.

    Gzip made on the fly is counted at the local host's level (serve.py); another host's level
    changes those few scripts' figures by a few kilobytes.
    """
    import gzip

    from build_tools.runtime import precompress

    def copy(data: bytes, suffix: str) -> int:
        return len(precompress.compressed(data, suffix))

    def on_the_fly(data: bytes) -> int:
        return len(gzip.compress(data, compresslevel=6, mtime=0))

    pyodide = {name: (runtime.pyodide.source / name).read_bytes() for name in PYODIDE_FILES}
    small = [runtime.worker_text.encode("utf-8"), START_SOURCE.read_bytes(), pyodide["pyodide.mjs"]]
    script = pyodide["pyodide.asm.mjs"]
    glue, module = (runtime.decoder[name] for name in BROTLI_DECODER)
    own = copy(pyodide["pyodide.asm.wasm"], ".br") + copy(runtime.stdlib, ".br") \
        + copy(module, ".gz")
    return {
        "copies": sum(copy(data, ".br") for data in [*small, script, pyodide["pyodide.asm.wasm"],
                                                     runtime.wheel.data, runtime.stdlib]),
        "text-gzip": own + sum(on_the_fly(data) for data in [*small, script, glue])
        + len(runtime.wheel.data),
        "none": own + copy(script, ".br") + sum(len(data) for data in [*small, glue,
                                                                        runtime.wheel.data]),
    }


def download_bytes(runtime: Runtime) -> int:
    """What a first visit downloads for the calculator at most, whatever the host: what a page
    tells a visitor who is saving data."""
    return max(first_visit_bytes(runtime).values())


_SNAPSHOT_IMPORT = re.compile(
    r'^import \{[^}]*\} from "\./' + re.escape(SNAPSHOT_SOURCE.name) + r'";\n', re.MULTILINE)


def worker_source() -> str:
    """worker.js with pyodide-snapshot.mjs (Pyodide's private snapshot calls) written in place
    of its import, its ``export`` words dropped: the worker stays one file, one request."""
    worker = WORKER_SOURCE.read_text(encoding="utf-8")
    module = re.sub(r"^export ", "", SNAPSHOT_SOURCE.read_text(encoding="utf-8"),
                    flags=re.MULTILINE)
    text, count = _SNAPSHOT_IMPORT.subn(lambda _: module, worker)
    if count != 1:
        raise RuntimeBuildError(f"{WORKER_SOURCE} must import {SNAPSHOT_SOURCE.name} once, as "
                                f'`import {{ ... }} from "./{SNAPSHOT_SOURCE.name}";`')
    return text


def _setting_line(name: str, value: object) -> str:
    # JSON is a JavaScript expression; "<" is escaped so the text is inert anywhere.
    text = json.dumps(value, sort_keys=True).replace("<", "\\u003c")
    return f"const {name} = {text};\n"


def prepare(root: Path = ROOT) -> Runtime:
    """Build the wheel and the worker text in memory (nothing is written)."""
    pyodide = find_pyodide(root)
    wheel = build_wheel(root)
    try:
        trimmed = stdlib.trimmed_stdlib(pyodide.version, wheel, root)
    except stdlib.StdlibError as error:
        raise RuntimeBuildError(str(error)) from None
    sizes = {name: (pyodide.source / name).stat().st_size for name in PYODIDE_FILES}
    sizes["wheel"] = len(wheel.data)
    sizes["stdlib"] = len(trimmed)
    lock = json.loads((pyodide.source / LOCK_FILE).read_text(encoding="utf-8"))
    # The worker sits in calculators/runtime/<key>/; every key has the same depth.
    from_worker = posixpath.relpath(pyodide.folder, f"{RUNTIME_FOLDER}/key") + "/"
    decoder = find_brotli_decoder(root)
    glue, module = BROTLI_DECODER
    settings = {"pyodide": from_worker, "wheel": wheel.filename, "stdlib": stdlib.FILENAME,
                "lockInfo": lock["info"], "sizes": sizes, "ownCopies": list(OWN_COPIES),
                "brotli": {"script": glue, "module": module}}
    worker_text = _setting_line("RUNTIME", settings) + worker_source()
    digest = hashlib.sha256(worker_text.encode("utf-8") + START_SOURCE.read_bytes() + wheel.data
                            + trimmed + b"".join(decoder.values())).hexdigest()
    return Runtime(pyodide, wheel, trimmed, digest[:16], worker_text, decoder)


class _Loads(HTMLParser):
    """The same-site stylesheets, icons and scripts a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        url = None
        if tag == "link" and set((values.get("rel") or "").split()) & {"stylesheet", "icon"}:
            url = values.get("href")
        elif tag == "script":
            url = values.get("src")
        if url and not re.match(r"^([a-z][a-z0-9+.-]*:|//)", url, re.I):
            self.urls.append(url.split("#")[0])


# A static import of a relative module: `import { x } from "./x.js";`, `import "./x.js";`,
# `export { y } from "./y.js";` (the calculator page's script is ES modules).
_IMPORT = re.compile(r"""^\s*(?:import|export)\b[^"';]*?["'](\.{1,2}/[^"']+)["']""", re.MULTILINE)


def module_imports(site_dir: Path, path: str) -> list[str]:
    """Site-relative files the script ``path`` imports, directly or through other modules."""
    found: list[str] = []
    pending = [path]
    while pending:
        current = pending.pop()
        file = site_dir / current
        if not current.endswith((".js", ".mjs")) or not file.is_file():
            continue
        for specifier in _IMPORT.findall(file.read_text(encoding="utf-8")):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(current), specifier))
            if target not in found:
                found.append(target)
                pending.append(target)
    return found


def page_loads(site_dir: Path, page: str) -> list[str]:
    """Site-relative files that the built page ``page`` (``calculators/allocation/``) loads,
    the modules its scripts import included."""
    parser = _Loads()
    parser.feed((site_dir / page / "index.html").read_text(encoding="utf-8"))
    loads = [posixpath.normpath(posixpath.join(page, url)) for url in parser.urls]
    for url in list(loads):
        loads += [module for module in module_imports(site_dir, url) if module not in loads]
    return loads


@dataclass
class Written:
    files: list[str] = field(default_factory=list)  # site-relative paths written


def build_info(runtime: Runtime, built: datetime.date) -> dict[str, str]:
    """What ``calculators/build.json`` says, and what each calculator page is told about the
    build it belongs to: the runtime's key and the build's date, as ISO and in words."""
    return {"runtime": runtime.key, "built": built.isoformat(), "shown": long_date(built)}


def write(runtime: Runtime, site_dir: Path, built: datetime.date | None = None) -> Written:
    """Copy Pyodide, write the wheel, the worker and ``build.json`` into ``site_dir``.
    ``built`` is the build's date (today by default). The service worker comes once both
    languages are built (:func:`write_service_worker`)."""
    written = Written()
    target = site_dir / runtime.pyodide.folder
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(runtime.pyodide.source / name, target / name)
        written.files.append(runtime.pyodide.folder + name)
    folder = site_dir / runtime.folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / runtime.wheel.filename).write_bytes(runtime.wheel.data)
    (folder / stdlib.FILENAME).write_bytes(runtime.stdlib)
    (folder / "worker.js").write_text(runtime.worker_text, encoding="utf-8")
    shutil.copyfile(START_SOURCE, site_dir / runtime.starter)
    for name, data in runtime.decoder.items():
        (folder / name).write_bytes(data)
    written.files += [runtime.starter, runtime.folder + runtime.wheel.filename,
                      runtime.folder + stdlib.FILENAME, runtime.worker]
    written.files += [runtime.folder + name for name in runtime.decoder]

    info = build_info(runtime, built or datetime.date.today())
    (site_dir / BUILD_INFO).write_text(json.dumps(info, sort_keys=True) + "\n", encoding="utf-8")
    written.files.append(BUILD_INFO)
    return written


def write_service_worker(runtime: Runtime, site_dir: Path, pages: list[str],
                         languages: tuple[str, ...] = ("",)) -> list[str]:
    """Write the service worker (``sw.js``) for the calculator pages ``pages`` of both
    languages, already built, and the retired one in its old place; return their paths.
    ``languages`` are the folders of the languages' sites (``""`` and ``"es/"``).

    The worker keeps the pages and what they load, so that a second visit works offline: one
    list (a "shell") for each language, its calculator pages, what they load and its search
    index. On installing, it keeps the shell of the language of the page that installs it
    (service-worker.js), so that a first visit downloads no page of the other language.
    """
    folders = sorted(languages, key=len, reverse=True)  # "es/" before ""
    shells: dict[str, list[str]] = {folder: [] for folder in languages}
    for page in pages:
        shell = shells[next(folder for folder in folders if page.startswith(folder))]
        shell += [url for url in [page, *page_loads(site_dir, page)]
                  if url not in shell and url not in runtime.files()]
    # Each language's site search index, which the theme fetches when a visitor first searches
    # (build_tools/pages/theme_script.py): kept, so that search works on a visit offline.
    for folder, shell in shells.items():
        index = folder + SEARCH_INDEX
        if (site_dir / index).is_file() and index not in shell:
            shell.append(index)
    here = posixpath.dirname(SERVICE_WORKER) or "."

    def relative(path: str) -> str:
        return posixpath.relpath(path, here) + ("/" if path.endswith("/") else "")

    # The worker keeps the WebAssembly and the standard library itself, compressed, as it
    # fetched them: the service worker neither fetches them again nor keeps a second copy.
    precached = [path for path in runtime.files() if path not in runtime.kept_by_worker()]
    settings: dict[str, object] = {
        "runtime": [relative(path) for path in precached],
        "shell": {folder: [relative(path) for path in shell] for folder, shell in shells.items()}}
    text = json.dumps(settings, sort_keys=True)
    settings["cache"] = "calculators-" + hashlib.sha256(
        (text + runtime.key).encode("utf-8")).hexdigest()[:16]
    settings["snapshots"] = SNAPSHOT_CACHE_PREFIX + runtime.key
    source = SERVICE_WORKER_SOURCE.read_text(encoding="utf-8")
    (site_dir / SERVICE_WORKER).write_text(_setting_line("PRECACHE", settings) + source,
                                           encoding="utf-8")
    retired = site_dir / RETIRED_SERVICE_WORKER
    retired.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(RETIRED_SERVICE_WORKER_SOURCE, retired)
    return [SERVICE_WORKER, RETIRED_SERVICE_WORKER]
