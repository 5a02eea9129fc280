"""allocation: how one payment is split over several support orders.

The rule (seed 001_f6079787ae316351.txt, FSD's published distribution rule; 45 CFR
303.100(a)(5) likewise gives current support priority; rules.toml ``[allocation.*]``):

1. A payment that covers the current support due on all orders pays each order its current
   support in full.
2. A smaller payment is split over the orders in proportion to their current support due.
3. What is left after all current support goes to past-due support, split in proportion to
   each order's past-due amount.
4. What is left after all past-due support is reported as unallocated (this site's convention).
5. Shares are whole cents by the largest-remainder method (this site's convention,
   ``money.split``); the parts always add up to the payment.
"""

from __future__ import annotations

from calculators import money, rules
from calculators.calculator import Calculator, Outcome, Values
from calculators.fields import MISSING, DateField, ListField, MoneyField, Reader, TextField
from calculators.i18n import N_, _, ngettext
from calculators.layout import Section
from calculators.rules import Applied, Book, RulesError
from calculators.wording import join_and

# FSD's rule, in three parts; the value of each names the method this module implements, so a
# change of method in rules.toml, on any date, stops the import until the code follows it.
METHODS = {"allocation.current_support_first": "current_then_past_due",
           "allocation.current_pro_rata": "pro_rata_by_current_due",
           "allocation.past_due_pro_rata": "pro_rata_by_past_due"}
RULES = (*METHODS, "allocation.whole_cents", "allocation.unallocated")


def check_methods(book: Book) -> None:
    """Every dated value of the allocation rules names the method :func:`allocate` applies."""
    for key, method in METHODS.items():
        for date, value in rules.rule(key, book).values:
            if value != method:
                raise RulesError(f"calculators/rules.toml, [{key}.values]: from {date} the value "
                                 f"is {value!r}, but calculators/allocation.py applies only "
                                 f"{method!r}: change the code with the rule")


check_methods(rules.RULES)

ORDER_FIELDS = (
    TextField(
        name="id", label=N_("Name of the order"),
        help=N_("Such as the child's first name."),
        max_length=rules.latest("limits.name_max_length").number(), noun="the name of the order"),
    MoneyField(
        name="current_due", label=N_("Current support due"), required=True,
        help=N_("For the payment's period, like 300.00.")),
    MoneyField(
        name="past_due", label=N_("Past-due support owed"), default_cents=0,
        help=N_("Arrears, like 1000.00. Empty if none.")),
)

FIELDS = (
    MoneyField(
        name="payment", label=N_("Payment amount"), required=True,
        help=N_("One payment, in dollars and cents, like 700.00.")),
    ListField(
        name="orders", label=N_("Your support orders"), required=True,
        item_label=N_("Order"), items=N_("orders"),
        help=N_("Add each order you pay on, up to {most}.",
                most=rules.latest('limits.orders_max').number()),
        more=N_("For each order: a name you will recognise, such as the child's first name or "
                "the case number (left empty, the orders are called Order 1, Order 2 and so "
                "on, in the order you list them); the current support it says you must pay "
                "for the same period as the payment, usually a month (0 if it has none, for "
                "example because the child is grown and only past-due support is left); and "
                "how much support on it is overdue, also called arrears or back support."),
        noun="the list of support orders", fields=ORDER_FIELDS,
        min_items=rules.latest("limits.orders_min").number(),
        max_items=rules.latest("limits.orders_max").number()),
    # CONTRACT.md: as_of defaults to today in every calculator, so one input shape (and one
    # habit of always setting it) fits all three; no date changes how a payment is split.
    DateField(name="as_of", label=N_("Date to work from"), today_if_absent=True, asked=False,
              help=N_("No date changes how a payment is split.")),
)


def order_names(orders: list[Values]) -> list[str]:
    """Each order's name: its own, or "Order 1", "Order 2", ... by position (CONTRACT.md).
    The default names are the same in both languages: they are keys of the result."""
    return [order["id"] or f"Order {index + 1}" for index, order in enumerate(orders)]

# The form: one payment and the orders it is split over; every part applies to everyone.
LAYOUT = (Section(title=None, fields=("payment", "orders")),)


def check(values: Values, reader: Reader) -> None:
    """Orders must have different names once the default names are filled in."""
    orders = values["orders"]
    if orders is MISSING:
        return
    first_use: dict[str, int] = {}
    for index, order in enumerate(orders):
        if order is MISSING or order["id"] is MISSING:
            continue
        name = order["id"] or f"Order {index + 1}"
        if name in first_use:
            reader.error(f"orders[{index}].id",
                         _('Order {number}: The name "{name}" is already used by order '
                           "{first}. Give each order a different name.", number=index + 1,
                           name=name, first=first_use[name] + 1))
        else:
            first_use[name] = index


def allocate(payment: int, current_due: list[int], past_due: list[int]
             ) -> tuple[list[int], list[int], int, list[int], list[int]]:
    """Split ``payment`` cents: current support first, then past-due support, then the rest
    (steps 1 to 4 above: seed 001; 45 CFR 303.100(a)(5); rules.toml ``[allocation.*]``).

    Returns the parts to current support, the parts to past-due support, the unallocated cents,
    and the indexes that received a leftover cent in the current and in the past-due split.
    """
    current_extra: list[int] = []
    past_extra: list[int] = []
    total_current = sum(current_due)
    if payment >= total_current:
        to_current, rest = list(current_due), payment - total_current
    else:
        (to_current, current_extra), rest = money.split(payment, current_due), 0
    total_past = sum(past_due)
    if rest >= total_past:
        to_past, unallocated = list(past_due), rest - total_past
    else:
        (to_past, past_extra), unallocated = money.split(rest, past_due), 0
    return to_current, to_past, unallocated, current_extra, past_extra


