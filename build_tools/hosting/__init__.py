"""What the site asks of its host: the response headers (:mod:`.headers`) and the content
security policy each page carries (:mod:`.csp`). HOSTING.md says how a host applies them."""
