// Which build answers: config.build is this page's runtime key and build date, the URL of
// calculators/build.json (what is deployed now, fetched from the network, never from a cache:
// the service worker does not keep it) and the words to use (build_tools/pages/calculator_pages.py,
// BUILD_MESSAGES). An answer is shown once the page knows whether its runtime is the deployed
// one: if it is not, a freshly opened page reloads once to get the new version, and otherwise
// says so in place of the answer; offline, the answer says which build gave it and that newer
// rules may exist.

/** @typedef {"current"|"offline"|"unchecked"|{newer: {runtime: string, shown: string}}} Status */

export class BuildCheck {
  /** @param {{runtime: string, shown: string, url: string, messages: Object<string, string>,
   *           recheckSeconds: number, timeoutSeconds: number}} build */
  constructor(build) {
    this.build = build;
    /** @type {Promise<Status> | null} */
    this.deployed = null;        // a promise of the Status
    this.checkedAt = -Infinity;  // performance.now() when it was asked
    /** @type {Status} */
    this.status = "unchecked";   // the latest Status known
    this.updating = false;       // the page is reloading to get the deployed version
  }

  /** Fetch build.json now. @returns {Promise<Status>} */
  look() {
    const build = this.build;
    this.checkedAt = performance.now();
    if (navigator.onLine === false) {
      this.deployed = Promise.resolve(/** @type {Status} */ ("offline"));
    } else {
      const controller = typeof AbortController === "function" ? new AbortController() : null;
      const timer = setTimeout(() => controller && controller.abort(), build.timeoutSeconds * 1000);
      this.deployed = fetch(new URL(build.url, document.baseURI),
        { cache: "no-store", signal: controller ? controller.signal : undefined })
        .then((response) => (response.ok ? response.json() : null),
          (error) => (error && error.name === "AbortError" ? null : "offline"))
        .then((info) => {
          if (info === "offline") return info;
          if (!info || typeof info.runtime !== "string" || !build.runtime) return "unchecked";
          return info.runtime === build.runtime ? "current" : { newer: info };
        }, () => "unchecked")
        .finally(() => clearTimeout(timer));
    }
    this.deployed.then((status) => { this.status = status; });
    return this.deployed;
  }

  /** The Status, looked at again when the last look is older than recheckSeconds. */
  now() {
    if (!this.deployed || performance.now() - this.checkedAt > this.build.recheckSeconds * 1000) {
      this.look();
    }
    return this.deployed;
  }

  /** A message with this build's date and the deployed one's in it. */
  words(key, newer) {
    return this.build.messages[key].replace("__DATE__", this.build.shown)
      .replace("__NEWER__", newer ? String(newer.shown) : "");
  }

  /** What to say next to a result: {status, text}. */
  note() {
    const status = typeof this.status === "string" ? this.status : "unchecked";
    return { status, text: this.words(status) };
  }

  /**
   * Run show() once the build is known to be the deployed one (or cannot be checked), if
   * stillWanted() then; a page that is out of date calls outdated(text) instead.
   */
  whenChecked(stillWanted, show, outdated) {
    this.now().then((status) => {
      if (this.updating || !stillWanted()) return;
      if (typeof status === "object") outdated(this.words("outdated", status.newer));
      else show();
    });
  }

  /**
   * Look at build.json as the page opens, and again when the browser is back online, the tab
   * is shown again or the page comes back from the history. A page opened on an older version
   * than the one deployed (its HTML from a cache that had not seen the new one) reloads once to
   * get it, saying so with updating(text); history.state remembers the reload, so that a host
   * still serving the old page cannot make it loop.
   */
  watch(updating) {
    this.look().then((status) => {
      if (typeof status !== "object") return;
      const state = history.state && typeof history.state === "object" ? history.state : {};
      if (state.calculatorUpdatedTo === status.newer.runtime) return; // says so instead
      history.replaceState({ ...state, calculatorUpdatedTo: status.newer.runtime }, "");
      this.updating = true;
      updating(this.words("updating", status.newer));
      // The old service worker, if one controls this page, fetches its successor meanwhile;
      // the reload asks the network for the page again either way.
      if ("serviceWorker" in navigator) {
        navigator.serviceWorker.getRegistration()
          .then((registration) => registration && registration.update())
          .catch(() => {});
      }
      window.location.reload();
    });
    window.addEventListener("online", () => this.look());
    window.addEventListener("pageshow", (event) => {
      if (event.persisted) this.look();
    });
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") this.now();
    });
  }
}
