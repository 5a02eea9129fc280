// The county finder on /counties/: typing in the box hides the counties whose names do not
// match, and a polite live region says how many remain. Without JavaScript the box stays hidden
// and the full list of links is there. Loaded as a file (no inline script) for a strict CSP.
// What it says is written in the page, in the page's language, on the status line
// (data-none, data-one, data-many: build_tools/pages/county_pages.py); this file holds no words.
(function () {
  "use strict";

  var finder = /** @type {HTMLElement | null} */ (document.querySelector("[data-county-finder]"));
  if (!finder) {
    return;
  }
  var input = finder.querySelector("input");
  var status = finder.querySelector("[role=status]");
  var list = document.getElementById(input.getAttribute("aria-controls"));
  var items = Array.prototype.slice.call(list.querySelectorAll("li"));

  // "Saint Charles", "st charles" and "St. Charles County" all find St. Charles County.
  function normalise(text) {
    return text.toLowerCase()
      .replace(/\bsainte\b/g, "ste")
      .replace(/\bsaint\b/g, "st")
      .replace(/[.,']/g, "")
      .replace(/\s+/g, " ")
      .trim();
  }

  var names = items.map(function (item) { return normalise(item.textContent); });

  var said = /** @type {HTMLElement} */ (status).dataset;

  function describe(count, query) {
    if (!query) {
      return "";
    }
    if (count === 0) {
      var typed = input.value.trim();
      return said.none.replace("__QUERY__", function () { return typed; });
    }
    return count === 1 ? said.one : said.many.replace("__COUNT__", String(count));
  }

  // Screen readers hear the count once typing pauses, not after every letter.
  var announce = null;

  function filter() {
    var query = normalise(input.value);
    var shown = 0;
    items.forEach(function (item, index) {
      var match = names[index].indexOf(query) !== -1;
      item.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    window.clearTimeout(announce);
    announce = window.setTimeout(function () {
      status.textContent = describe(shown, query);
    }, 400);
  }

  input.addEventListener("input", filter);
  finder.hidden = false;
  if (input.value) {
    filter(); // the browser may restore what was typed when the visitor comes back
  }
})();
