"""Two changes to the theme's script (Material for MkDocs 9.8.1), in the built site only;
everything else in the script is left as Material ships it. Each change is found by the text
around it (names are minified); when an upgrade of Material changes that text, the build fails
and says which change to update.

1. **No sitemap fetched for each ``<link rel="alternate">``.** Material's script reads every
   ``link[rel=alternate]`` in a page's head as the address of another version of the whole site,
   and fetches ``sitemap.xml`` beside it (to keep a visitor on the same page when they pick that
   version from the theme's own language menu). Each page of this site names its twin in the
   other language there (hreflang: build_tools/pages/languages.py), so every page would ask for
   two ``sitemap.xml`` that do not exist (``/es/receiving-support/fees/sitemap.xml``), and under
   another address than ``site_url`` the content security policy blocks them. The site's own
   switch (overrides/partials/alternate.html) is a plain link and needs none of it.
2. **The search index only when a visitor searches.** Material downloads the language's whole
   search index (``search/search_index.json``, about 380 kB, 50 kB compressed) on every page as
   it starts, parses it on the page's thread and hands it to its search worker, though most
   visits never search. The index is now asked for the first time a visitor opens or focuses the
   search (a tap on the search icon, a click in the search box, the ``/`` or ``s`` key, which
   focus it), or at once on a page opened from a search result (``?h=``, which highlights the
   searched words). The search then works as before.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

BUNDLE = "assets/javascripts/bundle.*.min.js"
# The function that fetches the sitemaps, by its first statements (names are minified).
_FUNCTION = re.compile(r'function (\w+)\(\{document\$:(\w+)\}\)\{let \w+=new Map;\2\.pipe\('
                       r'\w+\(\(\)=>\w+\("link\[rel=alternate\]"\)\)')


class ThemeScriptError(Exception):
    """The theme's script is not the one this change was written for."""


def without_alternate_sitemaps(script: str) -> tuple[str, int]:
    """The script without the call that fetches the sitemaps; (script, 0) when it is already
    gone. Raises ThemeScriptError when the function is not found."""
    found = _FUNCTION.search(script)
    if found is None:
        raise ThemeScriptError(
            "Material's script no longer has the function that fetches a sitemap for each "
            "link[rel=alternate] (build_tools/pages/theme_script.py): after an upgrade of "
            "Material, find what fetches them in its bundle and update the pattern there.")
    call = re.compile(re.escape(found.group(1)) + r"\(\{document\$:\w+\}\);")
    return call.subn("", script, count=1)


# Material's start-up names the search index as an Observable made at once:
#   <index>=document.forms.namedItem("search")?<fetchSearchIndex>():<NEVER>
# and its Observable class is the one made in fetchSearchIndex's request helper.
_INDEX = re.compile(r'(\w+)=document\.forms\.namedItem\("search"\)\?(\w+)\(\):(\w+)(?=,)')
_OBSERVABLE = re.compile(r'function \w+\(\w+,\w+\)\{return new (\w+)\(\w+=>\{let \w+=new '
                         r'XMLHttpRequest;')
# The same Observable, subscribed to only once a visitor reaches for the search. ``load`` is
# Material's fetchSearchIndex (it shares its one request among subscribers), ``Observable`` its
# Observable class. Kept small: it runs on every page.
LAZY_INDEX = (
    '((load,Observable)=>{let shared;const wanted=new Promise(go=>{'
    'if(new URLSearchParams(location.search).has("h"))return go();'
    'const near=(e,s)=>e.target instanceof Element&&e.target.closest(s);'
    'document.addEventListener("focusin",e=>{near(e,"[data-md-component=search]")&&go()});'
    'document.addEventListener("click",e=>{near(e,"label[for=__search]")&&go()});'
    'document.addEventListener("change",e=>{near(e,"#__search")&&go()})});'
    'return new Observable(o=>{let sub,done=!1;wanted.then(()=>{done||(sub=(shared||'
    '(shared=load())).subscribe(o))});return()=>{done=!0,sub&&sub.unsubscribe()}})})')
_LAZY_MARK = "((load,Observable)=>{let shared;"


def with_search_index_on_demand(script: str) -> tuple[str, int]:
    """The script with the search index fetched only once a visitor searches; (script, 0) when
    already so. Raises ThemeScriptError when Material's start-up is not the expected one."""
    if _LAZY_MARK in script:
        return script, 0
    index, observable = _INDEX.search(script), _OBSERVABLE.search(script)
    if index is None or observable is None:
        raise ThemeScriptError(
            "Material's script no longer starts its search index as "
            '`x=document.forms.namedItem("search")?f():NEVER`, or its request helper no longer '
            "makes an Observable around XMLHttpRequest (build_tools/pages/theme_script.py, "
            "change 2): after an upgrade of Material, find where its bundle.ts calls "
            "fetchSearchIndex and update the patterns there.")
    name, load, never = index.groups()
    lazy = f'{name}=document.forms.namedItem("search")?{LAZY_INDEX}({load},' \
           f'{observable.group(1)}):{never}'
    return script[:index.start()] + lazy + script[index.end():], 1


def fix_bundle(site_dir: Path) -> int:
    """Apply both changes to the theme's script in ``site_dir``; return the number of changes
    made (two a build, none when already made).

    The changed script gets a name of its own content's hash, and every page under ``site_dir``
    names it: hosts keep the theme's scripts for a year (build_tools/hosting/headers.py), so a
    browser holding Material's unchanged script under the old name would never see the change.
    """
    scripts = sorted(site_dir.glob(BUNDLE))
    if len(scripts) != 1:
        raise ThemeScriptError(f"expected one theme script {BUNDLE} in {site_dir}, found "
                               f"{len(scripts)}")
    script = scripts[0]
    text = script.read_text(encoding="utf-8")
    fixed, sitemaps = without_alternate_sitemaps(text)
    fixed, index = with_search_index_on_demand(fixed)
    if not (sitemaps or index):
        return 0
    digest = hashlib.sha256(fixed.encode("utf-8")).hexdigest()[:8]
    renamed = script.with_name(f"bundle.{digest}.min.js")
    renamed.write_text(fixed, encoding="utf-8")
    script.unlink()
    old_path, new_path = (f"assets/javascripts/{name}" for name in (script.name, renamed.name))
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if old_path in html:
            page.write_text(html.replace(old_path, new_path), encoding="utf-8")
    return sitemaps + index
