// Lists of items in the form (the allocation's orders): add, remove and renumber items.
//
// A list is the build's `<fieldset data-kind="list">` (fields.html): its items are in
// `.calculator__items`, a new item is a copy of its `<template class="calculator__item-template">`
// with __INDEX__ and __NUMBER__ replaced, and its messages ("Order 2 added.") are in the
// data-added / data-removed attributes of its [data-announce] status.

const INDEX = /__INDEX__/g;
const NUMBER = /__NUMBER__/g;

function itemsBox(list) {
  return list.querySelector(":scope > .calculator__items");
}

/**
 * The first control of an item or a field.
 * @param {Element} node
 * @returns {HTMLElement | null}
 */
export function firstControl(node) {
  return node.querySelector("input, select, textarea");
}

/**
 * A new item for position `index` (0-based), from the list's template.
 * @param {HTMLElement} list
 * @param {number} index
 * @returns {HTMLElement}
 */
function makeItem(list, index) {
  const template = /** @type {HTMLTemplateElement} */ (
    list.querySelector(":scope > template.calculator__item-template"));
  const first = template.content.firstElementChild;
  const item = /** @type {HTMLElement} */ (first.cloneNode(true));
  const walker = document.createTreeWalker(item, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const swap = (text) => text.replace(INDEX, String(index)).replace(NUMBER, String(index + 1));
  for (let node = /** @type {Node} */ (item); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      node.nodeValue = swap(node.nodeValue);
    } else {
      const element = /** @type {Element} */ (node);
      for (const attribute of element.attributes) attribute.value = swap(attribute.value);
    }
  }
  return item;
}

/**
 * Show "Remove" only above the list's minimum, and "Add another" only below its maximum.
 * @param {HTMLElement} list
 */
export function updateListButtons(list) {
  const count = itemsBox(list).children.length;
  for (const button of /** @type {NodeListOf<HTMLElement>} */ (
    list.querySelectorAll("[data-remove]"))) {
    button.hidden = count <= Number(list.dataset.minItems);
  }
  const full = count >= Number(list.dataset.maxItems);
  /** @type {HTMLElement} */ (list.querySelector(":scope > [data-add]")).hidden = full;
  /** @type {HTMLElement} */ (list.querySelector(":scope > [data-limit]")).hidden = !full;
}

/**
 * Make the list hold `count` items, adding empty ones or removing from the end.
 * @param {HTMLElement} list
 * @param {number} count
 */
export function setItemCount(list, count) {
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

function announce(list, which, number) {
  const status = list.querySelector(":scope > [data-announce]");
  status.textContent = status.dataset[which].replace(NUMBER, String(number));
}

/**
 * Add an empty item at the end, say so, and focus its first field.
 * @param {HTMLElement} list
 */
export function addItem(list) {
  const box = itemsBox(list);
  const item = makeItem(list, box.children.length);
  box.append(item);
  updateListButtons(list);
  announce(list, "added", box.children.length);
  firstControl(item).focus();
}

/**
 * Remove `item`, renumber the items after it (keeping what they hold), say so, and focus the
 * item that took its place, or "Add another" after the last one.
 * @param {HTMLElement} list
 * @param {Element} item
 */
export function removeItem(list, item) {
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
  announce(list, "removed", index + 1);
  const addButton = /** @type {HTMLElement} */ (list.querySelector(":scope > [data-add]"));
  if (index < box.children.length) firstControl(box.children[index]).focus();
  else if (!addButton.hidden) addButton.focus();
  else firstControl(box.lastElementChild).focus();
}

/**
 * Handle the form's "Add another" and "Remove" buttons.
 * @param {HTMLFormElement} form
 * @param {() => void} beforeChange called before an item is added or removed (clears errors)
 */
export function attachLists(form, beforeChange) {
  const lists = /** @type {NodeListOf<HTMLElement>} */ (
    form.querySelectorAll('[data-kind="list"]'));
  for (const list of lists) updateListButtons(list);
  form.addEventListener("click", (event) => {
    const target = /** @type {Element} */ (event.target);
    const button = target.closest("button[data-add], button[data-remove]");
    if (!button) return;
    beforeChange();
    const list = /** @type {HTMLElement} */ (button.closest('[data-kind="list"]'));
    if (button.hasAttribute("data-add")) addItem(list);
    else removeItem(list, button.closest('[data-kind="item"]'));
  });
}
