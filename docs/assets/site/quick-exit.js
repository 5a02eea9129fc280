// "Exit this page" on pages that touch domestic violence (front matter: quick_exit: true), after
// the GOV.UK pattern: the button, or pressing Shift three times within five seconds, hides this
// page and replaces it with a neutral site at once. location.replace() takes this page out of
// the tab's history, so Back does not return to it. Without JavaScript the button is an
// ordinary link to the same neutral site.
(function () {
  "use strict";

  var box = document.querySelector("[data-quick-exit]");
  if (!box) {
    return;
  }
  var link = /** @type {HTMLAnchorElement} */ (box.querySelector("[data-quick-exit-link]"));
  var status = box.querySelector("[data-quick-exit-status]");
  var hint = /** @type {HTMLElement} */ (box.querySelector("[data-quick-exit-hint]"));
  var destination = link.href;
  var PRESSES = 3;
  var WINDOW_MS = 5000;

  function exit(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("site-exiting");
    document.title = "Loading";
    window.location.replace(destination);
  }

  link.addEventListener("click", exit);
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
      status.textContent = "Exiting this page.";
      exit();
      return;
    }
    var left = PRESSES - presses;
    status.textContent = "Shift, press " + left + " more " + (left === 1 ? "time" : "times") +
      " to exit.";
  });

  // Coming back to a page kept in the browser's memory must not show it hidden.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.documentElement.classList.remove("site-exiting");
    }
  });
})();
