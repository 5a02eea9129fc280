"""A county page printed is a handout: one or two pages, with its phone numbers written out, its
full address and a QR code to it, and none of the screen's navigation or search.

Printed to PDF by Chromium (``page.pdf()``), read back with pypdf."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from build_tools.pages.handout import page_address
from tests.quality.browsing import county_pages_to_check

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default: the address the test build prints


def _phones_on(html: str) -> list[str]:
    return sorted(set(re.findall(r'href="tel:\+1(\d{10})"', html)))


def _printed(browser, site_host, url: str) -> tuple[int, str, str]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(site_host.url + url)
        html = page.content()
        pdf = page.pdf(format="Letter", print_background=False)
    finally:
        context.close()
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    return len(reader.pages), text, html


@pytest.mark.parametrize("url", county_pages_to_check())
def test_a_county_page_prints_as_a_handout_of_one_or_two_pages(url, browser, site_host):
    pages, text, html = _printed(browser, site_host, url)
    assert 1 <= pages <= 2, f"{url} prints on {pages} pages"
    flat = re.sub(r"\s+", "", text)
    phones = _phones_on(html)
    assert phones, f"{url} has no phone number"
    for digits in phones:
        written = f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
        assert written in flat, f"{url}: {written} is not written out on paper"
    address = page_address(SITE_URL, url.rstrip("/") + ".md")
    assert address in flat, f"{url}: the page's address {address} is not on paper"
    # The screen's chrome stays off the paper: the first words printed are the page's title,
    # and neither the skip link, the search box nor the navigation is printed.
    assert flat.startswith("Childsupportin"), f"{url}: paper starts with {text[:80]!r}"
    for chrome in ("Skiptocontent", "Typetostartsearching", "Igetchildsupport", "Glossary"):
        assert chrome not in flat, f"{url}: {chrome!r} is printed"


def test_the_qr_code_is_inline_svg_labelled_with_the_address(built_site):
    url = "counties/jackson-county/"
    html = (built_site.path / url / "index.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg[^>]*class=\"site-handout__qr\"[^>]*>", html)
    assert svg, "no QR code on the county page"
    address = page_address(SITE_URL, "counties/jackson-county.md")
    assert 'role="img"' in svg.group(0)
    assert f'aria-label="QR code that opens {address}"' in svg.group(0)
    handout = html[html.index('class="site-handout"'):]
    handout = handout[:handout.index("</div>")]
    assert "style=" not in handout and "<script" not in handout and "href=\"http" not in handout


def test_the_qr_code_encodes_the_address():
    import segno

    from build_tools.pages.handout import qr_svg

    address = "https://example.org/mo/counties/adair-county/"
    path = re.search(r' d="([^"]+)"', qr_svg(address)).group(1)
    expected = segno.make(address, error="m").svg_inline(border=2)
    assert f' d="{path}"' in expected  # the very modules segno makes for the address
    other = segno.make(address.replace("adair", "andrew"), error="m").svg_inline(border=2)
    assert f' d="{path}"' not in other
    assert page_address("https://example.org/mo", "counties/adair-county.md") == address
    assert page_address("https://example.org/", "about/index.md") == \
        "https://example.org/about/"


# --- The handout of a Spanish page: in Spanish, with its code to the Spanish page -----------------

def _qr_modules(svg: str) -> str:
    """The path of a QR code's dark modules, as segno writes it."""
    found = re.search(r' d="([^"]+)"', svg)
    assert found, "no QR code path"
    return found.group(1)


@pytest.mark.parametrize("url", ["es/counties/jackson-county/", "es/counties/callaway-county/"])
def test_a_spanish_county_page_prints_as_a_handout_in_spanish(url, browser, site_host):
    pages, text, html = _printed(browser, site_host, url)
    assert 1 <= pages <= 2, f"{url} prints on {pages} pages"
    flat = re.sub(r"\s+", "", text)
    assert _phones_on(html), f"{url} has no phone number"
    for digits in _phones_on(html):
        written = f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
        assert written in flat, f"{url}: {written} is not written out on paper"
    address = page_address(SITE_URL, url.rstrip("/") + ".md")
    assert address.endswith(f"/{url}") and "/es/" in address
    # The handout's sentence in Spanish, with the Spanish page's address; none in English.
    assert f"Estapáginaestáeninternetenhttp://127.0.0.1:8000/{url}" in flat.replace(
        "\u00a0", ""), f"{url}: the Spanish handout sentence is not on paper: {text[-400:]!r}"
    assert "Thispageisonline" not in flat and "Scanthecode" not in flat
    assert "Escaneeelcódigo" in flat
    # The page's Spanish title comes first; the screen's chrome (in Spanish) is not printed.
    assert flat.startswith("Lamanutencióndeloshijosenelcondadode"), (
        f"{url}: paper starts with {text[:80]!r}")
    for chrome in ("Saltaracontenido", "Búsqueda", "Recibamanutencióndeloshijos", "English"):
        assert chrome not in flat, f"{url}: {chrome!r} is printed"


def test_the_spanish_qr_code_opens_the_spanish_page(built_site):
    import segno

    url = "es/counties/jackson-county/"
    html = (built_site.path / url / "index.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg[^>]*class=\"site-handout__qr\".*?</svg>", html, re.S)
    assert svg, "no QR code on the Spanish county page"
    address = page_address(SITE_URL, "es/counties/jackson-county.md")
    assert address == SITE_URL + url
    assert f'aria-label="Código QR que abre {address}"' in svg.group(0)
    modules = _qr_modules(svg.group(0))
    # The very modules segno makes for the Spanish address, not those of the English page.
    assert modules == _qr_modules(segno.make(address, error="m").svg_inline(border=2))
    english = page_address(SITE_URL, "counties/jackson-county.md")
    assert modules != _qr_modules(segno.make(english, error="m").svg_inline(border=2))
    english_html = (built_site.path / "counties/jackson-county/index.html").read_text(
        encoding="utf-8")
    assert _qr_modules(english_html[english_html.index('class="site-handout__qr"'):]) != modules
