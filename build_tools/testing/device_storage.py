"""What the site has left in a browser: every Cache Storage entry (its cache's name, its key,
its stored URL, its headers and every byte of its body), web storage and IndexedDB, searched for
a marker string.

Used by tests/browser/test_privacy.py (a marker entered through a link and through the keyboard
must be found nowhere) and bench/device_bytes.py (the bytes left after a visit). ``READ`` is a
function for Playwright's ``page.evaluate(READ, marker)``, run in any page of the site's origin.
The marker is searched as UTF-8 (and so as ASCII and Latin-1, as Python keeps a short ASCII
string), as UTF-16 (as JavaScript engines may keep it) and, in keys and URLs, percent-encoded.
A body that starts with gzip's magic bytes (the worker keeps its large entries compressed) is
searched decompressed as well as it is kept.
"""

from __future__ import annotations

from typing import Any, TypedDict


class Entry(TypedDict):
    cache: str
    url: str
    bytes: int      # as kept
    decoded: int    # decompressed, for a body kept with gzip (else the same as bytes)


class Storage(TypedDict):
    entries: list[Entry]     # every Cache Storage entry, with the size of its body
    found: list[str]         # where the marker was found, in words
    local: int               # localStorage keys
    session: int             # sessionStorage keys
    databases: list[str]     # IndexedDB databases
    usage: int | None        # navigator.storage.estimate().usage: what the origin takes on disk


READ = """async (marker) => {
  const found = [];
  const utf8 = new TextEncoder().encode(marker);
  const utf16 = new Uint8Array(marker.length * 2);
  for (let i = 0; i < marker.length; i += 1) {
    utf16[2 * i] = marker.charCodeAt(i) & 255;
    utf16[2 * i + 1] = marker.charCodeAt(i) >> 8;
  }
  const has = (bytes, needle) => {
    for (let at = bytes.indexOf(needle[0]); at >= 0 && at <= bytes.length - needle.length;
         at = bytes.indexOf(needle[0], at + 1)) {
      let same = true;
      for (let k = 1; k < needle.length && same; k += 1) same = bytes[at + k] === needle[k];
      if (same) return true;
    }
    return false;
  };
  const inText = (text) => {
    if (text.includes(marker)) return true;
    try { return decodeURIComponent(text).includes(marker); } catch { return false; }
  };
  const entries = [];
  for (const name of await caches.keys()) {
    if (inText(name)) found.push(`the name of cache ${name}`);
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const kept = new Uint8Array(await response.arrayBuffer());
      const bytes = kept[0] === 0x1f && kept[1] === 0x8b
        ? new Uint8Array(await new Response(new Blob([kept]).stream()
          .pipeThrough(new DecompressionStream("gzip"))).arrayBuffer())
        : kept;
      entries.push({ cache: name, url: request.url, bytes: kept.length, decoded: bytes.length });
      if (inText(request.url)) found.push(`the key ${request.url} in cache ${name}`);
      if (inText(response.url)) found.push(`the URL of ${request.url}'s response`);
      for (const [header, value] of response.headers) {
        if (inText(header + ": " + value)) found.push(`a header of ${request.url}`);
      }
      if (has(bytes, utf8)) found.push(`the body of ${request.url} in ${name} (UTF-8)`);
      if (has(bytes, utf16)) found.push(`the body of ${request.url} in ${name} (UTF-16)`);
    }
  }
  const webStorage = (store, what) => {
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i);
      if (inText(key) || inText(store.getItem(key))) found.push(`${what} ${key}`);
    }
    return store.length;
  };
  const local = webStorage(localStorage, "localStorage");
  const session = webStorage(sessionStorage, "sessionStorage");
  const databases = (await indexedDB.databases()).map((db) => db.name);
  for (const name of databases) if (inText(name)) found.push(`IndexedDB ${name}`);
  const estimate = navigator.storage && navigator.storage.estimate
    ? await navigator.storage.estimate() : {};
  return { entries, found, local, session, databases, usage: estimate.usage ?? null };
}"""


def total_bytes(storage: Storage) -> int:
    """The bytes of every Cache Storage body."""
    return sum(entry["bytes"] for entry in storage["entries"])


def summary(storage: Storage) -> dict[str, Any]:
    """The bytes of each cache, as kept and decompressed, for a report."""
    caches: dict[str, dict[str, int]] = {}
    for entry in storage["entries"]:
        kept = caches.setdefault(entry["cache"], {"entries": 0, "bytes": 0, "decoded": 0})
        kept["entries"] += 1
        kept["bytes"] += entry["bytes"]
        kept["decoded"] += entry["decoded"]
    return {"caches": caches, "cache_bytes": total_bytes(storage), "usage": storage["usage"],
            "local": storage["local"], "session": storage["session"],
            "databases": storage["databases"], "found": storage["found"]}
