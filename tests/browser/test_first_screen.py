"""On a 390 x 844 phone, each task page's first screen shows the answer and a first action.

The answer is the first paragraph after the title (tests/content/task_pages.py); a first action
is a phone number to call (a tel: link), a link to another site (an official online service, an
official page that holds it) or to a task on this one, or step 1 of a numbered list: not a link
into the glossary or to a heading on the same page, which only explain. Both must end within the
first 844 pixels of the page as it loads, with nothing scrolled.
"""

from __future__ import annotations

import pytest

from tests.content import pages
from tests.content.task_pages import PHONE_VIEWPORT, TASK_PAGES

pytestmark = pytest.mark.browser

# The bottom edge, in page pixels, of the page's first paragraph and of its first action.
FIRST_SCREEN = """() => {
  const article = document.querySelector('article');
  const title = article.querySelector('h1');
  let paragraph = title.nextElementSibling;
  while (paragraph && paragraph.tagName !== 'P') paragraph = paragraph.nextElementSibling;
  const explains = (a) => {
    const href = a.getAttribute('href') || '';
    return href.startsWith('#') || /glossary\\//.test(a.pathname)
      || a.closest('.site-page-foot, .headerlink, .site-ref, .site-quick-exit');
  };
  const actions = [...article.querySelectorAll('a[href], ol > li')].filter(
    (el) => el.tagName === 'LI' || !explains(el));
  const bottom = (el) => el ? Math.round(el.getBoundingClientRect().bottom + window.scrollY) : null;
  const first = actions.length ? actions[0] : null;
  return {
    paragraph: bottom(paragraph),
    action: bottom(first),
    actionText: first ? first.textContent.trim().slice(0, 60) : null,
    scrolled: window.scrollY,
  };
}"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE_VIEWPORT, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    yield context
    context.close()


@pytest.mark.parametrize("src", TASK_PAGES)
def test_the_answer_and_a_first_action_are_on_the_first_screen(src, phone, site_host):
    page = phone.new_page()
    try:
        page.goto(site_host.url + "/" + pages.url_path(pages.DOCS / src))
        found = page.evaluate(FIRST_SCREEN)
    finally:
        page.close()
    height = PHONE_VIEWPORT["height"]
    assert found["scrolled"] == 0
    assert found["paragraph"] is not None, f"docs/{src}: no paragraph after the title"
    assert found["paragraph"] <= height, (
        f"docs/{src}: the first paragraph ends at {found['paragraph']} px, below the first "
        f"screen ({height} px): shorten it")
    assert found["action"] is not None, f"docs/{src}: no link, phone number or step to act on"
    assert found["action"] <= height, (
        f"docs/{src}: the first action ({found['actionText']!r}) ends at {found['action']} px, "
        f"below the first screen ({height} px): put a link, a phone number or step 1 higher")
