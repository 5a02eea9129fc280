// The page's address: #input=<percent-encoded JSON>, the calculator's input as on the command
// line. It is data: parsed with JSON.parse, written only into form fields' values and sent to
// Python as text; nothing from it is ever inserted as HTML. Text that JSON.parse refuses is
// still sent to Python, which reads NaN and Infinity as numbers and reports each at its field.

const PREFIX = "#input=";

/**
 * What the address holds.
 * @param {string} hash window.location.hash
 * @returns {null | {text: string, data: unknown, parsed: boolean, error?: undefined}
 *   | {error: true, text?: undefined, data?: undefined, parsed?: undefined}} null without
 *   #input=; error when it cannot be decoded; parsed false (and data null) when JSON.parse
 *   refuses the text
 */
export function readInput(hash) {
  if (!hash.startsWith(PREFIX)) return null;
  let text;
  try {
    text = decodeURIComponent(hash.slice(PREFIX.length));
  } catch {
    return { error: true };
  }
  try {
    return { text, data: JSON.parse(text), parsed: true };
  } catch {
    return { text, data: null, parsed: false };
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
