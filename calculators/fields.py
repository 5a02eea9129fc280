"""Input fields: each calculator declares them once, and everything else reads the declaration.

A field has a name, a label, a short line of help a parent reads under the label and, where
one line cannot say it all, a longer explanation (``more``: the Form 14 line it fills, what to
count), a kind and its limits. The same
declaration is used to check input (:meth:`Field.read`, which collects every problem with its
zero-based path, such as ``orders[1].current_due``) and to describe the form
(:meth:`Field.describe`, the JSON that ``calculators.api.declaration`` returns).

Conventions (calculators/CONTRACT.md, "Values"; calculators/DECISIONS.md):

- ``null``, a missing key and a blank string all mean "not given": the field's default applies,
  or, for a required field, an error asks for it.
- Strings are read with surrounding spaces removed.
- Keys that are not declared are errors naming the key (a typo must not be silently ignored).
- Work is bounded: a string value longer than its field's ``max_length`` is refused before it is
  parsed, and at most ``[limits.errors_max]`` problems are listed (:meth:`Reader.listed`).
- A value the JSON reader could not take (:class:`Unreadable`: a number too large to read,
  NaN) and a key given twice (:class:`RepeatedKeys`) are reported at their own path, like any
  other problem.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from calculators import date_input, dates, money, rules
from calculators.i18n import ENGLISH, _, language, ngettext
from calculators.wording import closest, join_and, join_or

MISSING: Any = object()  # the value of a field whose input is invalid (never computed with)
SHOWN_KEY_LENGTH = 40
COUNT_DIGITS = 6  # a count written with more digits is a typing mistake, not a number to read
FIELD_MAX_LENGTH = rules.latest("limits.field_max_length").number()
ERRORS_MAX = rules.latest("limits.errors_max").number()


@dataclass(frozen=True)
class Unreadable:
    """A value the JSON reader could not take, such as a number whose exponent is too long or
    NaN; the field it stands in reports it at its own path, in a sentence that names the field
    (:meth:`Field.unreadable`). ``message`` is the sentence for a value that stands for no
    field (the whole input); ``text`` is the value as written and ``too_large`` tells a number
    too large or too small to read from a constant such as NaN."""

    message: str
    text: str = ""
    too_large: bool = False


class RepeatedKeys(dict[str, Any]):
    """A JSON object that gave some keys more than once (each keeps its first value); reading
    it reports each repeated key at its path."""

    def __init__(self, pairs: dict[str, Any], repeated: list[str]) -> None:
        super().__init__(pairs)
        self.repeated = repeated


@dataclass
class Reader:
    """Collects the problems found while reading one input, and knows today's date.

    At most ``limit`` problems are kept; the others are only counted, so that one mistake
    repeated thousands of times costs neither memory nor time.
    """

    today: datetime.date
    errors: list[dict[str, str | None]] = field(default_factory=list)
    limit: int = ERRORS_MAX
    more: int = 0  # problems found past the limit

    @property
    def full(self) -> bool:
        return len(self.errors) >= self.limit

    def error(self, path: str | None, message: str) -> None:
        if self.full:
            self.more += 1
        else:
            self.errors.append({"field": path, "message": message})

    def listed(self) -> list[dict[str, str | None]]:
        """The problems as the response lists them: the first ``limit``, then, when there were
        more, one entry for the input as a whole saying how many."""
        if not self.more:
            return self.errors
        return [*self.errors, {"field": None, "message": ngettext(
            "{number:,} more problem was not listed: only the first {limit} are. Correct "
            "these and send the input again to see the rest.",
            "{number:,} more problems were not listed: only the first {limit} are. Correct "
            "these and send the input again to see the rest.", self.more, limit=self.limit)}]


@dataclass(frozen=True)
class Place:
    """Where a value is: its path in the input and how to name it to a person."""

    path: str
    prefix: str = ""  # "Order 2: " for a field inside the second item of a list

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def said(self, message: str) -> str:
        """``message`` about a value here, after the prefix ("Order 2: Enter ..."; in Spanish
        the sentence goes on in lower case after the colon: "Orden 2: complete ...")."""
        if self.prefix and language() != ENGLISH:
            message = message[0].lower() + message[1:]
        return self.prefix + message


@dataclass(frozen=True, kw_only=True)
class Field:
    """One input field. Subclasses add a kind and its limits."""

    kind: ClassVar[str]
    name: str
    label: str
    help: str  # one short line, shown under the label
    more: str = ""  # the longer explanation, shown when asked for ("What counts here?")
    required: bool = False
    noun: str = ""  # how a sentence names the field: "the payment amount"
    # False for a field the input accepts but the page's form does not ask for (allocation's
    # as_of: accepted like every calculator's, while no date changes a split).
    asked: bool = True

    def phrase(self) -> str:
        """The field inside a sentence: "the payment amount"; in Spanish, the field by its
        label ("el campo «Monto del pago»"), a group's members after the group's name
        (:meth:`GroupField.parse`)."""
        if language() != ENGLISH:
            return _("the “{label}” field", label=_(self.label))
        return self.noun or f"the {self.label[0].lower()}{self.label[1:]}"

    def subject(self) -> str:
        """The field at the start of a sentence: "The payment amount"."""
        noun = self.phrase()
        return noun[0].upper() + noun[1:]

    def describe(self) -> dict[str, Any]:
        """The field as ``calculators.api.declaration`` lists it (CONTRACT.md); a field that
        reads text states the longest it accepts as ``max_length`` (:meth:`text_limit`)."""
        return {"name": self.name, "label": _(self.label), "kind": self.kind,
                "help": _(self.help), "more": _(self.more) if self.more else None,
                "required": self.required,
                "default": self.default_json(), "asked": self.asked, **self.limits()}

    def default_json(self) -> Any:
        return None

    def limits(self) -> dict[str, Any]:
        return {}

    def text_limit(self) -> int | None:
        """The longest string this field reads (surrounding spaces aside), or None for a field
        that reads no string."""
        return None

    def read(self, raw: object, place: Place, reader: Reader) -> Any:
        """The value of this field in ``raw`` (already known to be present), or MISSING after
        recording why it cannot be used."""
        if isinstance(raw, Unreadable):
            reader.error(place.path, place.said(self.unreadable(raw)))
            return MISSING
        if _absent(raw):
            if self.required:
                reader.error(place.path, place.said(_("Enter {phrase}.",
                                                          phrase=self.phrase())))
                return MISSING
            return self.default(reader)
        if isinstance(raw, str):
            raw = raw.strip()
            longest = self.text_limit()
            if longest is not None and len(raw) > longest:
                reader.error(place.path, place.said(_(
                    "{subject} can be at most {longest} characters long.",
                    subject=self.subject(), longest=longest)))
                return MISSING
        return self.parse(raw, place, reader)

    def default(self, reader: Reader) -> Any:
        return None

    def example(self) -> str:
        """How to write a value of this field, ending a message: "a whole number like 2"."""
        # Never runs: every kind of field below says how its values are written.
        raise NotImplementedError  # pragma: no cover

    def unreadable(self, raw: Unreadable) -> str:
        """The message for a value the JSON reader could not take, naming this field."""
        shown_text = shown(raw.text)
        if raw.too_large:
            return _("{subject}, {text}, is a number too large or too small to read.",
                     subject=self.subject(), text=shown_text)
        return _("{subject} cannot be {text}: enter {example}.", subject=self.subject(),
                 text=shown_text, example=self.example())

    def parse(self, raw: object, place: Place, reader: Reader) -> Any:
        # Never runs: every kind of field below defines its own parse.
        raise NotImplementedError  # pragma: no cover


def _absent(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


@dataclass(frozen=True, kw_only=True)
class MoneyField(Field):
    """An amount of money, read as whole cents (money.parse_cents)."""

    kind: ClassVar[str] = "money"
    default_cents: int | None = None

    def default_json(self) -> Any:
        return None if self.default_cents is None else money.amount(self.default_cents)

    def limits(self) -> dict[str, Any]:
        return {"min": money.amount(0), "max": money.amount(money.MAX_CENTS),
                "max_length": FIELD_MAX_LENGTH}

    def text_limit(self) -> int | None:
        return FIELD_MAX_LENGTH

    def default(self, reader: Reader) -> Any:
        return self.default_cents

    def example(self) -> str:
        return _("an amount like 1000 or 1000.00")

    def parse(self, raw: object, place: Place, reader: Reader) -> Any:
        try:
            return money.parse_cents(raw)
        except money.InvalidMoney as problem:
            reader.error(place.path, place.said(self._message(str(problem))))
            return MISSING

    def _message(self, problem: str) -> str:
        if problem == "negative":
            return _("{subject} cannot be negative.", subject=self.subject())
        if problem == "decimals":
            return _("{subject} can have at most two decimal places (whole cents), like "
                     "433.33.", subject=self.subject())
        if problem == "range":
            return _("{subject} must be {most} or less.", subject=self.subject(),
                     most=money.dollars(money.MAX_CENTS))
        return _('Write {phrase} as a number like 1000 or 1000.00, without "$" or commas.',
                 phrase=self.phrase())


@dataclass(frozen=True, kw_only=True)
class CountField(Field):
    """A whole number of things, such as children or overnights: a JSON integer (``2``, not
    ``2.0`` or ``"two"``) or a string of digits (``"2"``, what a form sends), from ``minimum``
    to ``maximum``. ``above`` is the message for a number over the maximum, when the reason
    deserves saying (the schedule stops at six children)."""

    kind: ClassVar[str] = "count"
    minimum: int
    maximum: int
    default_count: int | None = None
    above: str = ""
    # Above ``possible`` the number cannot be true at all (a year has 366 nights): then
    # ``impossible`` is the message, rather than ``above``.
    possible: int | None = None
    impossible: str = ""

    def default_json(self) -> Any:
        return self.default_count

    def limits(self) -> dict[str, Any]:
        return {"min": self.minimum, "max": self.maximum, "max_length": FIELD_MAX_LENGTH}

    def text_limit(self) -> int | None:
        return FIELD_MAX_LENGTH

    def default(self, reader: Reader) -> Any:
        return self.default_count

    def example(self) -> str:
        return _("a whole number like 2")

    def parse(self, raw: object, place: Place, reader: Reader) -> Any:
        number = _whole_number(raw)
        if number is None:
            message = _("{subject} must be a whole number, like 2, without decimals.",
                        subject=self.subject())
        elif number < self.minimum:
            message = _("{subject} must be at least {least}.", subject=self.subject(),
                        least=self.minimum)
        elif self.possible is not None and number > self.possible:
            message = _(self.impossible)
        elif number > self.maximum:
            message = _(self.above) if self.above else _("{subject} must be {most} or less.",
                                                         subject=self.subject(),
                                                         most=self.maximum)
        else:
            return int(number)
        reader.error(place.path, place.said(message))
        return MISSING


def _whole_number(raw: object) -> int | Decimal | None:
    """The whole number a JSON number or a string of ASCII digits stands for, else None. A JSON
    number is taken at its exact value, like money: ``2.0`` and ``2e0`` are 2 and ``1e3`` is
    1000 (a Decimal, compared with the limits before it is ever turned into an int, so that
    ``1e99999999`` costs nothing); ``2.5`` is not a whole number."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, Decimal):
        return raw if raw.is_finite() and raw == raw.to_integral_value() else None
    if isinstance(raw, str) and raw.isascii() and raw.isdigit() and len(raw) <= COUNT_DIGITS:
        return int(raw)
    return None


