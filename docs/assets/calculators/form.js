// Reading the form into a calculator's input, and filling it from one.
//
// Each control the build wrote (fields.html) has data-path (where its value goes in the input,
// "orders[1].current_due") and data-kind (the declared kind: money, text, date, count,
// choice, boolean; and list, item, group for the fieldsets around them).

import { getPath, setPath } from "./paths.js";
import { setItemCount } from "./lists.js";

// A date field the browser cannot read (typed in part) has the value "". This text is sent in
// its place, so that Python's validation reports the field instead of treating it as empty.
const UNREADABLE_DATE = "incomplete date";

// The elements with data-path: inputs, and the fieldsets around them, which are read only for
// their data-kind and data-path.
const CONTROLS = "[data-path]";

/**
 * @param {HTMLFormElement} form
 * @returns {NodeListOf<HTMLInputElement>}
 */
function controlsOf(form) {
  return form.querySelectorAll(CONTROLS);
}

function valueOf(control) {
  switch (control.dataset.kind) {
    case "choice":
      if (control.tagName === "SELECT") return control.value === "" ? undefined : control.value;
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

/**
 * The input as the calculators read it: strings as typed, empty fields left out, each list as
 * many items as the form shows.
 * @param {HTMLFormElement} form
 * @returns {object}
 */
export function collect(form) {
  const data = {};
  for (const control of controlsOf(form)) {
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

/**
 * Reset the form and write `data`'s values into its fields (only as values: nothing is ever
 * inserted as HTML). Values a field cannot hold are left out; Python reports them.
 * @param {HTMLFormElement} form
 * @param {object} data parsed JSON from the page's address
 */
export function fill(form, data) {
  form.reset();
  for (const list of /** @type {NodeListOf<HTMLElement>} */ (
    form.querySelectorAll('[data-kind="list"]'))) {
    const value = getPath(data, list.dataset.path);
    const [min, max] = [Number(list.dataset.minItems), Number(list.dataset.maxItems)];
    const count = Array.isArray(value) ? Math.min(Math.max(value.length, min), max) : min;
    setItemCount(list, count);
  }
  for (const control of controlsOf(form)) {
    const value = getPath(data, control.dataset.path);
    if (value === undefined) continue;
    const kind = control.dataset.kind;
    if (kind === "choice" && control.tagName === "SELECT") {
      control.value = typeof value === "string" ? value : "";
    } else if (kind === "choice") {
      control.checked = value === control.value;
    } else if (kind === "boolean") {
      control.checked = value === true;
    } else if (kind === "date") {
      // A date field takes only year-month-day; anything else stays empty (Python says why).
      if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) control.value = value;
    } else if (kind === "money" || kind === "text" || kind === "count") {
      if (typeof value === "string" || typeof value === "number") control.value = String(value);
    }
  }
}
