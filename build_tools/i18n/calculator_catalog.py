"""The calculators' Spanish catalog: extracting its messages, compiling it, checking it.

``calculators/`` reads a compiled gettext catalog with the standard library
(calculators/i18n.py); this development tool keeps it (Babel, pinned in requirements.txt):

- ``python -m build_tools.i18n.calculator_catalog update`` extracts every message (calculators.babel.cfg
  beside this file) into ``calculators/locale/calculators.pot``, merges it into
  ``calculators/locale/es/LC_MESSAGES/calculators.po`` (a new message arrives untranslated; a
  changed one arrives fuzzy) and compiles the ``.mo`` beside it;
- ``... compile`` compiles the ``.po`` alone, after a translator's edit.

The ``.mo`` is committed: the command line, the tests and the wheel the browser loads
(build_tools/runtime/wheel.py) read it as it is, with no step between a clone and an answer;
``tests/calculators/test_catalog.py`` fails when it is not the compiled ``.po``, when a message
of the code is missing from the ``.po``, and when an entry is untranslated or fuzzy.
"""

from __future__ import annotations

import io
import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from babel.messages import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[2]
MAPPING = Path(__file__).with_name("calculators.babel.cfg")
LOCALE = ROOT / "calculators" / "locale"
TEMPLATE = LOCALE / "calculators.pot"
LANGUAGES = ("es",)
PROJECT = "Missouri Child Support Guide calculators"


def po_path(lang: str, root: Path = ROOT) -> Path:
    return root / "calculators" / "locale" / lang / "LC_MESSAGES" / "calculators.po"


def mo_path(lang: str, root: Path = ROOT) -> Path:
    return po_path(lang, root).with_suffix(".mo")


def extract_rules(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
                  ) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel extractor for rules.toml: each rule's ``summary`` (the table of rules on a
    calculator's page) and the values of the rules marked ``documents`` (stated in words in the
    steps, such as "October 1"), each at the line of its rule's header."""
    text = fileobj.read().decode("utf-8")
    data = tomllib.loads(text)
    for section, table in data.items():
        for name, entry in table.items():
            key = f"{section}.{name}"
            line = _line_of(text, f"[{key}]")
            yield line, None, entry["summary"], [f"rules.toml [{key}]: summary"]
            if entry.get("documents"):
                for value in entry["values"].values():
                    # Words ("October 1", "half"), not codes ("court_order_decides").
                    if isinstance(value, str) and "_" not in value:
                        yield line, None, value, [f"rules.toml [{key}]: a value"]


def _line_of(text: str, header: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == header:
            return number
    return 0


def extracted(root: Path = ROOT) -> Catalog:
    """Every message of the code and of rules.toml, as a template catalog."""
    from babel.messages.frontend import parse_mapping_cfg

    with MAPPING.open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)  # type: ignore[no-untyped-call]
    catalog = Catalog(project=PROJECT, charset="utf-8")
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    for filename, lineno, message, comments, context in extract_from_dir(
            str(root), method_map, options_map, keywords=keywords, comment_tags=("Translators:",),
            strip_comment_tags=True):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments,
                    context=context)
    return catalog


def read(lang: str, root: Path = ROOT) -> Catalog:
    with po_path(lang, root).open("rb") as po:
        return read_po(po, locale=lang)


def compiled(catalog: Catalog) -> bytes:
    """The ``.mo`` bytes of a catalog (fuzzy entries left out, as gettext would)."""
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def update(root: Path = ROOT) -> None:
    template = extracted(root)
    with (root / "calculators" / "locale" / "calculators.pot").open("wb") as pot:
        write_po(pot, template, width=100, omit_header=True, sort_output=False)
    for lang in LANGUAGES:
        catalog = read(lang, root)
        catalog.update(template, update_header_comment=False)
        with po_path(lang, root).open("wb") as po:
            write_po(po, catalog, width=100, ignore_obsolete=True, include_previous=True)
        compile_catalog(lang, root)


def compile_catalog(lang: str, root: Path = ROOT) -> None:
    mo_path(lang, root).write_bytes(compiled(read(lang, root)))


def placeholders(message: str) -> set[str]:
    """The ``{name}`` values a message takes (``{{`` is a brace, not a value)."""
    return set(re.findall(r"(?<!\{)\{([a-z_]+)(?::[^}]*)?\}", message))


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        update()
    elif argv == ["compile"]:
        for lang in LANGUAGES:
            compile_catalog(lang)
    else:
        print("usage: python -m build_tools.i18n.calculator_catalog update|compile", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
