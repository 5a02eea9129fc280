// "Exit this page" on the calculator pages, the privacy page and the pages that touch domestic
// violence (front matter: quick_exit: true), after the GOV.UK pattern: the button, or pressing
// Shift three times within five seconds, hides this page and replaces it with a neutral site at
// once. location.replace() takes this page out of the tab's history, so Back does not return to
// it. Without JavaScript the button is an ordinary link to the same neutral site; with it, it is
// a button (role="button"), and Space presses it as Enter does.
//
// Before leaving, every field on the page is emptied (a calculator's figures), what a calculator
// showed is hidden with the rest of the page, and the address loses its #fragment (a link to a
// result holds the figures there).
//
// What it says (and the tab's title while leaving) is written in the page, in the page's
// language, on the status line (overrides/partials/site-quick-exit.html): this file holds no words.
(function () {
  "use strict";

  var box = document.querySelector("[data-quick-exit]");
  if (!box) {
    return;
  }
  var link = /** @type {HTMLAnchorElement} */ (box.querySelector("[data-quick-exit-link]"));
  var status = /** @type {HTMLElement} */ (box.querySelector("[data-quick-exit-status]"));
  var said = status.dataset;
  var hint = /** @type {HTMLElement} */ (box.querySelector("[data-quick-exit-hint]"));
  var destination = link.href;
  var PRESSES = 3;
  var WINDOW_MS = 5000;

  function clearPage() {
    var inputs = document.querySelectorAll("input");
    for (var i = 0; i < inputs.length; i += 1) {
      var input = inputs[i];
      if (input.type === "checkbox" || input.type === "radio") {
        input.checked = false;
      } else if (input.type !== "submit" && input.type !== "button") {
        input.value = "";
      }
    }
    var others = document.querySelectorAll("textarea, select");
    for (var j = 0; j < others.length; j += 1) {
      /** @type {HTMLTextAreaElement | HTMLSelectElement} */ (others[j]).value = "";
    }
    if (window.location.hash) {
      try {
        history.replaceState(null, "", window.location.pathname + window.location.search);
      } catch {
        // A page opened from a file: leaving is what matters.
      }
    }
  }

  function exit(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("site-exiting");
    document.title = said.leavingTitle;
    clearPage();
    window.location.replace(destination);
  }

  link.setAttribute("role", "button");
  link.addEventListener("click", exit);
  link.addEventListener("keydown", function (event) {
    if (event.key === " " || event.key === "Spacebar") {
      exit(event); // a button's Space; preventDefault also keeps the page from scrolling
    }
  });
  hint.hidden = false;

  var presses = 0;
  var timer = null;

  function reset() {
    presses = 0;
    status.textContent = "";
  }

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      if (presses) {
        window.clearTimeout(timer);
        reset();
      }
      return;
    }
    presses += 1;
    if (presses === 1) {
      timer = window.setTimeout(reset, WINDOW_MS); // all three presses within five seconds
    }
    if (presses >= PRESSES) {
      window.clearTimeout(timer);
      status.textContent = said.exiting;
      exit();
      return;
    }
    var left = PRESSES - presses;
    status.textContent = left === 1 ? said.pressOne
      : said.pressMany.replace("__COUNT__", String(left));
  });

  // Coming back to a page kept in the browser's memory must not show it hidden.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.documentElement.classList.remove("site-exiting");
    }
  });
})();
