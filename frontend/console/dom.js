// DOM helpers for the console: focus, the one modal confirmation dialog and a
// debounce, beside the element builder and announcements of ../shared/element.js
// (shared with the player page).

import { t } from "./i18n.js";

export { announce, append, clear, h } from "../shared/element.js";
import { clear } from "../shared/element.js";

/**
 * Focuses an element that may not be focusable by itself (a heading, a region).
 * @param {Element | null | undefined} element an HTML or SVG element
 * @param {{scroll?: boolean}} [options]
 */
export function focusElement(element, { scroll = true } = {}) {
  if (!element) return;
  if (!element.matches("a[href], button, input, select, textarea, [tabindex]")) element.setAttribute("tabindex", "-1");
  /** @type {HTMLElement} */ (element).focus({ preventScroll: !scroll });
  if (scroll) element.scrollIntoView({ block: "center", behavior: "instant" });
}

let dialogOpen = null;

/**
 * A modal confirmation. Resolves true when confirmed, false when cancelled
 * (button, Esc). Focus moves into the dialog and back to where it was.
 *   confirmDialog({title, body: [nodes], confirm: "Pause", danger: true})
 * @param {object} options
 * @param {string} options.title
 * @param {Array<Node | string>} [options.body]
 * @param {string} [options.confirm] t("confirm") by default
 * @param {string} [options.cancel] t("cancel") by default
 * @param {boolean} [options.danger]
 * @param {HTMLElement | null} [options.returnFocus] the focused element by default
 * @returns {Promise<boolean>}
 */
export function confirmDialog({ title, body = [], confirm, cancel, danger = false, returnFocus }) {
  const dialog = /** @type {HTMLDialogElement} */ (document.getElementById("confirm-dialog"));
  if (dialogOpen) dialogOpen(false);
  const opener = returnFocus ?? /** @type {HTMLElement | null} */ (document.activeElement);
  clear(dialog.querySelector(".dialog-title"), title);
  clear(dialog.querySelector(".dialog-body"), body);
  const yes = /** @type {HTMLButtonElement} */ (dialog.querySelector("[data-testid=confirm-yes]"));
  const no = /** @type {HTMLButtonElement} */ (dialog.querySelector("[data-testid=confirm-no]"));
  yes.textContent = confirm ?? t("confirm");
  no.textContent = cancel ?? t("cancel");
  yes.classList.toggle("button-danger", danger);
  yes.classList.toggle("button-primary", !danger);
  return new Promise((resolve) => {
    const finish = (answer) => {
      dialogOpen = null;
      yes.removeEventListener("click", onYes);
      no.removeEventListener("click", onNo);
      dialog.removeEventListener("cancel", onCancel);
      if (dialog.open) dialog.close();
      if (opener && document.contains(opener)) opener.focus();
      resolve(answer);
    };
    const onYes = () => finish(true);
    const onNo = () => finish(false);
    const onCancel = (event) => {
      event.preventDefault();
      finish(false);
    };
    dialogOpen = finish;
    yes.addEventListener("click", onYes);
    no.addEventListener("click", onNo);
    dialog.addEventListener("cancel", onCancel);
    dialog.showModal();
    // The safe choice has the focus; the confirming one is a Tab away.
    no.focus();
  });
}

/** Debounces `fn` by `ms`; the returned function has .flush() and .cancel(). */
export function debounce(fn, ms) {
  let timer = null;
  let lastArgs = [];
  const debounced = (...args) => {
    lastArgs = args;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...lastArgs);
    }, ms);
  };
  debounced.flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    fn(...lastArgs);
  };
  debounced.cancel = () => {
    clearTimeout(timer);
    timer = null;
  };
  return debounced;
}
