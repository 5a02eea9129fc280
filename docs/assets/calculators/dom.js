// Small helpers for the calculator page's modules: the page's markup comes from the build
// (build_tools/pages/templates/calculator/), and these only find it, clone it and put text into it.

/**
 * A copy of the content of `<template id="...">`, written by the build.
 * @param {string} id the template's id
 * @returns {DocumentFragment | null} null when the page has no such template
 */
export function cloneTemplate(id) {
  const template = document.getElementById(id);
  return template instanceof HTMLTemplateElement
    ? /** @type {DocumentFragment} */ (template.content.cloneNode(true)) : null;
}

/**
 * The first element of a template's content, copied: `<template id="calculator-step"><li>`.
 * @param {string} id the template's id
 * @returns {Element}
 */
export function cloneElement(id) {
  return cloneTemplate(id).firstElementChild;
}

/**
 * A copy of a template's first element with `text` as its text (never parsed as HTML).
 * @param {string} id the template's id
 * @param {string} text
 * @returns {Element}
 */
export function textElement(id, text) {
  const node = cloneElement(id);
  node.textContent = text;
  return node;
}
