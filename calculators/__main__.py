"""``python -m calculators NAME < input.json``: run one calculator on one JSON object.

Writes the JSON contract's response (CONTRACT.md) on standard output, followed by a newline, and
exits 0 with a result or 2 for any problem: an unknown or missing calculator name, unreadable
input, or invalid fields. ``--help`` prints the usage and exits 0. Nothing here is needed by the
browser, which calls ``calculators.api.run_json`` directly and gets the same bytes.
"""

from __future__ import annotations

import sys
from typing import BinaryIO

from calculators import api

USAGE = f"""\
usage: python -m calculators NAME < input.json

Runs one calculator on the JSON object read from standard input and writes the response as JSON.
NAME is one of: {", ".join(api.NAMES)}.
Exit status: 0 with a result, 2 when the name or the input has a problem (the response says
which field and why).
"""


def main(argv: list[str] | None = None, stdin: BinaryIO | None = None,
         stdout: BinaryIO | None = None, stderr: BinaryIO | None = None) -> int:
    """Run the command line; the streams can be replaced for tests."""
    args = sys.argv[1:] if argv is None else argv
    stdin = stdin or sys.stdin.buffer
    stdout = stdout or sys.stdout.buffer
    stderr = stderr or sys.stderr.buffer
    if args in (["-h"], ["--help"]):
        stdout.write(USAGE.encode("utf-8"))
        return api.EXIT_OK
    if len(args) != 1:
        stderr.write(USAGE.encode("utf-8"))
        # Still one JSON response on standard output, so that callers can rely on its shape.
        code, text = api.run_json(None, b"")
    else:
        code, text = api.run_json(args[0], stdin.read())
    stdout.write(text.encode("utf-8") + b"\n")
    stdout.flush()
    return code


if __name__ == "__main__":
    sys.exit(main())
