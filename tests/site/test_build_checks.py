"""A maintainer's mistake fails the build with a message that says where and how to fix it.

Each test breaks one thing in a tiny copy of the project (tests/site/conftest.py) and builds it.
"""

from __future__ import annotations

import re


def test_the_tiny_project_builds(project):
    outcome = project.build()
    assert outcome.ok, outcome.log
    assert (outcome.site / "counties" / "st-charles-county" / "index.html").is_file()


def test_an_unknown_contact_id_names_the_page_line_and_the_near_miss(project):
    project.page("help.md", "Help", "Intro.\n\nCall [[phone:fsd-custmer-service]] today.")
    project.write("data/published_urls.txt",
                  (project.root / "data/published_urls.txt").read_text() + "help/\n")
    outcome = project.build()
    assert not outcome.ok
    assert ("docs/help.md, line 12: [[phone:fsd-custmer-service]]: no contact with id "
            "'fsd-custmer-service' in data/contacts.yml. Did you mean \"fsd-customer-service\"?"
            in outcome.log)


def test_an_unknown_shortcode_kind_lists_the_known_kinds(project):
    project.page("index.md", "Home", "See [[phoen:fsd-customer-service]].")
    outcome = project.build()
    assert not outcome.ok
    message = next(line for line in outcome.log.splitlines() if "phoen" in line)
    assert "docs/index.md, line 10" in message
    assert "unknown shortcode kind 'phoen'" in message
    assert "Did you mean [[phone:fsd-customer-service]]?" in message
    for usage in ("[[contact:ID]]", "[[phone:ID]]", "[[fax:ID]]", "[[address:ID]]",
                  "[[feedback:]]", "[[county-finder:]]"):
        assert usage in message


def test_a_block_shortcode_inside_a_sentence_says_to_put_it_on_its_own_line(project):
    project.page("index.md", "Home", "Call them: [[contact:fsd-customer-service]]")
    outcome = project.build()
    assert not outcome.ok
    assert ("[[contact:ID]] is a block: put it on a line of its own, not indented and not in a "
            "sentence or a list item." in outcome.log)


def test_a_malformed_number_in_contacts_names_the_contact_and_field(project):
    contacts = project.root / "data" / "contacts.yml"
    contacts.write_text(contacts.read_text().replace("phone: 866-313-9960",
                                                     "phone: 866-313-99600"))
    outcome = project.build()
    assert not outcome.ok
    assert ("contact 'fsd-customer-service': field 'phone' is '866-313-99600'; write it as "
            "NNN-NNN-NNNN, like 866-313-9960" in outcome.log)


def test_a_phone_number_typed_into_a_page_says_to_use_the_shortcode(project):
    project.page("index.md", "Home", "Intro.\n\nCall (866) 313-9960 to open a case.")
    outcome = project.build()
    assert not outcome.ok
    assert ("docs/index.md, line 12: '(866) 313-9960' is a phone number typed into the page; "
            "write [[phone:fsd-customer-service]]" in outcome.log)


def test_a_number_typed_into_the_description_is_caught_too(project):
    path = project.page("index.md", "Home", "Text.")
    path.write_text(path.read_text().replace("A page of the tiny test project.",
                                             "Call 800-555-0100 for help."))
    outcome = project.build()
    assert not outcome.ok
    assert ("docs/index.md, line 3: '800-555-0100' is a phone number typed into the page; add "
            "the number to data/contacts.yml with its source, then write [[phone:ID]]"
            in outcome.log)


def test_shortcodes_in_code_are_shown_as_written(project):
    project.page("index.md", "Home", """\
        Write `[[phone:ID]]` in a sentence.

        ```
        [[contact:no-such-contact]]
        ```
        """)
    outcome = project.build()
    assert outcome.ok, outcome.log
    html = (outcome.site / "index.html").read_text()
    assert "<code>[[phone:ID]]</code>" in html
    assert "[[contact:no-such-contact]]" in html


def test_a_missing_front_matter_key_names_the_file_and_key_and_shows_an_example(project):
    path = project.page("index.md", "Home", "Text.")
    path.write_text(re.sub(r"last_reviewed: .*\n", "", path.read_text()))
    outcome = project.build()
    assert not outcome.ok
    assert "Front matter of docs/index.md:\n  - missing front matter key 'last_reviewed'" \
        in outcome.log
    assert "Every page starts with front matter like this:\n---\ntitle:" in outcome.log


def test_a_misspelt_front_matter_key_is_not_ignored(project):
    path = project.page("index.md", "Home", "Text.")
    path.write_text(path.read_text().replace("last_reviewed:", "quick_exti: true\nlast_reviewed:"))
    outcome = project.build()
    assert not outcome.ok
    assert "unknown front matter key 'quick_exti' (did you mean 'quick_exit'?)" in outcome.log


def test_a_long_description_is_refused(project):
    path = project.page("index.md", "Home", "Text.")
    path.write_text(path.read_text().replace("A page of the tiny test project.", "x" * 161))
    outcome = project.build()
    assert not outcome.ok
    assert "'description' is 161 characters; shorten it to at most 160" in outcome.log