@dataclass(frozen=True, kw_only=True)
class DateField(Field):
    """A calendar date written YYYY-MM-DD; ``as_of`` fields default to today."""

    kind: ClassVar[str] = "date"
    today_if_absent: bool = False

    def limits(self) -> dict[str, Any]:
        return {"min": date_input.EARLIEST.isoformat(), "max": date_input.LATEST.isoformat(),
                "max_length": FIELD_MAX_LENGTH}

    def text_limit(self) -> int | None:
        return FIELD_MAX_LENGTH

    def default(self, reader: Reader) -> Any:
        return reader.today if self.today_if_absent else None

    def example(self) -> str:
        return _("a date written year-month-day, like 2026-05-01")

    def parse(self, raw: object, place: Place, reader: Reader) -> Any:
        if not isinstance(raw, str):
            return self._fail(place, reader, "format", "")
        try:
            return date_input.parse_date(raw)
        except date_input.InvalidDate as problem:
            return self._fail(place, reader, str(problem), raw)

    def _fail(self, place: Place, reader: Reader, problem: str, text: str) -> Any:
        if problem == "calendar":
            message = _("{subject}, {text}, is not a real date: check the month and the day.",
                        subject=self.subject(), text=text)
        elif problem == "range":
            message = _("{subject} must be between {earliest} and {latest}.",
                        subject=self.subject(), earliest=dates.long_date(date_input.EARLIEST),
                        latest=dates.long_date(date_input.LATEST))
        else:
            message = _("Write {phrase} as year-month-day, like 2026-05-01.",
                        phrase=self.phrase())
        reader.error(place.path, place.said(message))
        return MISSING


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, kw_only=True)
class ChoiceField(Field):
    """One of a fixed list of values."""

    kind: ClassVar[str] = "choice"
    choices: tuple[Choice, ...]
    default_choice: str | None = None

    def default_json(self) -> Any:
        return self.default_choice

    def limits(self) -> dict[str, Any]:
        return {"choices": [{"value": c.value, "label": _(c.label)} for c in self.choices],
                "max_length": FIELD_MAX_LENGTH}

    def text_limit(self) -> int | None:
        return FIELD_MAX_LENGTH

    def default(self, reader: Reader) -> Any:
        return self.default_choice

    def example(self) -> str:
        return _("one of {values}", values=join_or([f'"{choice.value}"'
                                                   for choice in self.choices]))

    def parse(self, raw: object, place: Place, reader: Reader) -> Any:
        values = [choice.value for choice in self.choices]
        if isinstance(raw, str) and raw in values:
            return raw
        options = join_or([f'"{value}"' for value in values])
        reader.error(place.path, place.said(_("{subject} must be one of {options}.",
                                                  subject=self.subject(), options=options)))
        return MISSING


