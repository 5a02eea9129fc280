"""The data the site is made from, loaded and checked whole before any page is built.

- :mod:`.schema` declares a data file's fields once; :mod:`.frontmatter`, :mod:`.contacts`,
  :mod:`.county_data` and :mod:`.scenarios` declare theirs with it and check them.
- :mod:`.shortcodes` is how a page names data (``[[KIND:ARGS]]``) instead of copying it; the
  module that owns the data registers its kind. :mod:`.page_sources` is each page's one list of
  sources.
- :mod:`.phones` recognises a phone number; :mod:`.text_lists` reads the plain-text lists.

Nothing here imports the pages, the runtime or the commands.
"""
