"""Nothing a visitor enters stays on the device, and every visitor gets the rules in force.

- A marker entered through a link (``#input=``) and through the keyboard, online and offline, is
  searched for in every cache's name, every key and every byte of every Cache Storage entry (the
  interpreter's memory snapshot included), in web storage and in IndexedDB: it is nowhere.
- Every field of every calculator page, the ones a list adds included, tells the browser not to
  keep what is typed in its form history (``autocomplete="off"``).
- A deploy with a changed rule (``review.cycle_years``, in a copy of the repository built a
  second time and served at the same address): a page revisited online answers with the new
  rules; an already open page, or one whose copy is older than the deployed build, says so
  instead of answering with the old ones; offline, the page says it is offline, which build
  answered and that newer rules may exist; the old version's caches are deleted.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from build_tools.commands.serve import StaticHost
from build_tools.pages.calculator_pages import BUILD_MESSAGES, PAGES, field_id, input_fragment, page_url
from build_tools.runtime.bundle import BUILD_INFO, SNAPSHOT_CACHE_PREFIX
from build_tools.testing import device_storage
from tests.browser.conftest import RUNTIME_TIMEOUT_MS, Recorder, poll
from tests.browser.test_calculators import FIRST_EXAMPLE, expect_answer, python_answer
from tests.conftest import ROOT, BuiltSite

pytestmark = pytest.mark.browser

SNAPSHOT_SAVED = """async (prefix) => {
  for (const name of await caches.keys()) {
    if (!name.startsWith(prefix)) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if ((await response.arrayBuffer()).byteLength > 1000000) return name;
    }
  }
  return null;
}"""


def wait_for_snapshot(page: Page) -> str:
    """The name of the cache holding the worker's memory snapshot, once it is written."""
    return poll(page, SNAPSHOT_SAVED, SNAPSHOT_CACHE_PREFIX)


def build_note(page: Page):
    return page.locator("#calculator-result .calculator__build")


def words(key: str, date: str, newer: str = "") -> str:
    return BUILD_MESSAGES[key].replace("__DATE__", date).replace("__NEWER__", newer)


def built_info(site: Path) -> dict[str, str]:
    return json.loads((site / BUILD_INFO).read_text(encoding="utf-8"))


# --- Nothing entered persists -------------------------------------------------------------------

LINKED, TYPED = "LinkedMarkerQ7Z41", "TypedMarkerK9X23"
OFFLINE_LINKED, OFFLINE_TYPED = "OfflineLinkedW3J8", "OfflineTypedP5V62"


def _allocation_with(marker: str) -> dict[str, Any]:
    case = FIRST_EXAMPLE["allocation"]
    orders = [dict(case.input["orders"][0], id=marker), *case.input["orders"][1:]]
    return dict(case.input, orders=orders)


def _type_second_order_name(page: Page, marker: str, shown: dict[str, Any]) -> None:
    """Types ``marker`` as the second order's name with the keyboard and calculates."""
    control = page.locator("#" + field_id("orders[1].id"))
    control.fill("")
    control.focus()
    page.keyboard.type(marker)
    page.keyboard.press("Enter")
    orders = [shown["orders"][0], dict(shown["orders"][1], id=marker), *shown["orders"][2:]]
    expect_answer(page, python_answer("allocation", dict(shown, orders=orders)))


def test_nothing_entered_is_kept_on_the_device(new_recorder) -> None:
    """Linked and typed, online and offline: after the visits, the markers are in no cache's
    name, key, URL, header or body (the 30 MB memory snapshot among them), in no web storage
    and in no IndexedDB database. The search itself finds a marker that is there."""
    recorder: Recorder = new_recorder()
    linked = _allocation_with(LINKED)
    page = recorder.open("allocation", input_fragment(linked))
    expect_answer(page, python_answer("allocation", linked))
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    snapshot_cache = wait_for_snapshot(page)
    _type_second_order_name(page, TYPED, linked)
    page.wait_for_timeout(1000)  # anything the worker would write after a result
    page.close()

    recorder.context.set_offline(True)
    offline = _allocation_with(OFFLINE_LINKED)
    page = recorder.open("allocation", input_fragment(offline))
    expect_answer(page, python_answer("allocation", offline))
    _type_second_order_name(page, OFFLINE_TYPED, offline)
    page.wait_for_timeout(1000)
    page.close()
    recorder.context.set_offline(False)

    reader = recorder.open("allocation")
    for marker in (LINKED, TYPED, OFFLINE_LINKED, OFFLINE_TYPED):
        storage = reader.evaluate(device_storage.READ, marker)
        assert storage["found"] == [], f"{marker} is kept on the device: {storage['found']}"
        assert (storage["local"], storage["session"], storage["databases"]) == (0, 0, [])
    caches = device_storage.summary(storage)["caches"]
    assert caches[snapshot_cache]["decoded"] > 30_000_000, \
        f"no memory snapshot was searched: {caches}"
    snapshot = next(entry for entry in storage["entries"]
                    if entry["url"].endswith("/python-snapshot"))
    assert snapshot["bytes"] < snapshot["decoded"] // 3, f"kept uncompressed: {snapshot}"
    assert any(entry["url"].endswith("/calculators/allocation/") for entry in storage["entries"])

    # The search sees a marker where it is: in a key, and in a body as UTF-8 and as UTF-16,
    # kept as it is or gzip-compressed as the worker keeps its entries.
    reader.evaluate("""async (marker) => {
      const cache = await caches.open("control");
      await cache.put("/control#input=" + marker, new Response(new Uint8Array(64)));
      await cache.put("/control-8", new Response("x".repeat(5000) + marker));
      const utf16 = new Uint16Array([...marker].map((c) => c.charCodeAt(0)));
      await cache.put("/control-16", new Response(utf16));
      const gzipped = new Response("y".repeat(5000) + marker).body
        .pipeThrough(new CompressionStream("gzip"));
      await cache.put("/control-gzip", new Response(await new Response(gzipped).blob()));
    }""", LINKED)
    found = reader.evaluate(device_storage.READ, LINKED)["found"]
    reader.evaluate("caches.delete('control')")
    assert len([where for where in found if "control" in where]) == 4, found
    assert recorder.errors == [], "console errors:\n" + "\n".join(recorder.errors)
    reader.close()


