// DOM helpers for the console: an element builder (text always goes in as
// text, never as HTML), announcements for screen readers, and the one modal
// confirmation dialog.

import { t } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";

/** h("p", {class: "x", dataset: {a: 1}, onclick}, "text", child, [more]) */
export function h(tag, attributes = {}, ...children) {
  const svg = tag.startsWith("svg:");
  const element = svg ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "dataset") {
      for (const [key, data] of Object.entries(value)) if (data !== undefined && data !== null) element.dataset[key] = data;
    } else if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "text") element.textContent = value;
    else if (name === "value" && !svg) element.value = value;
    else if (name === "checked" && !svg) element.checked = Boolean(value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Says `text` to screen readers (polite). */
export function announce(text) {
  const region = document.getElementById("announcer");
  if (!region) return;
  region.textContent = "";
  // A fresh text node after a tick, so the same message twice is read twice.
  setTimeout(() => (region.textContent = text), 30);
}

/** Focuses an element that may not be focusable by itself (a heading, a region). */
export function focusElement(element, { scroll = true } = {}) {
  if (!element) return;
  if (!element.matches("a[href], button, input, select, textarea, [tabindex]")) element.setAttribute("tabindex", "-1");
  element.focus({ preventScroll: !scroll });
  if (scroll) element.scrollIntoView({ block: "center", behavior: "instant" });
}

let dialogOpen = null;

/**
 * A modal confirmation. Resolves true when confirmed, false when cancelled
 * (button, Esc). Focus moves into the dialog and back to where it was.
 *   confirmDialog({title, body: [nodes], confirm: "Pause", danger: true})
 */
export function confirmDialog({ title, body = [], confirm, cancel, danger = false, returnFocus }) {
  const dialog = document.getElementById("confirm-dialog");
  if (dialogOpen) dialogOpen(false);
  const opener = returnFocus ?? document.activeElement;
  clear(dialog.querySelector(".dialog-title"), title);
  clear(dialog.querySelector(".dialog-body"), body);
  const yes = dialog.querySelector("[data-testid=confirm-yes]");
  const no = dialog.querySelector("[data-testid=confirm-no]");
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
