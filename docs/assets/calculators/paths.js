// Paths into a calculator's input, as the calculators name fields in their errors:
// "orders[1].current_due" is ["orders", 1, "current_due"].

/**
 * The keys and indexes of a path.
 * @param {string} path such as "orders[1].current_due" or "paying_parent.gross_income"
 * @returns {(string|number)[]}
 */
export function segments(path) {
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

/**
 * The value at `path` in `data` (own properties only), or undefined.
 * @param {unknown} data parsed JSON
 * @param {string} path
 */
export function getPath(data, path) {
  let value = data;
  for (const key of segments(path)) {
    if (!own(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/**
 * Set the value at `path` in `data`, making the objects and arrays on the way.
 * @param {object} data
 * @param {string} path
 * @param {unknown} value
 */
export function setPath(data, path, value) {
  const keys = segments(path);
  let target = data;
  keys.slice(0, -1).forEach((key, position) => {
    if (!own(target, key)) target[key] = typeof keys[position + 1] === "number" ? [] : {};
    target = target[key];
  });
  target[keys[keys.length - 1]] = value;
}

/**
 * The path one level up: "orders[1].id" -> "orders[1]" -> "orders"; "" at the top.
 * @param {string} path
 * @returns {string}
 */
export function parentPath(path) {
  const shorter = path.replace(/(\.[^.[\]]*|\[\d+\])$/, "");
  return shorter === path ? "" : shorter;
}