@dataclass(frozen=True, kw_only=True)
class BooleanField(Field):
    """JSON true or false (nothing else: not "yes", not 1)."""

    kind: ClassVar[str] = "boolean"
    default_flag: bool = False

    def default_json(self) -> Any:
        return self.default_flag

    def default(self, reader: Reader) -> Any:
        return self.default_flag

    def example(self) -> str:
        return _("true or false")

    def parse(self, raw: object, place: Place, reader: Reader) -> Any:
        if isinstance(raw, bool):
            return raw
        reader.error(place.path, place.said(_("{subject} must be true or false, without "
                                                  "quotes.", subject=self.subject())))
        return MISSING


@dataclass(frozen=True, kw_only=True)
class TextField(Field):
    """A short line of text, such as a name for an order."""

    kind: ClassVar[str] = "text"
    max_length: int

    def limits(self) -> dict[str, Any]:
        return {"max_length": self.max_length}

    def text_limit(self) -> int | None:
        return self.max_length

    def example(self) -> str:
        return _("text in quotes")

    def parse(self, raw: object, place: Place, reader: Reader) -> Any:
        if not isinstance(raw, str):
            message = _("{subject} must be text, in quotes.", subject=self.subject())
        elif any(unicodedata.category(char) in ("Cc", "Cs") for char in raw):
            message = _("{subject} cannot contain line breaks or other control characters.",
                        subject=self.subject())
        else:
            return raw
        reader.error(place.path, place.said(message))
        return MISSING


