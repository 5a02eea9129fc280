"""Accessibility: axe-core finds nothing on any template, in any state, on a phone or a desktop,
nor on any page; keyboard focus is visible; the skip link works.

axe checks WCAG 2.0/2.1/2.2 A and AA and its best practices (browsing.AXE_TAGS), which include
heading order, one h1 per page and a label on every form control; test_page_structure.py
checks those last two on every built page without a browser as well.
The site has one colour scheme (mkdocs.yml), so there is no second scheme to check.
"""

from __future__ import annotations

import pytest

from tests.quality.browsing import VIEWPORTS, Template, Visitor, all_templates, pages_to_check

pytestmark = pytest.mark.browser

TEMPLATES = all_templates()


def _fail_with(where: str, visit) -> None:
    pytest.fail(f"axe-core found {len(visit.axe)} kind(s) of accessibility problem on {where}:\n"
                f"{visit.describe_axe()}\nFix the template, stylesheet or page named by the "
                "selectors (each help link explains the rule).", pytrace=False)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("template", TEMPLATES, ids=[t.name for t in TEMPLATES])
def test_no_template_in_any_state_has_an_axe_violation(visitor: Visitor, template: Template,
                                                         viewport: str) -> None:
    visit = visitor.visit(template, viewport)
    assert visit.status == template.status, f"{template.path or './'} answered {visit.status}"
    if visit.axe:
        _fail_with(f"{template.name} ({template.path or './'}, {viewport})", visit)


def test_no_page_has_an_axe_violation(visitor: Visitor, built_site) -> None:
    pages = pages_to_check(built_site.path)
    failing = []
    for path in pages:
        visit = visitor.visit(Template("page", path), settle="load")
        if visit.axe:
            failing.append(f"{path or './'}:\n{visit.describe_axe()}")
    assert not failing, (f"axe-core found problems on {len(failing)} of {len(pages)} pages:\n"
                         + "\n".join(failing))
