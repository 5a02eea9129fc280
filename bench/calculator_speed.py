"""How long a parent waits for a calculator's first result, against a naive Pyodide page.

Serves the built site (``make build``) like a real static host (build_tools/commands/serve.py: gzip for
text, JSON and WebAssembly, application/wasm, cache headers), with the naive page of bench/naive/
beside it, and drives Debian's Chromium through Playwright. For each network (loopback, and
emulated Fast 4G) and each run, the four pages are visited in turn (naive, allocation, order-end,
review, round-robin, so that a busy moment of this shared machine hits all of them alike):

- cold: a fresh browser profile, nothing cached;
- warm: the same profile a moment later, in a new tab (HTTP cache, code cache, the service
  worker and the worker's memory snapshot as a returning visitor has them). The first tab stays
  open until the worker has kept its downloads and its snapshot (closing it sooner ends the
  worker, and the next visit would download or decode again, as no reader who looked at the
  result would make it).

The time measured is from navigation to the page's ``calculator-first-result`` mark: the result
of the worked example in the address (``#input=``) is on the screen. Bytes and requests are
counted by the host itself, so the worker's and the service worker's requests are included.
Where the time goes comes from the naive page's performance marks and from the calculators'
worker, which keeps when each step of its start ended and how long each calculation took in
Python (``self.calculatorTimings``, read through Playwright); the recalculation time is the
worker's own figure for the form sent again, five times a visit.

Fast 4G (9 Mbps down, 60 ms latency) is emulated by the host, not by the DevTools protocol: the
protocol's emulation applies to the page's own requests, not to those of a dedicated worker or
a service worker, which would favour the calculator pages. The host adds the latency before each
response and sends every response through one shared 9 Mbps pipe, whoever asked for it.

Nothing is asserted: the figures are printed (and written as JSON with --json).

Each run is made against three kinds of host (build_tools/commands/serve.py's modes): ``copies`` (the
build's brotli copies, as the project's own host and nginx's brotli_static send them),
``text-gzip`` (gzip made on the fly for HTML, JS, CSS, JSON, SVG and WebAssembly, no copy read:
nginx's gzip and most static hosts) and ``none`` (no compression). The runtime's bytes (what the
host sent under pyodide/ and calculators/runtime/) are printed beside the whole visit's.

Usage: ``python bench/calculator_speed.py [--runs N] [--quick] [--network loopback|4g|both]
[--hosts copies,text-gzip,none]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_tools.commands.ensure import find_chromium
from build_tools.commands.serve import MODES, StaticHost, make_handler
from build_tools.data.scenarios import load_scenarios
from build_tools.pages.calculator_pages import PAGES, input_fragment, page_url
from build_tools.runtime.bundle import find_pyodide

ROOT = Path(__file__).resolve().parents[1]

NAIVE_FOLDER = ROOT / "bench" / "naive"
NAIVE_URL = "bench/naive/"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
FAST_4G = {"latency_s": 0.060, "down_bps": 9_000_000, "up_bps": 1_500_000}
# After the first visit: time for the service worker to install and for the browser to write its
# code caches, as a returning visitor would have given it.
SETTLE_S = 5.0
RECALCULATIONS = 5
KEEP_TIMEOUT_S = 60
TIMEOUT_MS = 120_000


# --- The host: the site, the naive page, byte counting and network emulation ---------------------

class Pipe:
    """One shared downlink: bytes leave no faster than ``rate`` bytes a second, in order."""

    def __init__(self, bytes_per_second: float):
        self.rate = bytes_per_second
        self.free_at = 0.0
        self.lock = threading.Lock()

    def send(self, write: Any, data: bytes, chunk: int = 16384) -> None:
        for start in range(0, len(data), chunk):
            piece = data[start:start + chunk]
            with self.lock:
                now = time.monotonic()
                self.free_at = max(self.free_at, now) + len(piece) / self.rate
                done = self.free_at
            delay = done - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            write(piece)


@dataclass
class Traffic:
    """What the host sent: (path, bytes on the wire) per request."""

    requests: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.requests.append((path, size))

    def take(self) -> list[tuple[str, int]]:
        with self.lock:
            taken, self.requests = self.requests, []
        return taken


class BenchHost(StaticHost):
    """StaticHost over a copy of the site holding bench/naive/, with counting and emulation."""

    def __init__(self, site: Path):
        super().__init__(site)
        self.root = site
        self.traffic = Traffic()
        self.network: dict[str, float] | None = None
        self.pipe: Pipe | None = None
        self.mode = "copies"  # how the host compresses (build_tools/commands/serve.py's MODES)
        base_handler = self.server.RequestHandlerClass
        modes = {mode: make_handler(site, "/", mode=mode) for mode in MODES}
        host = self

        class Handler(base_handler):  # type: ignore[misc, valid-type]
            def _serve(self, head: bool) -> None:
                self._sent = 0
                if host.network:
                    time.sleep(host.network["latency_s"])
                super()._serve(head)
                host.traffic.add(self.path.split("?")[0], self._sent)

            def _body(self, path: Path, codings: set[str]) -> tuple[bytes, str | None]:
                body: tuple[bytes, str | None] = modes[host.mode]._body(  # type: ignore[attr-defined]
                    self, path, codings)
                return body

            def send_header(self, keyword: str, value: str) -> None:
                if keyword == "Content-Length":
                    self._sent += int(value)
                super().send_header(keyword, value)

            def end_headers(self) -> None:
                super().end_headers()
                if host.pipe:
                    # The body goes through the shared pipe; the headers (a few hundred bytes)
                    # went out with the latency above.
                    raw_write = self.wfile.write
                    self.wfile.write = lambda data: host.pipe.send(raw_write, data)

        self.server.RequestHandlerClass = Handler
        report_error = self.server.handle_error

        def handle_error(request: Any, address: Any) -> None:
            # A browser closed while a response was still on its way (the end of a visit under
            # emulation): expected, and not worth a traceback.
            if not isinstance(sys.exc_info()[1], ConnectionError):
                report_error(request, address)

        self.server.handle_error = handle_error  # type: ignore[method-assign, assignment]

    def emulate(self, network: dict[str, float] | None) -> None:
        self.network = network
        self.pipe = Pipe(network["down_bps"] / 8) if network else None


# --- Pages ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    name: str     # naive, allocation, order_end, review ("before:allocation" on the baseline)
    path: str     # site-relative URL with the query and #input=
    host: int = 0  # 0: the site; 1: the baseline site (--baseline)


def runtime_files(site: Path) -> str:
    """The calculators wheel, site-relative, as the build wrote it."""
    wheels = sorted(site.glob("calculators/runtime/*/*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"{site} does not hold one calculators wheel: run `make build`.")
    return wheels[0].relative_to(site).as_posix()


def site_with_naive(site: Path, into: Path) -> Path:
    """A copy of the built site (hard links where possible) with the naive page added, and
    beside it stock Pyodide as npm ships it (the site's own copy leaves out what the calculator
    pages do not fetch)."""
    copy = into / "site"
    link: Callable[..., object] = os.link
    try:
        shutil.copytree(site, copy, copy_function=link)
    except OSError:
        shutil.rmtree(copy, ignore_errors=True)
        link = shutil.copy2
        shutil.copytree(site, copy)
    shutil.copytree(NAIVE_FOLDER, copy / NAIVE_URL)
    stock = find_pyodide(ROOT)
    shutil.copytree(stock.source, copy / NAIVE_URL / "pyodide", copy_function=link,
                    ignore=shutil.ignore_patterns("*.map", "*.d.ts", "*.html", "README.md"))
    return copy


def pages(site: Path) -> list[Page]:
    """The naive page and the three calculator pages, each on a worked example."""
    examples = {}
    for case in load_scenarios():
        if case.example and case.calculator not in examples:
            examples[case.calculator] = case
    wheel = runtime_files(site)
    allocation = examples["allocation"]
    naive = Page("naive", f"{NAIVE_URL}?pyodide=pyodide/&wheel=/{wheel}"
                          f"&calculator=allocation{input_fragment(allocation.input)}")
    ours = [Page(name, page_url(source) + input_fragment(examples[name].input))
            for name, source in PAGES.items()]
    return [naive, *ours]


# --- One visit -----------------------------------------------------------------------------------

@dataclass
class Visit:
    seconds: float                 # navigation to the first result
    bytes: int                     # sent by the host (gzip where it applies)
    runtime_bytes: int             # of which the runtime's files (pyodide/, calculators/runtime/)
    requests: int
    marks: dict[str, float]        # the page's performance marks, seconds from navigation
    worker: dict[str, float] = field(default_factory=dict)  # the worker's own timings
    recalc_ms: list[float] = field(default_factory=list)
    console: list[str] = field(default_factory=list)  # warnings and errors the page logged
    arrivals: dict[str, str] = field(default_factory=dict)  # how the worker got each large file


READ_MARKS = """() => Object.fromEntries(performance.getEntriesByType("mark")
    .map((mark) => [mark.name, mark.startTime / 1000]))"""
# The calculators' worker keeps when each step of its start ended (ms since the epoch) and how
# long its latest calculation took (build_tools/runtime/worker.js).
READ_WORKER = "() => self.calculatorTimings || null"
# Whether the worker's cache holds an entry ending in each of these.
KEPT = """async (ends) => {
  for (const name of await caches.keys()) {
    if (!name.includes("snapshot")) continue;
    const urls = (await (await caches.open(name)).keys()).map((request) => request.url);
    if (ends.every((end) => urls.some((url) => url.endsWith(end)))) return true;
  }
  return false;
}"""
# And how it got each large file: "br copy", "gz copy", "HTTP cache", "kept", "br", "raw"...
READ_ARRIVALS = "() => self.calculatorArrivals || null"


def worker_timings(page: Any, script: str = READ_WORKER) -> dict[str, Any]:
    for worker in page.workers:
        timings = worker.evaluate(script)
        if timings:
            return dict(timings)
    return {}


def visit(context: Any, host: BenchHost, page_spec: Page) -> Visit:
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}")
            if message.type in ("warning", "error") else None)
    host.traffic.take()
    page.goto(host.url + page_spec.path, wait_until="commit", timeout=TIMEOUT_MS)
    page.locator("#calculator-result .calculator__answer").first.wait_for(timeout=TIMEOUT_MS)
    marks = page.evaluate(READ_MARKS)
    origin = page.evaluate("() => performance.timeOrigin")
    timings = worker_timings(page)
    arrivals = worker_timings(page, READ_ARRIVALS)
    # Seconds from navigation, as the page's marks are.
    worker = {name: (value - origin) / 1000 for name, value in timings.items()
              if name not in ("results", "compute_ms", "snapshot")
              and isinstance(value, (int, float))}
    recalc: list[float] = []
    if timings:
        for _ in range(RECALCULATIONS):
            before = worker_timings(page).get("results", 0)
            page.locator(".calculator__submit").click()
            for _ in range(500):
                now = worker_timings(page)
                if now.get("results", 0) > before:
                    recalc.append(now["compute_ms"])
                    break
                time.sleep(0.01)
    # A returning visitor read the first result for more than a moment: the worker has kept
    # what it downloaded and its snapshot ("kept"; closing the tab sooner ends the worker, and
    # the next visit downloads or decodes again). Waited for here, so the warm visit that
    # follows is a returning visitor's.
    if timings:
        # A build that keeps its downloads says how each came (arrivals); an earlier one
        # (--baseline) keeps only its snapshot, and waiting for more would only time out.
        ends = ["python-snapshot"] + ([".wasm", ".zip"] + [".mjs"] * (
            "pyodide.asm.mjs" in arrivals) if arrivals else [])
        for _ in range(KEEP_TIMEOUT_S * 10):
            if page.evaluate(KEPT, ends):
                break
            time.sleep(0.1)
        kept = worker_timings(page).get("kept")
        if kept:
            worker["kept"] = (kept - origin) / 1000
    traffic = host.traffic.take()
    page.close()
    runtime = sum(size for path, size in traffic
                  if "/pyodide/" in path or "/calculators/runtime/" in path)
    return Visit(marks["calculator-first-result"], sum(size for _, size in traffic),
                 runtime, len(traffic), marks, worker, recalc, console, arrivals)


# --- The runs ------------------------------------------------------------------------------------

@dataclass
class Results:
    visits: dict[tuple[str, str, str], list[Visit]] = field(default_factory=dict)

    def add(self, network: str, when: str, page: str, one: Visit) -> None:
        self.visits.setdefault((network, when, page), []).append(one)


ENCODINGS = {"copies": "the build's brotli copies", "text-gzip": "gzip for text only",
             "none": "no compression"}


def run(hosts: list[BenchHost], specs: list[Page], networks: list[str], runs: int,
        results: Results, log: Any, encodings: tuple[str, ...] = ("copies",)) -> None:
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        raise SystemExit("Chromium was not found: run `make browser` (or set CHROMIUM=...).")
    with sync_playwright() as playwright:
        # Each run visits every page on every kind of host, in an order that turns from run to
        # run: a busy spell of this shared machine falls on all hosts alike, not on one.
        for network, number in ((n, r) for n in networks for r in range(runs)):
            kinds = encodings[number % len(encodings):] + encodings[:number % len(encodings)]
            for encoding in kinds:
                for host in hosts:
                    host.emulate(FAST_4G if network == "4g" else None)
                    host.mode = encoding
                label = f"{network}/{encoding}"
                order = specs[number % len(specs):] + specs[:number % len(specs)]
                for spec in order:
                    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
                        context = playwright.chromium.launch_persistent_context(
                            profile, executable_path=executable, args=CHROMIUM_ARGS,
                            headless=True)
                        try:
                            cold = visit(context, hosts[spec.host], spec)
                            # Time for the service worker to install, the worker to keep its
                            # snapshot and the browser to write its code caches.
                            time.sleep(SETTLE_S)
                            warm = visit(context, hosts[spec.host], spec)
                        finally:
                            context.close()
                    results.add(label, "cold", spec.name, cold)
                    results.add(label, "warm", spec.name, warm)
                    log(f"  {label:18} run {number + 1}/{runs} {spec.name:17} "
                        f"cold {cold.seconds:5.2f} s  warm {warm.seconds:5.2f} s")


def warm_host(host: BenchHost, site: Path) -> None:
    """Ask for every runtime file once, so that the host's gzip cache is filled before timing."""
    files = sorted(site.glob("**/pyodide/**/*")) + sorted(site.glob("calculators/runtime/*/*"))
    for path in (path for path in files if path.is_file()):
        request = urllib.request.Request(host.url + path.relative_to(site).as_posix(),
                                         headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            response.read()
    host.traffic.take()


# --- The report ----------------------------------------------------------------------------------

def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


BREAKDOWN = {
    "naive": [("page loaded", "naive-start"), ("Pyodide loaded and started", "naive-runtime"),
              ("wheel (loadPackage)", "naive-package"), ("import", "naive-imported"),
              ("compute and show", "calculator-first-result")],
}
WORKER_STEPS = [("worker started", "worker_start"), ("Pyodide scripts", "scripts"),
                ("stdlib downloaded", "stdlib"),
                ("WebAssembly response in hand", "wasm_response"),
                ("WebAssembly downloaded and compiled", "wasm"),
                ("snapshot read and decompressed", "snapshot_read"),
                ("interpreter started", "interpreter"), ("wheel unpacked", "wheel"),
                ("calculators imported", "imported"), ("first result computed", "first_result"),
                ("downloads and snapshot kept", "kept")]


def report(results: Results, runs: int, names: list[str]) -> dict[str, Any]:
    lines = []
    table: dict[str, Any] = {}
    order = [f"{n}/{e}" for n in ("loopback", "4g") for e in ENCODINGS]
    networks = sorted({key[0] for key in results.visits}, key=order.index)
    lines.append(f"First result, seconds from navigation ({runs} runs each; median, min-max, "
                 "ratio naive/page):")
    for network in networks:
        for when in ("cold", "warm"):
            naive = median([v.seconds for v in results.visits.get((network, when, "naive"), [])])
            for name in names:
                visits = results.visits.get((network, when, name), [])
                times = [v.seconds for v in visits]
                if not times:
                    continue
                # Without the naive page in the run (--pages), there is no ratio: None in the
                # JSON, "n/a" in the table.
                ratio = None if math.isnan(naive) else naive / median(times)
                row: dict[str, Any] = {"median": median(times), "min": min(times), "max": max(times),
                       "ratio": ratio, "bytes": median([v.bytes for v in visits]),
                       "requests": median([v.requests for v in visits]),
                       "runtime_bytes": median([v.runtime_bytes for v in visits])}
                recalc = [ms for v in visits for ms in v.recalc_ms]
                if recalc:
                    row["recalc_ms"] = median(recalc)
                table[f"{network} {when} {name}"] = row
                lines.append(
                    f"  {network:13} {when:4} {name:10} {row['median']:5.2f} s "
                    f"({row['min']:.2f}-{row['max']:.2f})  "
                    + (f"x{ratio:.2f}  " if ratio is not None else "  n/a  ")
                    + f"{row['bytes']:9,.0f} B (runtime {row['runtime_bytes']:9,.0f} B) "
                    + f"{row['requests']:3.0f} requests"
                    + (f"  recalc {row['recalc_ms']:.1f} ms" if recalc else ""))
    lines.append("Where the time goes (medians, seconds from navigation when each step ended):")
    for network in networks:
        for when in ("cold", "warm"):
            for name in ("naive", "allocation", "before:allocation"):
                visits = results.visits.get((network, when, name), [])
                if not visits:
                    continue
                if name == "naive":
                    steps = [(label, [v.marks.get(mark) for v in visits])
                             for label, mark in BREAKDOWN["naive"]]
                else:
                    steps = [(label, [v.worker.get(key) for v in visits])
                             for label, key in WORKER_STEPS]
                parts = [f"{label} {median([x for x in xs if x is not None]):.2f}"
                         for label, xs in steps if any(x is not None for x in xs)]
                lines.append(f"  {network:13} {when:4} {name:10} " + ", ".join(parts))
                ways = sorted({", ".join(f"{file} {way}" for file, way in sorted(v.arrivals.items()))
                               for v in visits if v.arrivals})
                lines += [f"  {'':13} {'':4} {'':10} (came as: {text})" for text in ways]
    logged = sorted({f"{name}: {text[:160]}" for (_, _, name), visits in results.visits.items()
                     for v in visits for text in v.console})
    if logged:
        lines.append("Console warnings and errors:")
        lines += [f"  {text}" for text in logged]
    print("\n".join(lines))
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site",
                        help="the built site (default: site/, made by `make build`)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each page (default 5)")
    parser.add_argument("--quick", action="store_true",
                        help="one run, loopback only: for trying a change")
    parser.add_argument("--network", choices=["loopback", "4g", "both"], default="both")
    parser.add_argument("--pages", default=",".join(["naive", *PAGES]),
                        help="comma-separated pages to visit (default: all four)")
    parser.add_argument("--hosts", default=",".join(ENCODINGS),
                        help="comma-separated kinds of host: copies (the build's brotli "
                             "copies), text-gzip (gzip for text only), none (no compression); "
                             "default: all three")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--baseline", type=Path,
                        help="another built site (an earlier version) measured in the same run, "
                             "its pages named before:NAME")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site}/index.html not found: run `make build` first.")
    runs = 1 if args.quick else args.runs
    networks = ["loopback"] if args.quick else (
        ["loopback", "4g"] if args.network == "both" else [args.network])
    wanted = args.pages.split(",")
    specs = [spec for spec in pages(args.site) if spec.name in wanted]
    if args.baseline:
        specs += [Page("before:" + spec.name, spec.path, 1) for spec in pages(args.baseline)
                  if spec.name in wanted and spec.name != "naive"]
    results = Results()
    with contextlib.ExitStack() as stack:
        hosts = []
        for site in [args.site, *([args.baseline] if args.baseline else [])]:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-site-")))
            host = stack.enter_context(BenchHost(site_with_naive(site, folder)))
            warm_host(host, host.root)
            hosts.append(host)
        encodings = tuple(args.hosts.split(","))
        run(hosts, specs, networks, runs, results, lambda text: print(text, flush=True),
            encodings)
    table = report(results, runs, [spec.name for spec in specs])
    if args.json:
        args.json.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
