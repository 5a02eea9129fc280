"""A maintainer's mistake fails the build with a message that says where and how to fix it.

Each test breaks one thing in a tiny copy of the project (tests/site/conftest.py) and builds it.
"""

from __future__ import annotations


def test_the_tiny_project_builds(project):
    outcome = project.build()
    assert outcome.ok, outcome.log
    assert (outcome.site / "counties" / "st-charles-county" / "index.html").is_file()


def test_an_unknown_contact_id_names_the_page_line_and_the_near_miss(project):
    project.page("help.md", "Help", "Intro.\n\nCall [[phone:fsd-custmer-service]] today.")
    project.write("data/published_urls.txt",
                  (project.root / "data/published_urls.txt").read_text() + "help/\n")
    log = project.failure()
    assert ("docs/help.md, line 12: [[phone:fsd-custmer-service]]: no contact with id "
            "'fsd-custmer-service' in data/contacts.yml. Did you mean \"fsd-customer-service\"?"
            in log)


def test_an_unknown_shortcode_kind_lists_the_known_kinds(project):
    project.page("index.md", "Home", "See [[phoen:fsd-customer-service]].")
    log = project.failure()
    assert ("docs/index.md, line 10: [[phoen:fsd-customer-service]]: unknown shortcode kind "
            "'phoen'. Did you mean [[phone:fsd-customer-service]]? Known kinds:\n" in log)
    for usage in ("[[contact:ID]]", "[[phone:ID]]", "[[fax:ID]]", "[[address:ID]]",
                  "[[feedback:]]", "[[county-finder:]]"):
        assert f"\n    {usage}  " in log


def test_a_block_shortcode_inside_a_sentence_says_to_put_it_on_its_own_line(project):
    project.page("index.md", "Home", "Call them: [[contact:fsd-customer-service]]")
    log = project.failure()
    assert ("[[contact:ID]] is a block: put it on a line of its own, not indented and not in a "
            "sentence or a list item." in log)


def test_a_malformed_number_in_contacts_names_the_contact_and_field(project):
    project.replace("data/contacts.yml", "phone: 866-313-9960", "phone: 866-313-99600")
    log = project.failure()
    assert ("contact 'fsd-customer-service': field 'phone' is '866-313-99600'; write it as "
            "NNN-NNN-NNNN, like 866-313-9960" in log)


def test_a_phone_number_typed_into_a_page_says_to_use_the_shortcode(project):
    project.page("index.md", "Home", "Intro.\n\nCall (866) 313-9960 to open a case.")
    log = project.failure()
    assert ("docs/index.md, line 12: '(866) 313-9960' is a phone number typed into the page; "
            "write [[phone:fsd-customer-service]]" in log)


def test_a_number_typed_into_the_description_is_caught_too(project):
    project.replace("docs/index.md", "A page of the tiny test project.",
                    "Call 800-555-0100 for help.")
    log = project.failure()
    assert ("docs/index.md, line 3: '800-555-0100' is a phone number typed into the page; add "
            "the number to data/contacts.yml with its source, then write [[phone:ID]]"
            in log)


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
    project.replace("docs/index.md", "last_reviewed: 2026-01-05\n", "")
    log = project.failure()
    assert "Front matter of docs/index.md:\n  - missing front matter key 'last_reviewed'" \
        in log
    assert "Every page starts with front matter like this:\n---\ntitle:" in log


def test_a_misspelt_front_matter_key_is_not_ignored(project):
    project.replace("docs/index.md", "last_reviewed:", "quick_exti: true\nlast_reviewed:")
    log = project.failure()
    assert "unknown front matter key 'quick_exti' (did you mean 'quick_exit'?)" in log


def test_a_long_description_is_refused(project):
    project.replace("docs/index.md", "A page of the tiny test project.", "x" * 161)
    log = project.failure()
    assert "'description' is 161 characters; shorten it to at most 160" in log


def test_a_missing_seed_file_names_the_file_and_lists_the_seeds(project):
    project.replace("docs/index.md", "001_f6079787ae316351.txt", "009_missing.txt")
    log = project.failure()
    assert ("'sources': sources item 1: data/seeds/009_missing.txt does not exist. Files there: "
            "000_d74ccf04b443ec1b.txt" in log)


