// "Copy a link to this result": the page's address with the input that gave the result.

import { linkTo } from "./address.js";

/** The share box under a result (#calculator-share). */
export class ShareBox {
  /**
   * @param {{copied: string}} messages the build's wording
   * @param {() => string | null} currentInput the JSON text of the result shown, if any
   */
  constructor(messages, currentInput) {
    this.messages = messages;
    this.currentInput = currentInput;
    this.button = document.getElementById("calculator-copy");
    this.status = document.getElementById("calculator-copy-status");
    this.linkBox = document.getElementById("calculator-link-box");
    this.link = /** @type {HTMLInputElement} */ (document.getElementById("calculator-link"));
    this.button.addEventListener("click", () => this.copy());
  }

  /** Clear what a previous copy said (a new result is shown). */
  reset() {
    this.status.textContent = "";
    this.linkBox.hidden = true;
  }

  /** Put the link in the address and the clipboard, or in a box to copy by hand. */
  copy() {
    const input = this.currentInput();
    if (input === null) return;
    const href = linkTo(window.location.href, input);
    history.replaceState(history.state, "", href);
    this.link.value = href;
    const fallback = () => {
      this.status.textContent = "";
      this.linkBox.hidden = false;
      this.link.focus();
      this.link.select();
    };
    if (!navigator.clipboard) {
      fallback();
      return;
    }
    navigator.clipboard.writeText(href).then(() => {
      this.linkBox.hidden = true;
      this.status.textContent = this.messages.copied;
    }, fallback);
  }
}
