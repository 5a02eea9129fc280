"""What a calculator page shows for a response: a one-sentence answer, a few sentences to read
aloud, labelled facts, for some a table (the allocation's split, Form 14's worksheet) and, where
a result leads on to another calculator, a follow-up link to it with the figures filled in. Dates
and money are written the way the steps write them.

One module a calculator (``views/allocation.py`` beside ``calculators/allocation.py``), each
with ``view(result, used)``, and the helpers they share (:mod:`calculators.views.common`). The
rules modules hold no presentation; :mod:`calculators.registry` pairs each calculator with its
view. :mod:`calculators.views.respond` runs a calculator and its view: the browser's worker calls
it after each calculation (this package ships in the calculators wheel), and the site build
calls the same functions for the worked examples. The page's script then only places text into
elements: it holds no rule and no wording of its own. Nothing here imports more than the
standard library and ``calculators``, because it runs under Pyodide.

The view of a successful response::

    {"answer": "...", "summary": ["sentence", ...], "facts": [["label", "value"], ...],
     "table": {"caption", "head": [...], "rows": [[...], ...], "foot": [...] or null,
               "closed": "Every line of Form 14" or null} or null,
     "follow": {"text", "href"} or null}

The answer is one sentence; ``summary`` a few more a parent can read aloud (Form 14: who
pays, each parent's share, the schedule amount, the overnight credit and the low-income
calculation where they apply); ``facts`` labelled details; a table with ``closed`` is shown
inside a disclosure with that text, closed until opened (and open when printed). Money is
written as money, "$1,018", with cents only where they are not zero
(:func:`calculators.money.shown`).

A calculator's view names a follow-up by the calculator it leads to and the input to fill in
(:class:`calculators.views.common.FollowUp`); ``respond.view`` turns it into ``follow.href``,
relative to the calculator's own page (``../review/#input=...``), from the pages the registry
names. The site build checks that it leads to a calculator page.

A response with errors has no view (``None``): the page shows the errors themselves.

(This package imports nothing at the top: :mod:`calculators.registry` imports its modules.)
"""