def compute(values: Values, applied: Applied) -> Outcome:
    """The allocation of one valid input, with the steps that explain it."""
    for key in METHODS:
        applied.value(key)  # each names the method allocate applies (check_methods)
    payment: int = values["payment"]
    orders: list[Values] = values["orders"]
    names = order_names(orders)
    current_due = [order["current_due"] for order in orders]
    past_due = [order["past_due"] for order in orders]
    to_current, to_past, unallocated, current_extra, past_extra = allocate(
        payment, current_due, past_due)
    result = {
        "orders": [{"id": name, "to_current": money.amount(current),
                    "to_past_due": money.amount(past), "total": money.amount(current + past)}
                   for name, current, past in zip(names, to_current, to_past)],
        "to_current_total": money.amount(sum(to_current)),
        "to_past_due_total": money.amount(sum(to_past)),
        "unallocated": money.amount(unallocated),
    }
    steps = _steps(payment, names, current_due, past_due, to_current, to_past, unallocated,
                   current_extra, past_extra)
    contacts = ["fsd-payment-information"]
    if unallocated:
        contacts.insert(0, "fsd-customer-service")
    return Outcome(result, steps, contacts)


def _shares(names: list[str], parts: list[int], owed: list[int]) -> str:
    """"A gets $300.00 and C gets $50.00", for the orders that owe something in this step."""
    return join_and([_("{name} gets {amount}", name=name, amount=money.dollars(part))
                     for name, part, due in zip(names, parts, owed) if due])


def _steps(payment: int, names: list[str], current_due: list[int], past_due: list[int],
           to_current: list[int], to_past: list[int], unallocated: int,
           current_extra: list[int], past_extra: list[int]) -> list[str]:
    paid = money.dollars(payment)
    total_current, total_past = sum(current_due), sum(past_due)
    steps = [ngettext("The current support due on the order adds up to {total}.",
                      "The current support due on the {number} orders adds up to {total}.",
                      len(names), total=money.dollars(total_current))]
    if total_current == 0:
        steps.append(_("No current support is due, so the whole payment can go to past-due "
                       "support."))
    elif payment >= total_current:
        steps.append(_("The payment of {paid} covers all of it, so each order gets its full "
                       "current support: {shares}.", paid=paid,
                       shares=_shares(names, to_current, current_due)))
    else:
        steps.append(_("The payment of {paid} is less than that, so it is split over the "
                       "orders in proportion to the current support due on each: {shares}.",
                       paid=paid, shares=_shares(names, to_current, current_due)))
        steps.extend(_rounding(names, current_extra))
    rest = max(payment - total_current, 0)
    if total_past == 0:
        steps.append(_("None of the orders has past-due support."))
    elif rest == 0:
        steps.append(_("Nothing is left for past-due support: current support is paid first."))
    elif rest >= total_past:
        steps.append(_("That leaves {rest}, which covers all the past-due support ({total}): "
                       "{shares}.", rest=money.dollars(rest), total=money.dollars(total_past),
                       shares=_shares(names, to_past, past_due)))
    else:
        steps.append(_("That leaves {rest} for past-due support. The past-due support on the "
                       "orders adds up to {total}, so {rest} is split in proportion to what is "
                       "past due on each: {shares}.", rest=money.dollars(rest),
                       total=money.dollars(total_past),
                       shares=_shares(names, to_past, past_due)))
        steps.extend(_rounding(names, past_extra))
    if unallocated:
        steps.append(_("{left} is more than all the current and past-due support on these "
                       "orders. This site shows it as unallocated: FSD may hold it or refund "
                       "it. Call FSD's customer service line to ask. (FSD's published rule "
                       "does not say what happens to it; this is the site's own reading.)",
                       left=money.dollars(unallocated)))
    steps.append(_("This follows FSD's published rule for several orders: current support "
                   "first, split by the current support due on each order, then past-due "
                   "support, split by the amount past due on each. FSD's own records show how "
                   "a payment was actually applied: the payment information line can tell you "
                   "(have your case number ready)."))
    return steps


def _rounding(names: list[str], extra: list[int]) -> list[str]:
    if not extra:
        return []
    return [ngettext(
        "Shares are paid in whole cents. After each order got the whole cents of its exact "
        "share, 1 cent was left over: it went to {names}, whose exact share had the largest "
        "fraction of a cent left (ties go to the larger amount owed, then to the order listed "
        "first). This rounding is this site's own convention: FSD has not published how it "
        "rounds.",
        "Shares are paid in whole cents. After each order got the whole cents of its exact "
        "share, {number} cents were left over: one each went to {names}, whose exact shares "
        "had the largest fractions of a cent left (ties go to the larger amount owed, then to "
        "the order listed first). This rounding is this site's own convention: FSD has not "
        "published how it rounds.",
        len(extra), names=join_and([names[index] for index in extra]))]


CALCULATOR = Calculator(
    name="allocation",
    title=N_("How is one payment split over several support orders?"),
    summary=N_("If you pay support on more than one order, FSD splits each payment over them: "
               "current support first, in proportion to the current support due on each "
               "order, then past-due support, in proportion to the amount past due on each. "
               "Enter one payment and your orders to see each order's share."),
    fields=FIELDS, check=check, compute=compute, rules=RULES, layout=LAYOUT)
