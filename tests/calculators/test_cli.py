"""python -m calculators NAME < input.json, run as a separate process from the repository root
with an empty environment (no virtual environment: the package needs only the standard library),
and in-process for the edge cases."""

from __future__ import annotations

import io
import json
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from calculators import __main__ as cli
from calculators import api

ROOT = Path(__file__).resolve().parents[2]
ALLOCATION = b'{"payment": "700.00", "orders": [{"id": "A", "current_due": "300.00", ' \
             b'"past_due": "1000.00"}, {"id": "B", "current_due": "150.00"}, {"id": "C", ' \
             b'"current_due": "50.00", "past_due": "500.00"}]}'


def cli_run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "calculators", *args], input=stdin, cwd=ROOT,
                          env={}, capture_output=True, timeout=60)


def test_a_result_is_printed_with_exit_0() -> None:
    done = cli_run("allocation", stdin=ALLOCATION)
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.endswith(b"\n")
    response = json.loads(done.stdout)
    assert [o["total"] for o in response["result"]["orders"]] == ["433.33", "150.00", "116.67"]
    assert done.stdout == api.run_json("allocation", ALLOCATION)[1].encode("utf-8") + b"\n"


@pytest.mark.parametrize(("args", "stdin", "field", "calculator"), [
    (["review"], b'{"last_review_date": "2023-02-30", "as_of": "2026-11-22"}',
     "last_review_date", "review"),
    (["order_end"], b'{"child_birth_date": "2010-05-01", "as_of": "2026-11-22", "x": 1}', "x",
     "order_end"),
    (["allocation"], b'{"payment": ', None, "allocation"),
    (["allocation"], b"\xff\xfe\x00{", None, "allocation"),
    (["allocation"], b"", None, "allocation"),
    (["alimony"], b"{}", None, None),
    ([], b"{}", None, None),
    (["review", "extra"], b"{}", None, None),
])
def test_problems_are_json_on_stdout_with_exit_2(args: list[str], stdin: bytes,
                                                 field: str | None,
                                                 calculator: str | None) -> None:
    done = cli_run(*args, stdin=stdin)
    assert done.returncode == 2
    response = json.loads(done.stdout)
    assert response["ok"] is False and response["calculator"] == calculator
    assert response["errors"][0]["field"] == field
    assert b"Traceback" not in done.stderr
    assert done.stderr == (b"" if len(args) == 1 else cli.USAGE.encode())


def test_help_prints_the_usage_with_exit_0() -> None:
    done = cli_run("--help")
    assert (done.returncode, done.stdout, done.stderr) == (0, cli.USAGE.encode(), b"")
    assert "python -m calculators NAME < input.json" in cli.USAGE


def test_main_reads_and_writes_the_given_streams() -> None:
    out, err = io.BytesIO(), io.BytesIO()
    code = cli.main(["review"], io.BytesIO(b'{"last_review_date": "2023-01-10", '
                                           b'"as_of": "2026-11-22"}'), out, err)
    assert code == 0 and json.loads(out.getvalue())["result"]["eligible_now"] is True
    assert err.getvalue() == b""


def test_running_the_module_as_main_exits_with_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["calculators", "-h"])
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO()))
    monkeypatch.delitem(sys.modules, "calculators.__main__")  # runpy runs a fresh copy
    with pytest.raises(SystemExit) as exited:
        runpy.run_module("calculators", run_name="__main__")
    assert exited.value.code == 0
    assert sys.stdout.buffer.getvalue() == cli.USAGE.encode()


def test_main_without_a_name_prints_the_usage_and_a_json_error() -> None:
    out, err = io.BytesIO(), io.BytesIO()
    assert cli.main([], io.BytesIO(b"{}"), out, err) == 2
    assert err.getvalue() == cli.USAGE.encode()
    assert json.loads(out.getvalue())["errors"][0]["message"] == (
        "Name a calculator: allocation, order_end, review or support_amount.")
