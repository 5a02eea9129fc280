"""The source documents (data/seeds/*.txt) cut into units that tests/seed_facts.yml must cover.

The rule, applied the same way every time:

1. Blocks are separated by blank lines (lines holding only whitespace count as blank).
2. Inside a block, a line that starts with a bullet ("•") or a number and a full stop ("1.")
   starts a list item. The first line of a block of several lines is a heading when it is
   short (at most 8 words), does not end with ".", "!", "?" or ":", and the next line starts
   with a capital letter ("Charges" above "This crime, known as ..."). Every other line is
   joined to the line before it with a space (the 1990s guide is hard-wrapped, so a sentence
   runs over several lines).
3. Each block or list item is split into sentences after ".", "!" or "?" when whitespace and
   then a capital letter, a digit, a quote or "(" follow. "St." and "P.O." never end a sentence.
4. What is left are the units. A heading is a unit too: the heading line of rule 2, or a block
   of one line of at most 15 words that does not end with "." or ":" ("Legal Assistance",
   "Can I change my support order?"). seed_facts.yml must list every unit, headings included;
   only a heading may be listed without a page that carries it.

Whitespace is normalised (runs of whitespace, including no-break spaces, become one space);
nothing else is changed, so units and quotes keep the seeds' own spelling and OCR damage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "seeds"

_LIST_ITEM = re.compile(r"^\s*(?:\u2022|\d+\.)\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\u201c])")
_NOT_AN_END = ("St.", "P.O.")


@dataclass(frozen=True)
class Unit:
    seed: str      # file name in data/seeds/
    text: str      # whitespace-normalised
    block: int     # index of the block in the seed (for messages)
    heading: bool  # a heading (rule 4), not a statement of fact


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def _is_heading(block: list[str]) -> bool:
    first = block[0].strip()
    return (len(block) > 1 and len(first.split()) <= 8 and first[-1] not in ".!?:"
            and block[1].strip()[:1].isupper())


def _items(block: list[str]) -> list[tuple[str, bool]]:
    """The block's list items (or its one run of text), each with whether it is a heading."""
    heading: list[tuple[str, bool]] = []
    if _is_heading(block):
        heading = [(normalise_space(block[0]), True)]
        block = block[1:]
    items: list[str] = []
    for line in block:
        if _LIST_ITEM.match(line) or not items:
            items.append(_LIST_ITEM.sub("", line))
        else:
            items[-1] += " " + line
    if len(block) == 1 and not heading:
        only = normalise_space(items[0])
        if len(only.split()) <= 15 and only[-1] not in ".:":
            return [(only, True)]
    return heading + [(normalise_space(item), False) for item in items]


def _sentences(item: str) -> list[str]:
    pieces = _SENTENCE_END.split(item)
    sentences: list[str] = []
    for piece in pieces:
        if sentences and sentences[-1].endswith(_NOT_AN_END):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return [s for s in sentences if s]


def units(path: Path) -> list[Unit]:
    """Every unit of one seed, in document order."""
    text = path.read_text(encoding="utf-8")
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    result = []
    for number, block in enumerate(b for b in blocks if b):
        for item, heading in _items(block):
            for sentence in _sentences(item):
                result.append(Unit(path.name, sentence, number, heading))
    return result


def seed_text(path: Path) -> str:
    """The whole seed, whitespace-normalised, for checking that a quote occurs in it."""
    return normalise_space(path.read_text(encoding="utf-8"))