def test_a_missing_seed_file_names_the_file_and_lists_the_seeds(project):
    path = project.page("index.md", "Home", "Text.")
    path.write_text(path.read_text().replace("001_f6079787ae316351.txt", "009_missing.txt"))
    outcome = project.build()
    assert not outcome.ok
    assert ("'sources': sources item 1: data/seeds/009_missing.txt does not exist. Files there: "
            "000_d74ccf04b443ec1b.txt" in outcome.log)


def test_a_contact_naming_a_missing_instead_fails_at_build_start(project):
    contacts = project.root / "data" / "contacts.yml"
    contacts.write_text(contacts.read_text().replace("instead: fsd-customer-service",
                                                     "instead: fsd-customer-servic"))
    outcome = project.build()
    assert not outcome.ok
    assert ("contact 'dcse-state-office-1990s': field 'instead' names 'fsd-customer-servic', "
            "which is not a contact id. Did you mean \"fsd-customer-service\"?" in outcome.log)
    assert "Building documentation" not in outcome.log  # stopped before any page


def test_an_old_review_date_is_reported_at_info_and_the_build_passes(project):
    path = project.page("index.md", "Home", "Text.")
    path.write_text(path.read_text().replace("last_reviewed: 2026-01-05",
                                             "last_reviewed: 2020-02-03"))
    outcome = project.build()
    assert outcome.ok, outcome.log
    [line] = [line for line in outcome.log.splitlines() if "last reviewed" in line]
    assert line.startswith("INFO ")
    assert ("docs/index.md was last reviewed on 2020-02-03, more than a year ago: check it "
            "against its sources, then update last_reviewed" in line)


def _publish_then_remove(project, page: str, url: str) -> None:
    """A page that was published (its URL is in the list) and has now been deleted."""
    manifest = project.root / "data" / "published_urls.txt"
    manifest.write_text(manifest.read_text() + f"{url}\n")
    project.page(page, "Help", "A page.")
    assert project.build().ok
    (project.root / "docs" / page).unlink()


def test_a_removed_page_without_a_redirect_fails_the_build(project):
    _publish_then_remove(project, "help.md", "help/")
    outcome = project.build()
    assert not outcome.ok
    assert ("These published URLs are no longer built and have no redirect:\n"
            "  - help/\n" in outcome.log)
    assert "Restore the page, or add a redirect" in outcome.log


def test_a_redirect_keeps_a_removed_page_s_url_alive(project):
    _publish_then_remove(project, "help.md", "help/")
    project.config["plugins"] = [{"redirects": {"redirect_maps": {
        "help.md": "calculators/order-end.md"}}}]
    project.write_config()
    outcome = project.build()
    assert outcome.ok, outcome.log
    redirect = (outcome.site / "help" / "index.html").read_text()
    assert 'url=../calculators/order-end/' in redirect


def test_a_new_page_not_in_the_list_of_urls_says_to_run_make_urls(project):
    project.page("new.md", "New", "A new page.")
    outcome = project.build()
    assert not outcome.ok
    assert ("These pages are new and not yet in data/published_urls.txt:\n  - new/\n"
            "Run `make urls` to add them" in outcome.log)


def test_a_county_page_written_by_hand_is_refused(project):
    project.page("counties/adair-county.md", "Adair", "By hand.")
    outcome = project.build()
    assert not outcome.ok
    assert ("docs/counties/adair-county.md exists, but county pages are made by the build"
            in outcome.log)


def test_a_county_fact_without_a_source_names_the_county(project):
    counties = project.root / "data" / "counties.yml"
    counties.write_text(counties.read_text().replace(
        "slug: adair-county", "slug: adair-county\n  last_reviewed: 2026-01-05\n"
        "  facts:\n  - text: Something.\n"))
    outcome = project.build()
    assert not outcome.ok
    assert ("county 'Adair County': fact 1: field 'sources' is required: a fact needs its source"
            in outcome.log)


def test_a_typed_number_in_a_county_fact_points_to_counties_yml(project):
    counties = project.root / "data" / "counties.yml"
    counties.write_text(counties.read_text().replace(
        "slug: adair-county", "slug: adair-county\n  last_reviewed: 2026-01-05\n"
        "  facts:\n  - text: Call 660-555-0100.\n    sources:\n"
        "    - seed: 000_d74ccf04b443ec1b.txt\n"))
    outcome = project.build()
    assert not outcome.ok
    assert ("counties/adair-county.md (made from data/county_page.md and the entry for Adair "
            "County in data/counties.yml), line" in outcome.log)
    assert "'660-555-0100' is a phone number typed into the page" in outcome.log


def test_a_bad_feedback_address_is_refused(project, monkeypatch):
    project.config["extra"]["feedback_url"] = "issues page"
    project.write_config()
    outcome = project.build()
    assert not outcome.ok
    assert "extra.feedback_url (FEEDBACK_URL) is 'issues page': give a full http(s) address" \
        in outcome.log