@dataclass(frozen=True, kw_only=True)
class GroupField(Field):
    """A JSON object of further fields (the input itself is one)."""

    kind: ClassVar[str] = "group"
    fields: tuple[Field, ...]

    def limits(self) -> dict[str, Any]:
        return {"fields": [member.describe() for member in self.fields]}

    def default(self, reader: Reader) -> Any:
        return {member.name: member.default(reader) for member in self.fields}

    def example(self) -> str:
        return _("a JSON object of its fields, like {...}")

    def parse(self, raw: object, place: Place, reader: Reader) -> Any:
        # In Spanish a member's message starts with the group's name ("Padre o madre que
        # paga: "), where English names the parent in the field's own noun.
        members = place if language() == ENGLISH else Place(
            place.path, f"{place.prefix}{_(self.label)}: ")
        return read_object(self.fields, raw, members, reader, place.prefix + self.subject(),
                           within=_("in {phrase}", phrase=self.phrase()))


def read_object(members: tuple[Field, ...], raw: object, place: Place, reader: Reader,
                subject: str, within: str | None = None) -> Any:
    """The fields of a JSON object, or MISSING when ``raw`` (called ``subject`` in the message)
    is not an object (a NaN where an order should be, too)."""
    if not isinstance(raw, Mapping):
        names = join_and([member.name for member in members])
        reader.error(place.path, _("{subject} must be a JSON object with the fields {names}.",
                                   subject=subject, names=names))
        return MISSING
    return read_members(members, raw, place, reader, within)


