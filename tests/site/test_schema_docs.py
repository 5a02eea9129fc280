"""Each data file's fields are declared once, in the module that checks them; the YAML header
comments and the field tables of MAINTAINING.md are generated from those declarations (make schema-docs)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from build_tools.commands import schema_docs
from build_tools.data import contacts, county_data, frontmatter, scenarios
from build_tools.data.schema import TEXT, YAML_END, Field, Schema, markdown, yaml_comment

ROOT = Path(__file__).resolve().parents[2]


def test_every_generated_block_matches_its_declaration():
    problems = schema_docs.stale(ROOT)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("target", schema_docs.TARGETS,
                         ids=[f"{t.path}:{t.marker or 'header'}" for t in schema_docs.TARGETS])
def test_each_block_lists_every_declared_field(target):
    text = (ROOT / target.path).read_text(encoding="utf-8")
    if target.marker:
        start = text.index(f"<!-- fields:{target.marker} -->")
        block = text[start:text.index(f"<!-- /fields:{target.marker} -->")]
        names = {f"`{field.name}`" for schema in target.schemas for field in schema.fields}
    else:
        block = text[text.index("# --- fields (generated"):text.index(YAML_END)]
        names = {f"#   {field.name} " for schema in target.schemas for field in schema.fields}
    assert all(name in block for name in names), (target.path, names)
    assert target.source in block or target.marker


def test_a_stale_block_fails_naming_the_command(tmp_path, monkeypatch):
    for target in schema_docs.TARGETS:
        (tmp_path / target.path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / target.path, tmp_path / target.path)
    assert schema_docs.stale(tmp_path) == []
    path = tmp_path / "data" / "contacts.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "what the line or office is called", "what it is called"), encoding="utf-8")
    readme = tmp_path / "tests" / "scenarios" / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8").replace("| `contacts` |", "| `x` |"),
                      encoding="utf-8")
    problems = schema_docs.stale(tmp_path)
    assert len(problems) == 2
    assert problems[0].startswith("data/contacts.yml: ")
    assert problems[1].startswith("tests/scenarios/README.md: ")
    assert all("run `make schema-docs`" in problem for problem in problems)
    monkeypatch.setattr(schema_docs, "ROOT", tmp_path)
    assert schema_docs.main(["--check"]) == 1
    assert schema_docs.main([]) == 0
    assert schema_docs.stale(tmp_path) == []
    assert "what the line or office is called" in path.read_text(encoding="utf-8")


def test_generating_leaves_the_data_unchanged():
    for target in schema_docs.TARGETS:
        if not target.marker:
            text = (ROOT / target.path).read_text(encoding="utf-8")
            assert yaml.safe_load(target.render(text.replace("required;", "x;"))) == \
                yaml.safe_load(text)


def test_a_missing_marker_is_named():
    with pytest.raises(ValueError, match="the markers '<!-- fields:contacts -->'"):
        schema_docs.TARGETS[1].render("no markers here\n")


def test_the_regenerated_counties_file_carries_the_same_header():
    text = (ROOT / "data" / "counties.yml").read_text(encoding="utf-8")
    assert text.startswith(county_data.HEADER)


def test_validation_reads_the_declarations():
    assert frontmatter.REQUIRED_KEYS == ("title", "description", "sources", "last_reviewed")
    assert frontmatter.known_keys()[:7] == list(frontmatter.PAGE.names())
    assert contacts.REQUIRED == ("name", "organisation", "for", "sources", "es")
    assert contacts.TRANSLATED == ("for", "hours", "have_ready", "dated_note")
    assert contacts.IF_DATED == ("dated_note", "instead")
    assert contacts.TEXT_FIELDS == ("name", "organisation", "for", "hours", "have_ready",
                                    "dated_note")
    assert list(contacts.FIELDS) == list(contacts.CONTACT.names())
    assert county_data.CIRCUIT_FIELDS == ("number", "name", "sources", "counties")
    assert county_data.CIRCUIT_COUNTY_FIELDS == ("slug", "court_seats", "seats_sources")
    assert scenarios.CASE_KEYS == ("name", "calculator", "input", "raw_input", "expect",
                                   "example", "id", "name_es")
    assert scenarios.EXPECT_KEYS == ("ok", "result", "errors", "messages_contain",
                                     "steps_contain", "contacts")


def test_a_field_is_written_with_its_need_shape_meaning_and_example():
    kind = Schema("Fields of a thing", (
        Field("colour", TEXT, "what colour it is", "red", required=True),
        Field("note", TEXT, "why", required_with="with colour: red"),
    ))
    assert yaml_comment((kind,), "x.py").splitlines()[1:-1] == [
        "# Fields of a thing:",
        "#   colour      required; text: what colour it is",
        "#                 example: red",
        "#   note        required with colour: red; text: why",
    ]
    assert "| `colour` | required | text | what colour it is | `red` |" in markdown((kind,))
    with pytest.raises(ValueError, match="declared twice"):
        Schema("Twice", (Field("a", TEXT, "a"), Field("a", TEXT, "b")))
