// The result region: the answer, the steps and the contacts of a response, or a message.
//
// A result is a copy of <template id="calculator-view"> (build_tools/pages/templates/calculator/
// view.html, the same markup as the worked examples), filled with the view the worker made
// (calculators/views/): text only, into the elements marked data-slot.
// The notice next to a result (which build answered, being offline: deployed.js) is a copy of
// <template id="calculator-build-note">, put after the view inside the result region, so that
// it is announced with the answer.

import { cloneTemplate, textElement } from "./dom.js";

/**
 * A result's view, as the worker sends it (calculators/views/).
 * @typedef {{answer: string, summary: string[], facts: string[][],
 *   table: {caption: string, head: string[], rows: string[][], foot: string[] | null,
 *     closed: string | null} | null,
 *   follow: {text: string, href: string} | null}} View
 */

/**
 * Fill a table row from the template's row (a header cell, then data cells) with `cells`;
 * each data cell carries its column's heading, shown beside it on a narrow screen.
 * @param {HTMLTableRowElement} prototype
 * @param {string[]} cells
 * @param {string[]} head the column headings
 */
function row(prototype, cells, head) {
  const [header, data] = [prototype.querySelector("th"), prototype.querySelector("td")];
  const tr = /** @type {HTMLTableRowElement} */ (prototype.cloneNode(false));
  cells.forEach((text, position) => {
    const cell = /** @type {HTMLElement} */ ((position === 0 ? header : data).cloneNode(false));
    cell.textContent = text;
    if (position > 0) cell.dataset.label = head[position];
    tr.append(cell);
  });
  return tr;
}

/**
 * Replace the list `list` (the template's, with one item) by one item for each text, or remove
 * it when there is none.
 * @param {Element} list
 * @param {string[]} texts
 */
function fillList(list, texts) {
  if (!texts || !texts.length) {
    list.remove();
    return;
  }
  const item = list.querySelector("li");
  list.replaceChildren(...texts.map((text) => {
    const copy = item.cloneNode(false);
    copy.textContent = text;
    return copy;
  }));
}

/**
 * The markup of a result view, from the page's template.
 * @param {View} view
 * @returns {DocumentFragment}
 */
export function renderView(view) {
  const fragment = cloneTemplate("calculator-view");
  fragment.querySelector('[data-slot="answer"]').textContent = view.answer;
  fillList(fragment.querySelector('[data-slot="summary"]'), view.summary);
  const facts = fragment.querySelector('[data-slot="facts"]');
  if (view.facts.length) {
    const [term, value] = [facts.querySelector("dt"), facts.querySelector("dd")];
    facts.replaceChildren();
    for (const [label, text] of view.facts) {
      const [dt, dd] = [term.cloneNode(false), value.cloneNode(false)];
      dt.textContent = label;
      dd.textContent = text;
      facts.append(dt, dd);
    }
  } else {
    facts.remove();
  }
  const box = fragment.querySelector('[data-slot="table"]');
  // The template's table is inside a closed disclosure; a table the view does not mark
  // `closed` takes the disclosure's place.
  const closed = fragment.querySelector('[data-slot="closed"]');
  if (view.table) {
    const { caption, head, rows, foot } = view.table;
    if (view.table.closed) {
      closed.querySelector('[data-slot="closed-title"]').textContent = view.table.closed;
    } else {
      closed.replaceWith(box);
    }
    box.querySelector("caption").textContent = caption;
    box.setAttribute("aria-label", caption);
    const headRow = box.querySelector("thead tr");
    const headCell = headRow.querySelector("th");
    headRow.replaceChildren(...head.map((text) => {
      const cell = headCell.cloneNode(false);
      cell.textContent = text;
      return cell;
    }));
    const body = box.querySelector("tbody");
    const prototype = body.querySelector("tr");
    body.replaceChildren(...rows.map((cells) => row(prototype, cells, head)));
    const footer = box.querySelector("tfoot");
    if (foot) footer.replaceChildren(row(footer.querySelector("tr"), foot, head));
    else footer.remove();
  } else {
    closed.remove();
  }
  // A follow-up link to another calculator, made by the view (relative to this page).
  const follow = fragment.querySelector('[data-slot="follow"]');
  if (view.follow) {
    const link = follow.querySelector("a");
    link.textContent = view.follow.text;
    link.setAttribute("href", view.follow.href);
  } else {
    follow.remove();
  }
  return fragment;
}

/** The result region of the page: show(response, view), message(text), failed(). */
export class ResultDisplay {
  /** @param {HTMLElement} root the calculator (#calculator) */
  constructor(root) {
    this.root = root;
    this.result = document.getElementById("calculator-result");
    this.title = document.getElementById("calculator-result-title");
    this.stepsBox = document.getElementById("calculator-steps");
    this.steps = this.stepsBox.querySelector(".calculator__steps-list");
    this.contacts = this.stepsBox.querySelector(".calculator__contacts");
    this.share = document.getElementById("calculator-share");
  }

  /**
   * Show a successful response: its view, its steps and the cards of the contacts it names.
   * @param {{steps: string[], contacts: string[]}} response
   * @param {View} view
   * @param {{status: string, text: string}} [note] which build answered
   */
  show(response, view, note) {
    this.result.replaceChildren(renderView(view));
    if (note) this.result.append(this.buildNote(note.status, note.text));
    this.steps.replaceChildren(...response.steps.map((step) =>
      textElement("calculator-step", step)));
    this.contacts.replaceChildren(...response.contacts
      .map((id) => cloneTemplate("calculator-contact-" + id)).filter(Boolean));
    this.stepsBox.hidden = false;
    this.share.hidden = false;
    this.root.classList.add("calculator--has-result");
  }

  /** Replace the result with a message (the build's wording, from the page's settings). */
  message(text) {
    this.replace(textElement("calculator-message", text));
  }

  /** The notice of the build that answered: "calculator__build calculator__build--STATUS". */
  buildNote(status, text) {
    const node = textElement("calculator-build-note", text);
    node.classList.add("calculator__build--" + status);
    return node;
  }

  /** Replace the result with a notice about the build ("outdated": no answer is shown). */
  notice(status, text) {
    this.replace(this.buildNote(status, text));
  }

  /** Say that the calculator could not start, and where to turn instead. */
  failed() {
    this.replace(cloneTemplate("calculator-failed"));
  }

  replace(node) {
    this.result.replaceChildren(node);
    this.stepsBox.hidden = true;
    this.share.hidden = true;
    this.root.classList.remove("calculator--has-result");
  }

  /** Move focus to the result's heading (after a person asked for a result). */
  focus() {
    this.title.focus();
  }
}
