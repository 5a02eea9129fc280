// The calculator pages' script (docs/calculators/*.md, [[calculator:NAME]]).
//
// It starts the worker that runs Python and the calculators (Pyodide) as soon as the page opens,
// sends what the form holds, and puts the answer on the page. It holds no rule, limit or message
// of its own: the form and every word come from the build (build_tools/calculator_pages.py), the
// answer and the field errors from the calculators, in Python, in the worker.
//
// Input from the page's address (#input=<percent-encoded JSON>) is data: it is read with
// JSON.parse, only ever written into form fields' values and sent to Python as text, and
// nothing from it is inserted as HTML.

(function () {
  "use strict";

  const root = document.getElementById("calculator");
  const settings = document.getElementById("calculator-config");
  if (!root || !settings) return;
  const config = JSON.parse(settings.textContent);
  const messages = config.messages;

  const form = document.getElementById("calculator-form");
  const submit = form.querySelector(".calculator__submit");
  const loading = document.getElementById("calculator-loading");
  const progress = document.getElementById("calculator-progress");
  const errorsBox = document.getElementById("calculator-errors");
  const errorsList = errorsBox.querySelector(".calculator__errors-list");
  const result = document.getElementById("calculator-result");
  const resultTitle = document.getElementById("calculator-result-title");
  const stepsBox = document.getElementById("calculator-steps");
  const stepsList = stepsBox.querySelector(".calculator__steps-list");
  const contactsBox = stepsBox.querySelector(".calculator__contacts");
  const share = document.getElementById("calculator-share");
  const copyButton = document.getElementById("calculator-copy");
  const copyStatus = document.getElementById("calculator-copy-status");
  const linkBox = document.getElementById("calculator-link-box");
  const linkInput = document.getElementById("calculator-link");

  // A date field the browser cannot read (typed in part) has the value "". This text is sent in
  // its place, so that Python's validation reports the field instead of treating it as empty.
  const UNREADABLE_DATE = "incomplete date";
  const INDEX = /__INDEX__/g;
  const NUMBER = /__NUMBER__/g;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setState(state) {
    root.dataset.state = state;
  }

  // --- Paths: "orders[1].current_due" -> ["orders", 1, "current_due"] ----------------------------

  function segments(path) {
    const parts = [];
    for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
      parts.push(match[2] === undefined ? match[1] : Number(match[2]));
    }
    return parts;
  }

  function own(object, key) {
    return object !== null && typeof object === "object" &&
      Object.prototype.hasOwnProperty.call(object, key);
  }

  function getPath(data, path) {
    let value = data;
    for (const key of segments(path)) {
      if (!own(value, key)) return undefined;
      value = value[key];
    }
    return value;
  }

  function setPath(data, path, value) {
    const keys = segments(path);
    let target = data;
    keys.slice(0, -1).forEach((key, position) => {
      if (!own(target, key)) target[key] = typeof keys[position + 1] === "number" ? [] : {};
      target = target[key];
    });
    target[keys[keys.length - 1]] = value;
  }

  // --- Reading and filling the form ------------------------------------------------------------

  function valueOf(control) {
    switch (control.dataset.kind) {
      case "choice":
        return control.checked ? control.value : undefined;
      case "boolean":
        return control.checked;
      case "date":
        if (control.value) return control.value;
        return control.validity.badInput ? UNREADABLE_DATE : undefined;
      default:
        return control.value.trim() === "" ? undefined : control.value;
    }
  }

  // The input as the calculators read it: strings as typed, empty fields left out.
  function collect() {
    const data = {};
    for (const control of form.querySelectorAll("[data-path]")) {
      const kind = control.dataset.kind;
      if (kind === "list") {
        setPath(data, control.dataset.path, []);
      } else if (kind === "item") {
        setPath(data, control.dataset.path, {});
      } else if (kind !== "group") {
        const value = valueOf(control);
        if (value !== undefined) setPath(data, control.dataset.path, value);
      }
    }
    return data;
  }

  function fill(data) {
    clearErrors();
    form.reset();
    for (const list of form.querySelectorAll('[data-kind="list"]')) {
      const value = getPath(data, list.dataset.path);
      const [min, max] = [Number(list.dataset.minItems), Number(list.dataset.maxItems)];
      const count = Array.isArray(value) ? Math.min(Math.max(value.length, min), max) : min;
      setItemCount(list, count);
    }
    for (const control of form.querySelectorAll("[data-path]")) {
      const value = getPath(data, control.dataset.path);
      if (value === undefined) continue;
      const kind = control.dataset.kind;
      if (kind === "choice") {
        control.checked = value === control.value;
      } else if (kind === "boolean") {
        control.checked = value === true;
      } else if (kind === "date") {
        // A date field takes only year-month-day; anything else stays empty (Python says why).
        if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) control.value = value;
      } else if (kind === "money" || kind === "text") {
        if (typeof value === "string" || typeof value === "number") control.value = String(value);
      }
    }
  }

  // --- Lists of items (orders): add, remove, renumber -------------------------------------------

  function itemsBox(list) {
    return list.querySelector(":scope > .calculator__items");
  }

  function makeItem(list, index) {
    const template = list.querySelector(":scope > template.calculator__item-template");
    const item = template.content.firstElementChild.cloneNode(true);
    const walker = document.createTreeWalker(item, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    const swap = (text) => text.replace(INDEX, String(index)).replace(NUMBER, String(index + 1));
    for (let node = item; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        node.nodeValue = swap(node.nodeValue);
      } else {
        for (const attribute of node.attributes) attribute.value = swap(attribute.value);
      }
    }
    return item;
  }

  function updateListButtons(list) {
    const count = itemsBox(list).children.length;
    for (const button of list.querySelectorAll("[data-remove]")) {
      button.hidden = count <= Number(list.dataset.minItems);
    }
    const full = count >= Number(list.dataset.maxItems);
    list.querySelector(":scope > [data-add]").hidden = full;
    list.querySelector(":scope > [data-limit]").hidden = !full;
  }

  function setItemCount(list, count) {
    const box = itemsBox(list);
    while (box.children.length > count) box.lastElementChild.remove();
    while (box.children.length < count) box.append(makeItem(list, box.children.length));
    updateListButtons(list);
  }

  // What an item's fields hold, by the part of their path after the item's own.
  function snapshot(item) {
    const prefix = item.dataset.path;
    return Array.from(item.querySelectorAll("input[data-path]"), (control) => ({
      suffix: control.dataset.path.slice(prefix.length),
      value: control.value,
      checked: control.checked,
    }));
  }

  function restore(item, saved) {
    const prefix = item.dataset.path;
    for (const control of item.querySelectorAll("input[data-path]")) {
      const suffix = control.dataset.path.slice(prefix.length);
      const toggle = control.type === "radio" || control.type === "checkbox";
      const entry = saved.find((candidate) => candidate.suffix === suffix &&
        (!toggle || candidate.value === control.value));
      if (!entry) continue;
      if (toggle) control.checked = entry.checked;
      else control.value = entry.value;
    }
  }

  function announce(list, template, number) {
    list.querySelector(":scope > [data-announce]").textContent =
      template.replace(NUMBER, String(number));
  }

  function firstControl(node) {
    return node.querySelector("input, select, textarea");
  }

  function addItem(list) {
    clearErrors();
    const box = itemsBox(list);
    const item = makeItem(list, box.children.length);
    box.append(item);
    updateListButtons(list);
    announce(list, list.querySelector(":scope > [data-announce]").dataset.added,
      box.children.length);
    firstControl(item).focus();
  }

  function removeItem(list, item) {
    clearErrors();
    const box = itemsBox(list);
    const items = Array.from(box.children);
    const index = items.indexOf(item);
    const saved = items.map(snapshot);
    saved.splice(index, 1);
    box.replaceChildren();
    saved.forEach((values, position) => {
      const rebuilt = makeItem(list, position);
      box.append(rebuilt);
      restore(rebuilt, values);
    });
    updateListButtons(list);
    announce(list, list.querySelector(":scope > [data-announce]").dataset.removed, index + 1);
    // Focus goes to the item that took its place, or to "Add another" after the last one.
    const addButton = list.querySelector(":scope > [data-add]");
    if (index < box.children.length) firstControl(box.children[index]).focus();
    else if (!addButton.hidden) addButton.focus();
    else firstControl(box.lastElementChild).focus();
  }

  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-add], button[data-remove]");
    if (!button) return;
    if (button.hasAttribute("data-add")) addItem(button.closest('[data-kind="list"]'));
    else removeItem(button.closest('[data-kind="list"]'), button.closest('[data-kind="item"]'));
  });

  // --- Errors next to their fields, and a summary linking to each -----------------------------

  function findField(path) {
    let current = path;
    while (current) {
      for (const field of form.querySelectorAll("[data-field]")) {
        if (field.dataset.field === current) return field;
      }
      const shorter = current.replace(/(\.[^.[\]]*|\[\d+\])$/, "");
      if (shorter === current) break;
      current = shorter;
    }
    return null;
  }

  function describedControls(field) {
    if (field.tagName === "FIELDSET") return [field];
    return Array.from(field.querySelectorAll("input"));
  }

  let errorCount = 0;

  function markField(field, message) {
    errorCount += 1;
    const note = element("p", "calculator__error", message);
    note.id = "calculator-error-" + errorCount;
    const before = field.querySelectorAll(":scope > .calculator__hint");
    const after = before.length ? before[before.length - 1]
      : field.querySelector(":scope > label, :scope > legend");
    after.after(note);
    field.classList.add("calculator__field--error");
    for (const control of describedControls(field)) {
      if (!control.hasAttribute("data-described")) {
        control.setAttribute("data-described", control.getAttribute("aria-describedby") || "");
      }
      const ids = control.getAttribute("aria-describedby");
      control.setAttribute("aria-describedby", (ids ? ids + " " : "") + note.id);
    }
    const invalid = field.tagName === "FIELDSET"
      ? field.querySelectorAll(":scope > .calculator__choices input")
      : field.querySelectorAll("input");
    for (const control of invalid) control.setAttribute("aria-invalid", "true");
  }

  function clearErrors() {
    for (const note of form.querySelectorAll(".calculator__error")) note.remove();
    for (const field of form.querySelectorAll(".calculator__field--error")) {
      field.classList.remove("calculator__field--error");
    }
    for (const control of form.querySelectorAll("[data-described]")) {
      const ids = control.getAttribute("data-described");
      if (ids) control.setAttribute("aria-describedby", ids);
      else control.removeAttribute("aria-describedby");
      control.removeAttribute("data-described");
    }
    for (const control of form.querySelectorAll("[aria-invalid]")) {
      control.removeAttribute("aria-invalid");
    }
    errorsList.replaceChildren();
    errorsBox.hidden = true;
  }

  function showErrors(errors) {
    clearErrors();
    for (const error of errors) {
      const item = element("li");
      const field = error.field === null ? null : findField(String(error.field));
      if (field) {
        markField(field, error.message);
        const target = firstControl(field) || field;
        const link = element("a", null, error.message);
        link.href = "#" + target.id;
        link.addEventListener("click", (event) => {
          // Focus the field without changing the address, which may hold #input=.
          event.preventDefault();
          target.focus();
          (field.querySelector("legend, label") || target).scrollIntoView({ block: "start" });
        });
        item.append(link);
      } else {
        item.textContent = error.message;
      }
      errorsList.append(item);
    }
    errorsBox.hidden = false;
    errorsBox.focus();
  }

  // --- The result ------------------------------------------------------------------------------

  function renderView(view) {
    const nodes = [];
    const answer = element("p", "calculator__answer");
    answer.append(element("strong", null, view.answer));
    nodes.push(answer);
    if (view.facts.length) {
      const list = element("dl", "calculator__facts");
      for (const [label, value] of view.facts) list.append(element("dt", null, label),
        element("dd", null, value));
      nodes.push(list);
    }
    if (view.table) {
      const { caption, head, rows, foot } = view.table;
      const row = (cells, headCell) => {
        const tr = element("tr");
        cells.forEach((cell, position) => {
          const header = headCell || position === 0;
          const node = element(header ? "th" : "td", null, cell);
          if (header) node.scope = headCell ? "col" : "row";
          tr.append(node);
        });
        return tr;
      };
      const table = element("table");
      const thead = element("thead");
      const tbody = element("tbody");
      const tfoot = element("tfoot");
      table.append(element("caption", null, caption), thead, tbody, tfoot);
      thead.append(row(head, true));
      for (const cells of rows) tbody.append(row(cells, false));
      tfoot.append(row(foot, false));
      const wrapper = element("div", "calculator__table");
      wrapper.append(table);
      nodes.push(wrapper);
    }
    return nodes;
  }

  function contactCard(id) {
    const template = document.getElementById("calculator-contact-" + id);
    return template instanceof HTMLTemplateElement ? template.content.cloneNode(true) : null;
  }

  function showResult(response, view) {
    clearErrors();
    result.replaceChildren(...renderView(view), buildNote());
    stepsList.replaceChildren(...response.steps.map((step) => element("li", null, step)));
    contactsBox.replaceChildren(...response.contacts.map(contactCard).filter(Boolean));
    stepsBox.hidden = false;
    share.hidden = false;
    copyStatus.textContent = "";
    linkBox.hidden = true;
    root.classList.add("calculator--has-result");
  }

  function showMessage(text) {
    result.replaceChildren(element("p", null, text));
    stepsBox.hidden = true;
    share.hidden = true;
    root.classList.remove("calculator--has-result");
  }

  // --- Which build answers ------------------------------------------------------------------------
  // config.build: this page's runtime key and build date, the URL of calculators/build.json (what
  // is deployed now, fetched from the network, never from a cache) and the words to use. An
  // answer is shown once the page knows whether its runtime is the deployed one: if it is not,
  // a freshly opened page reloads once to get the new version, and otherwise says so in place of
  // the answer; offline, the answer says which build gave it and that newer rules may exist.

  const build = config.build;
  let deployed = null;       // a promise of "current", "offline", "unchecked" or {newer: info}
  let checkedAt = -Infinity; // performance.now() when it was asked
  let checkStatus = "unchecked";
  let updating = false;      // the page is reloading to get the deployed version

  function lookAtDeployed() {
    checkedAt = performance.now();
    if (navigator.onLine === false) {
      deployed = Promise.resolve("offline");
    } else {
      const controller = typeof AbortController === "function" ? new AbortController() : null;
      const timer = setTimeout(() => controller && controller.abort(), build.timeoutSeconds * 1000);
      deployed = fetch(new URL(build.url, document.baseURI),
        { cache: "no-store", signal: controller ? controller.signal : undefined })
        .then((response) => (response.ok ? response.json() : null),
          (error) => (error && error.name === "AbortError" ? null : "offline"))
        .then((info) => {
          if (info === "offline") return info;
          if (!info || typeof info.runtime !== "string") return "unchecked";
          return info.runtime === build.runtime ? "current" : { newer: info };
        }, () => "unchecked")
        .finally(() => clearTimeout(timer));
    }
    deployed.then((status) => { checkStatus = status; });
    return deployed;
  }

  function deployedNow() {
    if (!deployed || performance.now() - checkedAt > build.recheckSeconds * 1000) {
      lookAtDeployed();
    }
    return deployed;
  }

  function buildWords(template, newer) {
    return template.replace("__DATE__", build.shown)
      .replace("__NEWER__", newer ? String(newer.shown) : "");
  }

  // Runs show() once the build is known to be the deployed one (or cannot be checked), if
  // stillWanted() then; a page that is out of date says so instead.
  function whenChecked(stillWanted, show) {
    deployedNow().then((status) => {
      if (updating || !stillWanted()) return;
      if (typeof status === "object") {
        showMessage(buildWords(build.messages.outdated, status.newer));
        result.firstElementChild.className = "calculator__build calculator__build--outdated";
        if (focusAnswer) resultTitle.focus();
        return;
      }
      show();
    });
  }

  function buildNote() {
    const status = typeof checkStatus === "string" ? checkStatus : "unchecked";
    return element("p", "calculator__build calculator__build--" + status,
      buildWords(build.messages[status]));
  }

  // A page opened on an older version than the one deployed (its HTML from a cache that had not
  // seen the new one yet) reloads once to get it, before anyone has typed; history.state
  // remembers the reload, so that a host still serving the old page cannot make it loop.
  function updateIfOutdated(status) {
    if (typeof status !== "object") return;
    const state = history.state && typeof history.state === "object" ? history.state : {};
    if (state.calculatorUpdatedTo === status.newer.runtime) return; // says so instead
    history.replaceState({ ...state, calculatorUpdatedTo: status.newer.runtime }, "");
    updating = true;
    showMessage(buildWords(build.messages.updating, status.newer));
    // The old service worker, if one controls this page, fetches its successor meanwhile; the
    // reload asks the network for the page again either way.
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.getRegistration()
        .then((registration) => registration && registration.update())
        .catch(() => {});
    }
    window.location.reload();
  }

  function watchDeployed() {
    lookAtDeployed().then(updateIfOutdated);
    // Back online, back to this tab, or back to this page from the history: look again.
    window.addEventListener("online", lookAtDeployed);
    window.addEventListener("pageshow", (event) => {
      if (event.persisted) lookAtDeployed();
    });
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") deployedNow();
    });
  }

  // --- The worker --------------------------------------------------------------------------------

  let state = "loading";
  let worker = null;
  let latest = 0;          // id of the latest calculation asked for; older answers are dropped
  let lastInput = null;    // its JSON text, for "Copy a link to this result"
  let focusAnswer = false; // move focus to the answer (after a person asked for it)
  let answered = false;

  function failed() {
    if (state === "failed") return;
    state = "failed";
    setState(state);
    loading.hidden = true;
    if (worker) worker.terminate();
    const template = document.getElementById("calculator-failed");
    result.replaceChildren(template.content.cloneNode(true));
    stepsBox.hidden = true;
    share.hidden = true;
    root.classList.remove("calculator--has-result");
  }

  function registerServiceWorker() {
    if (!("serviceWorker" in navigator)) return;
    // Without it the calculator still works; it only makes the next visit faster.
    navigator.serviceWorker.register(new URL(config.serviceWorker, document.baseURI))
      .catch(() => {});
  }

  function onMessage(event) {
    const data = event.data;
    if (data.type === "progress") {
      progress.max = data.total;
      progress.value = data.loaded;
    } else if (data.type === "ready") {
      state = "ready";
      setState(state);
      loading.hidden = true;
      registerServiceWorker();
    } else if (data.type === "failed") {
      failed();
    } else if (data.type === "result" && data.id === latest) {
      whenChecked(() => data.id === latest, () => showAnswer(data));
    }
  }

  function showAnswer(data) {
    if (data.response.ok) showResult(data.response, data.view);
    else {
      showMessage(messages.errors);
      showErrors(data.response.errors);
    }
    if (!answered) {
      answered = true;
      performance.mark("calculator-first-result");
    }
    if (focusAnswer && data.response.ok) resultTitle.focus();
  }

  function startWorker() {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      failed();
      return;
    }
    // The page's head may have started the worker already (calculators/runtime/<key>/
    // start-worker.js): it is taken over with what it has said so far.
    const early = window.calculatorWorker;
    window.calculatorWorker = null;
    try {
      worker = early ? early.worker
        : new Worker(new URL(config.worker, document.baseURI), { type: "module" });
    } catch {
      failed();
      return;
    }
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", failed);
    worker.addEventListener("messageerror", failed);
    loading.hidden = false;
    if (early) {
      for (const event of early.take()) {
        if (event.type === "message") onMessage(event);
        else failed();
      }
    }
  }

  function calculate(text, asked) {
    latest += 1;
    lastInput = text;
    focusAnswer = asked;
    if (state === "failed") {
      failed();
      if (asked) resultTitle.focus();
      return;
    }
    if (state === "loading") showMessage(messages.waiting);
    worker.postMessage({ id: latest, calculator: config.calculator, input: text });
  }

  // --- The address: #input=<percent-encoded JSON> -----------------------------------------------

  function readAddress(asked) {
    const hash = window.location.hash;
    if (!hash.startsWith("#input=")) return;
    let text;
    let data;
    try {
      text = decodeURIComponent(hash.slice("#input=".length));
      data = JSON.parse(text);
    } catch {
      showMessage(messages.errors);
      showErrors([{ field: null, message: messages.badLink }]);
      return;
    }
    if (data !== null && typeof data === "object" && !Array.isArray(data)) fill(data);
    // Python reads the text itself, exactly as the command line would: what the form cannot
    // show (an unknown key, a number where text is expected) is reported, never dropped.
    calculate(text, asked);
  }

  copyButton.addEventListener("click", () => {
    if (lastInput === null) return;
    const url = new URL(window.location.href);
    url.hash = "input=" + encodeURIComponent(lastInput);
    history.replaceState(history.state, "", url.href);
    linkInput.value = url.href;
    const fallback = () => {
      copyStatus.textContent = "";
      linkBox.hidden = false;
      linkInput.focus();
      linkInput.select();
    };
    if (!navigator.clipboard) {
      fallback();
      return;
    }
    navigator.clipboard.writeText(url.href).then(() => {
      linkBox.hidden = true;
      copyStatus.textContent = messages.copied;
    }, fallback);
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    calculate(JSON.stringify(collect()), true);
  });

  window.addEventListener("hashchange", () => readAddress(true));

  setState(state);
  watchDeployed();
  startWorker();
  submit.disabled = false;
  for (const list of form.querySelectorAll('[data-kind="list"]')) updateListButtons(list);
  readAddress(false);
})();
