"""Missouri child support calculators: every rule of the site, in the standard library only.

Four calculators, each in its own module: ``allocation`` (how one payment is split over several
support orders), ``order_end`` (when a current support order ends), ``review`` (when an order
can next be reviewed, and whether a change reaches 20 percent) and ``support_amount`` (Form
14's presumed amount). ``calculators.registry`` lists them, each with its page and its view
(``calculators/views/``). ``calculators.api`` is the one entry point; ``python -m calculators
NAME < input.json`` runs it from a shell. The legal numbers live in ``rules.toml`` with their
citations; calculators/DECISIONS.md lists the rules this site had to decide for itself.

The same package runs under CPython 3.11 and, in the browser, under Pyodide's Python 3.14.
"""