def test_a_contact_naming_a_missing_instead_fails_at_build_start(project):
    project.replace("data/contacts.yml", "instead: fsd-customer-service",
                    "instead: fsd-customer-servic")
    log = project.failure()
    assert ("contact 'dcse-state-office-1990s': field 'instead' names 'fsd-customer-servic', "
            "which is not a contact id. Did you mean \"fsd-customer-service\"?" in log)
    assert "Building documentation" not in log  # stopped before any page


def test_an_old_review_date_is_reported_at_info_and_the_build_passes(project):
    project.replace("docs/index.md", "last_reviewed: 2026-01-05", "last_reviewed: 2020-02-03")
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
    log = project.failure()
    assert ("These published URLs are no longer built and have no redirect:\n"
            "  - help/\n" in log)
    assert "Restore the page, or add a redirect" in log


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
    log = project.failure()
    assert ("These pages are new and not yet in data/published_urls.txt:\n  - new/\n"
            "Run `make urls` to add them" in log)


def test_a_county_page_written_by_hand_is_refused(project):
    project.page("counties/adair-county.md", "Adair", "By hand.")
    log = project.failure()
    assert ("docs/counties/adair-county.md exists, but county pages are made by the build"
            in log)


def test_a_county_fact_without_a_source_names_the_county(project):
    project.replace("data/counties.yml", "slug: adair-county", "slug: adair-county\n"
                    "  last_reviewed: 2026-01-05\n  facts:\n  - text: Something.\n")
    log = project.failure()
    assert ("county 'Adair County': fact 1: field 'sources' is required: a fact needs its source"
            in log)


def test_a_term_ruled_out_by_another_entry_fails_the_build_naming_both(project):
    project.replace("data/terms.yml", "spanish: orden administrativa",
                    "spanish: pensión alimenticia")
    log = project.failure()
    assert ("data/terms.yml: term 'Administrative order': its Spanish term 'pensión alimenticia' "
            "is ruled out by the entry 'child support'" in log)


def test_a_typed_number_in_a_county_fact_points_to_counties_yml(project):
    project.replace("data/counties.yml", "slug: adair-county", "slug: adair-county\n"
                    "  last_reviewed: 2026-01-05\n  facts:\n  - text: Call 660-555-0100.\n"
                    "    es: {text: Llame al 660-555-0100.}\n"
                    "    sources:\n    - seed: 000_d74ccf04b443ec1b.txt\n")
    log = project.failure()
    assert ("counties/adair-county.md (made from data/county_page.md and the entry for Adair "
            "County in data/counties.yml), line" in log)
    assert "'660-555-0100' is a phone number typed into the page" in log


def test_a_bad_feedback_address_is_refused(project, monkeypatch):
    project.config["extra"]["feedback_url"] = "issues page"
    project.write_config()
    log = project.failure()
    assert "extra.feedback_url (FEEDBACK_URL) is 'issues page': give a full http(s) address" \
        in log


def test_an_unknown_source_id_names_the_page_line_and_the_ids_the_page_has(project):
    project.page("index.md", "Home", "Intro.\n\nPay by phone.[[ref:fsd-pag]]")
    project.replace("docs/index.md", "  - seed: 001_f6079787ae316351.txt\n",
                    "  - seed: 001_f6079787ae316351.txt\n    id: fsd-page\n")
    log = project.failure()
    assert ("docs/index.md, line 13: [[ref:fsd-pag]]: no source with id 'fsd-pag' in this "
            "page's front matter sources. Did you mean \"fsd-page\"? Ids this page has: fsd-page"
            in log)


def test_a_missing_form14_template_names_the_file(project):
    from tests.site.conftest import ROOT

    project.write("data/form14_by_hand.md",
                  (ROOT / "data" / "form14_by_hand.md").read_text(encoding="utf-8"))
    log = project.failure()
    assert ("data/form14_schedule_page.md is missing: the pages for working Form 14 by hand "
            "need both of their templates") in log
