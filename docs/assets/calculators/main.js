// The calculator pages' script (docs/calculators/*.md, [[calculator:NAME]]), an ES module.
//
// It starts the worker that runs Python and the calculators (Pyodide) as soon as the page opens,
// sends what the form holds, and puts the answer on the page. It holds no rule, limit, message
// or markup of its own: the form, the result's markup (as <template> elements) and every word
// come from the build (build_tools/pages/calculator_pages.py and build_tools/pages/templates/calculator/),
// the answer and the field errors from the calculators, in Python, in the worker.
//
// The modules beside it: paths.js (input paths), form.js (read and fill the form), lists.js
// (add and remove items), errors.js (errors by their fields), result.js (the result region),
// runtime.js (the worker), address.js (#input=), share.js (copy a link), dom.js (templates),
// deployed.js (which build answers, and whether it is the one deployed), sections.js (the
// form's sections: how many entries each holds).

import { readInput, withoutFragment } from "./address.js";
import { BuildCheck } from "./deployed.js";
import { ErrorDisplay } from "./errors.js";
import { collect, fill } from "./form.js";
import { attachLists } from "./lists.js";
import { ResultDisplay } from "./result.js";
import { startRuntime } from "./runtime.js";
import { attachSections } from "./sections.js";
import { ShareBox } from "./share.js";

/** One calculator on its page: the form, the result and the worker, tied together. */
class Calculator {
  constructor(root, config) {
    this.root = root;
    this.config = config;
    this.messages = config.messages;
    this.form = /** @type {HTMLFormElement} */ (document.getElementById("calculator-form"));
    this.loading = document.getElementById("calculator-loading");
    this.progress = /** @type {HTMLProgressElement} */ (
      document.getElementById("calculator-progress"));
    this.errors = new ErrorDisplay(this.form, document.getElementById("calculator-errors"));
    this.result = new ResultDisplay(root);
    this.share = new ShareBox(this.messages, () => this.lastInput);
    this.build = new BuildCheck(config.build);
    this.state = "loading";  // loading, ready or failed
    this.runtime = null;
    // A visitor whose browser saves data downloads the runtime only when they ask for a result.
    this.savingData = Boolean(navigator.connection && navigator.connection.saveData);
    this.latest = 0;          // id of the latest calculation asked for; older answers are dropped
    this.lastInput = null;    // its JSON text, for "Copy a link to this result"
    this.unparsedLink = 0;    // id of a calculation of a link JSON.parse refused, or 0
    this.focusAnswer = false; // move focus to the answer (after a person asked for it)
    this.answered = false;
    this.linkedHash = "";     // the #input= last read, kept in memory only
  }

  setState(state) {
    this.state = state;
    this.root.dataset.state = state;
  }

  /** Wire the form and the address, start the worker, and compute a linked input at once. */
  start() {
    attachLists(this.form, () => this.errors.clear());
    this.sectionsChanged = attachSections(this.form, this.messages);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.calculate(JSON.stringify(collect(this.form)), true);
    });
    window.addEventListener("hashchange", () => this.readAddress(true));
    this.setState("loading");
    this.build.watch((text) => {
      this.restoreLink(); // the reload that fetches the new version reads the link again
      this.result.message(text);
    });
    const submit = this.form.querySelector(".calculator__submit");
    /** @type {HTMLButtonElement} */ (submit).disabled = false;
    if (this.savingData) {
      this.result.message(this.messages.saveData.replace("__SIZE__", this.config.download));
    } else {
      this.startRuntime();
    }
    this.readAddress(false);
  }

  /** Start the worker (at once, or on the first Calculate when the visitor saves data). */
  startRuntime() {
    this.loading.hidden = false;
    this.runtime = startRuntime(this.config, {
      progress: (loaded, total) => {
        this.progress.max = total;
        this.progress.value = loaded;
      },
      ready: () => {
        this.setState("ready");
        this.loading.hidden = true;
      },
      result: (message) => this.answer(message),
      failed: () => this.failed(),
    });
  }

  failed() {
    if (this.state === "failed") return;
    this.setState("failed");
    this.loading.hidden = true;
    this.result.failed();
  }

  /** A response from the worker: shown if it answers the latest calculation asked for, once
   * the page knows the build that gave it is the one deployed (or cannot tell). */
  answer(message) {
    this.build.whenChecked(() => message.id === this.latest, () => this.show(message),
      (text) => {
        this.errors.clear();
        this.result.notice("outdated", text);
        if (this.focusAnswer) this.result.focus();
      });
  }

  show({ id, response, view }) {
    // A link Python could not read as a whole either (not JSON at all) is a bad link; one it
    // could read (NaN or Infinity in a number) gets each field's own message.
    if (!response.ok && id === this.unparsedLink &&
        response.errors.every((error) => error.field === null)) {
      response = { ...response, errors: [{ field: null, message: this.messages.badLink }] };
    }
    if (response.ok) {
      this.errors.clear();
      this.result.show(response, view, this.build.note());
      this.share.reset();
    } else {
      this.result.message(this.messages.errors);
      this.errors.show(response.errors);
    }
    if (!this.answered) {
      this.answered = true;
      performance.mark("calculator-first-result");
    }
    if (this.focusAnswer && response.ok) this.result.focus();
  }

  /**
   * Ask the worker for a result.
   * @param {string} text the input's JSON, as the command line reads it
   * @param {boolean} asked whether a person asked (focus then moves to the answer)
   */
  calculate(text, asked) {
    this.latest += 1;
    this.lastInput = text;
    this.focusAnswer = asked;
    if (this.state === "failed") {
      this.result.failed();
      if (asked) this.result.focus();
      return;
    }
    if (this.savingData && !asked) return; // a linked input waits for Calculate: the form holds it
    if (this.state === "loading") this.result.message(this.messages.waiting);
    if (this.runtime === null) this.startRuntime();
    if (this.runtime === null) return; // this browser cannot run it: failed() has said so
    // The answer speaks the page's language (the request's lang: never a form field, never in
    // an #input= link): <html lang="es"> on the Spanish pages.
    const lang = document.documentElement.lang.split("-")[0] || "en";
    this.runtime.post({ id: this.latest, calculator: this.config.calculator, input: text, lang });
  }

  /** Fill the form from #input= and compute; a link that cannot be read is reported. The
   * figures then leave the address bar (a shared phone's tab no longer shows them);
   * "Copy a link to this result" still gives the whole link. */
  readAddress(asked) {
    const linked = readInput(window.location.hash);
    if (linked === null) return;
    this.linkedHash = window.location.hash;
    history.replaceState(history.state, "", withoutFragment(window.location.href));
    if (linked.error) {
      this.result.message(this.messages.errors);
      this.errors.show([{ field: null, message: this.messages.badLink }]);
      return;
    }
    const data = linked.data;
    if (data !== null && typeof data === "object" && !Array.isArray(data)) {
      this.errors.clear();
      fill(this.form, data);
      this.sectionsChanged();
    }
    // Python reads the text itself, exactly as the command line would: what the form cannot
    // show (an unknown key, a number where text is expected, NaN) is reported, never dropped.
    this.calculate(linked.text, asked);
    this.unparsedLink = linked.parsed ? 0 : this.latest;
  }

  /** Put the link that was read back in the address, before the page reloads itself. */
  restoreLink() {
    if (this.linkedHash && !window.location.hash) {
      history.replaceState(history.state, "", window.location.href + this.linkedHash);
    }
  }
}

const root = document.getElementById("calculator");
const settings = document.getElementById("calculator-config");
if (root && settings) new Calculator(root, JSON.parse(settings.textContent)).start();
