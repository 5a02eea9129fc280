"""Helpers for the tests and the bench: :mod:`.device_storage` reads what the site has left in
a browser."""
