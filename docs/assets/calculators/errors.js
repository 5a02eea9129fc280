// Errors next to their fields, and a summary above the form linking to each.
//
// The messages and their field paths come from the calculators' validation, in Python. A note
// is a copy of <template id="calculator-error-note">, a summary entry of
// <template id="calculator-error-item"> (both in build_tools/pages/templates/calculator/).

import { cloneElement, textElement } from "./dom.js";
import { parentPath } from "./paths.js";
import { firstControl } from "./lists.js";

/**
 * The form's field for an error's path, or the nearest field around it
 * ("orders[3].id" falls back to "orders[3]", then "orders").
 * @param {HTMLFormElement} form
 * @param {string} path
 * @returns {HTMLElement | null}
 */
function findField(form, path) {
  for (let current = path; current; current = parentPath(current)) {
    const fields = /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll("[data-field]"));
    for (const field of fields) {
      if (field.dataset.field === current) return field;
    }
  }
  return null;
}

function describedControls(field) {
  if (field.tagName === "FIELDSET") return [field];
  return Array.from(field.querySelectorAll("input, select"));
}

/** The errors of one form: `show(errors)` and `clear()`. */
export class ErrorDisplay {
  /**
   * @param {HTMLFormElement} form
   * @param {HTMLElement} box the summary (#calculator-errors), with its .calculator__errors-list
   */
  constructor(form, box) {
    this.form = form;
    this.box = box;
    this.list = box.querySelector(".calculator__errors-list");
    this.count = 0; // notes made so far, for their ids (never reused on the page)
  }

  /** Put a note with `message` under the field's label and help, tied with aria-describedby. */
  mark(field, message) {
    this.count += 1;
    const note = textElement("calculator-error-note", message);
    note.id = "calculator-error-" + this.count;
    const before = field.querySelectorAll(":scope > .calculator__hint");
    const after = before.length ? before[before.length - 1]
      : field.querySelector(":scope > label, :scope > legend");
    after.after(note);
    field.classList.add("calculator__field--error");
    // A field in a closed section of the form: the section opens to show it.
    const section = field.closest("details");
    if (section) section.open = true;
    for (const control of describedControls(field)) {
      if (!control.hasAttribute("data-described")) {
        control.setAttribute("data-described", control.getAttribute("aria-describedby") || "");
      }
      const ids = control.getAttribute("aria-describedby");
      control.setAttribute("aria-describedby", (ids ? ids + " " : "") + note.id);
    }
    const invalid = field.tagName === "FIELDSET"
      ? field.querySelectorAll(":scope > .calculator__choices input")
      : field.querySelectorAll("input, select");
    for (const control of invalid) control.setAttribute("aria-invalid", "true");
  }

  /** Remove every note and the summary, restoring each control's own aria-describedby. */
  clear() {
    const form = this.form;
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
    this.list.replaceChildren();
    this.box.hidden = true;
  }

  /**
   * Show `errors` next to their fields and in the summary, which takes focus.
   * @param {{field: string|null, message: string}[]} errors
   */
  show(errors) {
    this.clear();
    for (const error of errors) {
      const item = cloneElement("calculator-error-item");
      const field = error.field === null ? null : findField(this.form, String(error.field));
      if (field) {
        this.mark(field, error.message);
        const target = firstControl(field) || field;
        const link = item.querySelector("a");
        link.textContent = error.message;
        link.href = "#" + target.id;
        link.addEventListener("click", (event) => {
          // Focus the field without changing the address, which may hold #input=.
          event.preventDefault();
          target.focus();
          (field.querySelector("legend, label") || target).scrollIntoView({ block: "start" });
        });
      } else {
        item.textContent = error.message;
      }
      this.list.append(item);
    }
    this.box.hidden = false;
    this.box.focus();
  }
}