def test_every_field_asks_the_browser_not_to_remember_it(warm: Recorder) -> None:
    """The form and every text or date input of every calculator (the orders a list adds
    included, and the box a copied link is shown in) carry autocomplete="off"; every checkbox
    and radio button is in that form."""
    for name in PAGES:  # the calculators that have a page
        page = warm.open(name)
        try:
            for add in page.locator("[data-add]").all():
                while add.is_visible():
                    add.click()
            expect(page.locator("#calculator-form")).to_have_attribute("autocomplete", "off")
            fields = page.locator("#calculator input, #calculator select, "
                                  "#calculator textarea")
            assert fields.count() > 3
            # HTML allows the attribute on text-like inputs and on forms, not on checkboxes
            # and radio buttons, which follow their form's.
            missing = page.evaluate("""() => Array.from(document.querySelectorAll(
                "#calculator input, #calculator select, #calculator textarea"))
              .filter((field) => ["checkbox", "radio"].includes(field.type)
                ? !field.form || field.form.getAttribute("autocomplete") !== "off"
                : field.getAttribute("autocomplete") !== "off")
              .map((field) => field.id || field.name)""")
            assert missing == [], f"{name}: fields without autocomplete=off: {missing}"
        finally:
            page.close()


# --- Every visitor gets the rules in force ---------------------------------------------------------

CHANGED_RULE = "review.cycle_years"


def change_rule(text: str, key: str, new_value: int) -> str:
    """``text`` (calculators/rules.toml) with every value of ``key`` set to ``new_value``: the
    ``value = N`` line of an undated rule, or each ``YYYY-MM-DD = N`` line under
    ``[key.values]`` of a dated one."""
    lines = text.splitlines(keepends=True)
    inside = False
    changed = 0
    for index, line in enumerate(lines):
        header = re.match(r"\s*\[([^\]]+)\]\s*$", line)
        if header:
            inside = header.group(1).strip() in (key, f"{key}.values")
            continue
        if inside:
            value = re.match(r"(\s*(?:value|\d{4}-\d{2}-\d{2})\s*=\s*)\d+(\s*(#.*)?)$", line)
            if value:
                lines[index] = f"{value.group(1)}{new_value}{value.group(2)}"
                changed += 1
    assert changed, f"no value of {key} found in rules.toml: change_rule needs updating"
    return "".join(lines)


@pytest.fixture(scope="module")
def changed_deploy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the repository with review.cycle_years changed from 3 to 4 years, built: the
    next deploy. Yields the copy's root; its site is in site/."""
    copy = tmp_path_factory.mktemp("deploy") / "repo"
    top = {".git", "site", "node_modules", ".venv"}  # at the root only: docs/assets/site stays
    everywhere = shutil.ignore_patterns("__pycache__", ".pytest_cache", ".hypothesis",
                                        ".coverage*")

    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = set(everywhere(folder, names))
        return skipped | (top & set(names)) if Path(folder) == ROOT else skipped

    shutil.copytree(ROOT, copy, symlinks=True, ignore=ignore)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    rules = copy / "calculators" / "rules.toml"
    rules.write_text(change_rule(rules.read_text(encoding="utf-8"), CHANGED_RULE, 4),
                     encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "build_tools.commands.build_languages", "--strict", "--site-dir",
         str(copy / "site")],
        cwd=copy, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"the changed copy did not build:\n{result.stdout}\n{result.stderr}")
    yield copy


