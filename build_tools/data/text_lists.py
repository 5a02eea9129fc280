"""Plain-text lists kept in the repository (data/published_urls.txt, the list of Missouri's
jurisdictions): one item a line; blank lines and lines starting with '#' are skipped."""

from __future__ import annotations

from pathlib import Path


def read_list(path: Path) -> list[str]:
    """The items of the list at ``path``, stripped, in file order."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            items.append(line)
    return items