def read_members(members: tuple[Field, ...], raw: Mapping[Any, Any], place: Place,
                 reader: Reader, within: str | None = None) -> dict[str, Any]:
    """Read every declared field of an object, then report the keys nobody declared (``within``
    says where: "here", "in the paying parent's details")."""
    values = {member.name: member.read(raw.get(member.name), Place(place.key(member.name),
                                                                   place.prefix), reader)
              for member in members}
    names = [member.name for member in members]
    for key in getattr(raw, "repeated", ()):
        reader.error(place.key(shown(key)), place.said(_(
            'The input gives "{key}" more than once {where}. Give each field once.',
            key=shown(key), where=within or _("in the same object"))))
    for key in raw:
        if key in names:
            continue
        if reader.full:  # counted, without working out a message nobody will read
            reader.more += 1
        else:
            reader.error(place.key(shown(key)), place.said(_unknown_key(key, names, within)))
    return values


def _unknown_key(key: object, names: list[str], within: str | None) -> str:
    message = _('There is no field "{key}" {where}.', key=shown(key),
                where=within or _("here"))
    close = closest(shown(key), names)
    if close:
        message += " " + _('Did you mean "{name}"?', name=close)
    return message + " " + _("The fields are: {names}.", names=join_and(names))


def shown(key: object) -> str:
    """A key as an error may repeat it: short, and without lone surrogates that could not be
    written out as UTF-8."""
    text = str(key)
    if len(text) > SHOWN_KEY_LENGTH:
        text = text[:SHOWN_KEY_LENGTH] + "…"
    return "".join("\ufffd" if unicodedata.category(char) == "Cs" else char for char in text)


@dataclass(frozen=True, kw_only=True)
class ListField(Field):
    """A list of objects of the same fields, such as support orders."""

    kind: ClassVar[str] = "list"
    fields: tuple[Field, ...]
    item_label: str  # "Order": items are called "Order 1", "Order 2", ...
    items: str  # the items in a sentence, "orders"
    min_items: int
    max_items: int

    def limits(self) -> dict[str, Any]:
        return {"fields": [member.describe() for member in self.fields],
                "item_label": _(self.item_label),
                "min_items": self.min_items, "max_items": self.max_items}

    def example(self) -> str:
        return _("a list of {items}, like [{{...}}, {{...}}]", items=_(self.items))

    def parse(self, raw: object, place: Place, reader: Reader) -> Any:
        item, items = _(self.item_label).lower(), _(self.items)
        if not isinstance(raw, list):
            message = _("{subject} must be a list of {items}, like [{{...}}, {{...}}].",
                        subject=self.subject(), items=items)
        elif len(raw) < self.min_items:
            message = ngettext("{subject} must have at least one {item}.",
                               "{subject} must have at least {number} {items}.",
                               self.min_items, subject=self.subject(), item=item, items=items)
        elif len(raw) > self.max_items:
            message = ngettext("{subject} can have at most one {item}.",
                               "{subject} can have at most {number} {items}.",
                               self.max_items, subject=self.subject(), item=item, items=items)
        else:
            return [self._read_item(entry, index, place, reader)
                    for index, entry in enumerate(raw)]
        reader.error(place.path, message)
        return MISSING

    def _read_item(self, entry: object, index: int, place: Place, reader: Reader) -> Any:
        item = _("{item} {number}", item=_(self.item_label), number=index + 1)
        where = Place(f"{place.path}[{index}]", f"{item}: ")
        return read_object(self.fields, entry, where, reader, item)