def changed_answer(copy: Path, name: str, payload: dict[str, Any]) -> dict[str, Any]:
    """What the changed copy's calculators give in CPython (response and view)."""
    code = ("import json, sys; from calculators.views.respond import respond; "
            "print(respond(sys.argv[1], sys.stdin.read()))")
    result = subprocess.run([sys.executable, "-c", code, name], cwd=copy, check=True,
                            input=json.dumps(payload), capture_output=True, text=True)
    answer = json.loads(result.stdout)
    return {"response": answer["response"], "view": answer["view"]}


def test_a_deploy_with_a_changed_rule_reaches_every_visitor(
        browser: Browser, built_site: BuiltSite, changed_deploy: Path,
        tmp_path: Path) -> None:
    case = FIRST_EXAMPLE["review"]
    before = python_answer("review", case.input)
    after = changed_answer(changed_deploy, "review", case.input)
    assert after["view"]["answer"] != before["view"]["answer"], \
        f"changing {CHANGED_RULE} does not change the example's answer: pick another example"
    old, new = built_info(built_site.path), built_info(changed_deploy / "site")
    assert old["runtime"] != new["runtime"]
    # A host whose copy of the pages lags behind: the new build.json, the old pages.
    lagging = tmp_path / "lagging"
    shutil.copytree(built_site.path, lagging, copy_function=os.link)
    for suffix in ("", ".br", ".gz"):  # with the host's pre-compressed copies, if any
        stale, fresh_info = lagging / (BUILD_INFO + suffix), changed_deploy / "site" / (
            BUILD_INFO + suffix)
        stale.unlink(missing_ok=True)
        if fresh_info.is_file():
            shutil.copyfile(fresh_info, stale)

    context = browser.new_context(locale="en-US", timezone_id="America/Chicago")
    context.set_default_timeout(RUNTIME_TIMEOUT_MS)
    errors: list[str] = []
    context.on("weberror", lambda error: errors.append(str(error.error)))
    url = page_url(PAGES["review"]) + input_fragment(case.input)
    with StaticHost(built_site.path) as host:
        try:
            # The first visit: the build that answered is named next to the result.
            page = context.new_page()
            page.goto(host.url + url)
            expect_answer(page, before)
            expect(build_note(page)).to_have_text(words("current", old["shown"]))
            assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            wait_for_snapshot(page)
            old_caches = set(page.evaluate("caches.keys()"))

            # The deploy. The tab still open answers no more with the old rules: back online
            # (or after a minute), it looks again and says a newer version exists.
            host.switch_root(changed_deploy / "site")
            context.set_offline(True)
            context.set_offline(False)
            page.locator(".calculator__submit").press("Enter")
            expect(page.locator("#calculator-result .calculator__build--outdated")).to_have_text(
                words("outdated", old["shown"], new["shown"]), timeout=RUNTIME_TIMEOUT_MS)
            expect(page.locator("#calculator-result .calculator__answer")).to_have_count(0)
            page.close()

            # Revisited online, still controlled by the old service worker: the new rules.
            page = context.new_page()
            page.goto(host.url + url)
            expect_answer(page, after)
            expect(build_note(page)).to_have_text(words("current", new["shown"]))
            # The new service worker takes over and deletes the old version's caches.
            poll(page, """async (old) => {
              const names = await caches.keys();
              return !names.some((name) => old.includes(name));
            }""", sorted(old_caches))
            wait_for_snapshot(page)
            page.wait_for_function("navigator.serviceWorker.controller !== null")

            # Offline: the saved copy answers, and says it is offline, which build answered,
            # and that newer rules may exist.
            # (The link again: the calculator took the figures out of the address it opened.)
            context.set_offline(True)
            page.goto("about:blank")
            page.goto(host.url + url)
            expect_answer(page, after)
            expect(build_note(page)).to_have_text(words("offline", new["shown"]))
            context.set_offline(False)
            page.close()

            # A host serving old pages with the new build.json: the page reloads once to get
            # the new version; still old, it says so instead of answering.
            fresh = browser.new_context(locale="en-US", timezone_id="America/Chicago")
            fresh.set_default_timeout(RUNTIME_TIMEOUT_MS)
            host.switch_root(lagging)
            page = fresh.new_page()
            loads: list[str] = []  # documents loaded (history.replaceState is no load)
            page.on("domcontentloaded", lambda loaded: loads.append(loaded.url))
            page.goto(host.url + url)
            expect(page.locator("#calculator-result .calculator__build--outdated")).to_have_text(
                words("outdated", old["shown"], new["shown"]), timeout=RUNTIME_TIMEOUT_MS)
            assert len(loads) == 2, f"expected one reload: {loads}"
            # Once the host has the new pages, the next load answers with the new rules.
            host.switch_root(changed_deploy / "site")
            page.goto("about:blank")
            page.goto(host.url + url)
            expect_answer(page, after)
            expect(build_note(page)).to_have_text(words("current", new["shown"]))
            fresh.close()
            assert errors == [], errors
        finally:
            context.close()
