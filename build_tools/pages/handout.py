"""The printed handout of a page: its full address and a QR code to it, shown on paper only.

``[[handout:]]`` (a block, on a line of its own) writes, at build time, the page's address (from
``site_url``, so a copy of the site published elsewhere prints its own address) and a QR code of
it as inline SVG made with segno: nothing is loaded from another host and no script runs. The SVG
is labelled for screen readers with the address (``role="img"`` and ``aria-label``) and carries
no ``style=`` attribute (the content security policy allows no inline style); its size comes from
the site's stylesheet. The block is hidden on screen and printed (docs/assets/site/site.css,
``@media print``), so a county office can print a county page as a one- or two-page handout.
"""

from __future__ import annotations

import html
import posixpath
import re

import segno

from build_tools.data import shortcodes
from build_tools.i18n import DEFAULT as ENGLISH
from build_tools.i18n import gettext_for

# Medium error correction: the code still scans with a fold or a smudge on the paper.
ERROR_CORRECTION = "m"


def page_address(site_url: str, src_uri: str) -> str:
    """The published address of the page whose source is ``src_uri`` (directory URLs)."""
    path = src_uri[:-len(".md")] if src_uri.endswith(".md") else src_uri
    if posixpath.basename(path) in ("index", "README"):
        path = posixpath.dirname(path)
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + (f"{path}/" if path else "")


def qr_svg(address: str, lang: str = ENGLISH) -> str:
    """The QR code of ``address`` as inline SVG, sized by CSS, labelled with the address in
    ``lang``."""
    code = segno.make(address, error=ERROR_CORRECTION)
    svg = code.svg_inline(omitsize=True, svgclass="site-handout__qr",
                          lineclass="site-handout__qr-line", border=2)
    if "style=" in svg:  # segno writes none with these options; the policy forbids them
        svg = re.sub(r'\sstyle="[^"]*"', "", svg)
    _ = gettext_for(lang)
    label = html.escape(_("QR code that opens %(address)s") % {"address": address}, quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def render_handout(args: str, context: shortcodes.Context) -> str:
    if args:
        raise shortcodes.ShortcodeError("handout takes nothing after the colon: [[handout:]]")
    site_url = str(context.config.get("site_url") or "")
    if not site_url:
        raise shortcodes.ShortcodeError("[[handout:]] prints the page's address: set site_url "
                                        "(SITE_URL) in mkdocs.yml")
    address = page_address(site_url, context.src_uri)
    shown = f'<span class="site-handout__url">{html.escape(address)}</span>'
    _ = gettext_for(context.lang)
    text = _("This page is online at %(address)s. Scan the code to open it on a phone.")
    return (f'<div class="site-handout">\n'
            f'<p class="site-handout__text">{text % {"address": shown}}</p>\n'
            f'{qr_svg(address, context.lang)}\n'
            f'</div>')


shortcodes.register("handout", render_handout, block=True, usage="[[handout:]]",
                    summary="on paper only: the page's full address and a QR code to it")
