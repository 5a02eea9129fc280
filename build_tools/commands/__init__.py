"""The commands ``make`` runs (``python -m build_tools.commands.NAME``): :mod:`.build`,
:mod:`.serve`, :mod:`.ensure`, :mod:`.url_manifest` (``make urls``, and the build's check of
the published URLs), :mod:`.check_content` and :mod:`.schema_docs`."""
