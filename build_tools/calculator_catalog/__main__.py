"""``python -m build_tools.calculator_catalog update|compile``: see the package's docstring."""

from __future__ import annotations

import sys

from build_tools.calculator_catalog import LANGUAGES, compile_catalog, update


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        update()
    elif argv == ["compile"]:
        for lang in LANGUAGES:
            compile_catalog(lang)
    else:
        print("usage: python -m build_tools.calculator_catalog update|compile", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
