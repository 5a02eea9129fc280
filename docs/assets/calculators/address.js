// The page's address: #input=<percent-encoded JSON>, the calculator's input as on the command
// line. It is data: parsed with JSON.parse, written only into form fields' values and sent to
// Python as text; nothing from it is ever inserted as HTML.

const PREFIX = "#input=";

/**
 * What the address holds.
 * @param {string} hash window.location.hash
 * @returns {null | {text: string, data: unknown} | {error: true}} null without #input=;
 *   error when it cannot be decoded or parsed
 */
export function readInput(hash) {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const text = decodeURIComponent(hash.slice(PREFIX.length));
    return { text, data: JSON.parse(text) };
  } catch {
    return { error: true };
  }
}

/**
 * The page's address with `text` as its #input=.
 * @param {string} href the page's address now
 * @param {string} text the input's JSON
 * @returns {string}
 */
export function linkTo(href, text) {
  const url = new URL(href);
  url.hash = "input=" + encodeURIComponent(text);
  return url.href;
}

/**
 * The page's address without its #fragment.
 * @param {string} href
 * @returns {string}
 */
export function withoutFragment(href) {
  const url = new URL(href);
  url.hash = "";
  return url.href;
}
