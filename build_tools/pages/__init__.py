"""The page makers: what the build writes into a page, from the data and the calculators.

- :mod:`.calculator_pages` makes the calculator pages from the calculators' declarations, with
  the templates in ``templates/calculator/``; :mod:`.form14_pages` the pages for working Form 14
  by hand; :mod:`.county_pages` one page per county; :mod:`.handout` a page's printed address and
  QR code.
- :mod:`.page_urls` is the one rule for a page's URL; :mod:`.site_pages` lists the site's pages
  as MkDocs sees them, without building.
- :mod:`.theme_fixes` corrects a few constructs the theme writes into every page.

Pages import the data checks and the runtime, never a command.
"""
