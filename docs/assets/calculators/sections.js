// The form's sections a parent opens (<details data-section>, fields.html, from the
// calculator's layout): each closed one says how many entries it holds ("1 entry"), typed or
// from a link, and every field that holds nothing is marked, so that a printout shows only what
// was entered (calculator.css). The words come from the page's settings (MESSAGES in
// build_tools/pages/calculator_pages.py). A section with an error in it is opened by errors.js.

const CONTROLS = "input[data-path], select[data-path]";

/** Whether a field (.calculator__field) holds a value: text, a ticked box, a chosen option. */
function holdsValue(field) {
  return Array.from(field.querySelectorAll(CONTROLS)).some((control) =>
    control.type === "checkbox" || control.type === "radio" ? control.checked
      : control.value.trim() !== "");
}

/** Whether a field differs from how the form starts (a choice's default option is no entry). */
function isEntry(field) {
  return Array.from(field.querySelectorAll(CONTROLS)).some((control) => {
    if (control.type === "checkbox" || control.type === "radio") {
      return control.checked !== control.defaultChecked;
    }
    if (control.tagName === "SELECT") {
      const initial = Array.from(control.options).find((option) => option.defaultSelected) ||
        control.options[0];
      return control.value !== initial.value;
    }
    return control.value.trim() !== "";
  });
}

/** The value of the choice at `path`: its drop-down list's, or its checked radio button's. */
function chosen(form, path) {
  for (const control of form.querySelectorAll("[data-path]")) {
    if (control.dataset.path !== path) continue;
    if (control.tagName === "SELECT" || control.checked) return control.value;
  }
  return "";
}

/**
 * Keep the sections' counts and the fields' marks up to date as the form changes, and show a
 * field that depends on a choice (data-when) only while the choice has its value, or while the
 * field holds an entry (from a link: it is never hidden with something in it).
 * @param {HTMLFormElement} form
 * @param {{entry: string, entries: string}} messages "1 entry", "__COUNT__ entries"
 * @returns {() => void} call after the form is filled by the script (from a link)
 */
export function attachSections(form, messages) {
  const update = () => {
    const dependent = /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll("[data-when]"));
    for (const field of dependent) {
      field.hidden = chosen(form, field.dataset.when) !== field.dataset.whenEquals &&
        !holdsValue(field);
    }
    for (const field of form.querySelectorAll(".calculator__field")) {
      field.classList.toggle("calculator__field--empty", !holdsValue(field));
    }
    for (const section of form.querySelectorAll("[data-section]")) {
      const count = Array.from(section.querySelectorAll(".calculator__field")).filter(isEntry)
        .length;
      const text = count === 0 ? "" : count === 1 ? messages.entry
        : messages.entries.replace("__COUNT__", String(count));
      section.querySelector(":scope > summary [data-entries]").textContent = text;
    }
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("reset", () => setTimeout(update));
  update();
  return update;
}
