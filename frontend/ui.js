// Small DOM helpers shared by the page's modules: prize pictures with a drawn
// placeholder, copying to the clipboard and the page's error messages, beside
// the element builder and announcements of shared/element.js (shared with the console).

import { t, onLanguageChange } from "./i18n.js";

export { announce, clear, h } from "./shared/element.js";
import { announce, clear, h } from "./shared/element.js";

/** @typedef {import("./shared/element.js").Child} Child */
/**
 * An element that holds the page's error messages; `renderError` draws its
 * message again (in the new language), null when it holds none.
 * @typedef {Element & {renderError?: (() => HTMLElement) | null}} ErrorSlot
 */

/** A hue from a prize id, so each placeholder has its own colour. */
export function hueOf(text) {
  let hash = 2166136261;
  for (const char of String(text)) {
    hash ^= char.codePointAt(0);
    hash = Math.imul(hash, 16777619);
  }
  return Math.abs(hash) % 360;
}

/** A drawn gift, tinted per prize (decorative). */
export function giftIcon(id) {
  const hue = hueOf(id);
  const svg = h(
    "svg:svg",
    { viewBox: "0 0 64 64", class: "gift", "aria-hidden": "true", focusable: "false", style: `--hue:${hue}` },
    h("svg:rect", { x: 10, y: 28, width: 44, height: 28, rx: 4, class: "gift-body" }),
    h("svg:rect", { x: 7, y: 20, width: 50, height: 11, rx: 3, class: "gift-lid" }),
    h("svg:rect", { x: 28.5, y: 20, width: 7, height: 36, class: "gift-ribbon" }),
    h("svg:path", { d: "M32 20c-4-9-15-10-15-3 0 4 7 4 15 3zm0 0c4-9 15-10 15-3 0 4-7 4-15 3z", class: "gift-bow" }),
  );
  return svg;
}

/** A prize's picture, or the drawn placeholder when it has none or it fails to load. */
export function prizePicture(prize, { size = "small", alt = prize?.name ?? "" } = {}) {
  const frame = h("div", { class: `picture picture-${size}`, style: `--hue:${hueOf(prize?.id ?? "")}` });
  const fallback = () => clear(frame, giftIcon(prize?.id ?? ""));
  if (prize?.image) {
    const img = h("img", {
      src: prize.image,
      alt,
      loading: size === "small" ? "lazy" : "eager",
      decoding: "async",
      referrerpolicy: "no-referrer",
    });
    img.addEventListener("error", fallback, { once: true });
    frame.append(img);
  } else {
    fallback();
  }
  return frame;
}

/** Copies text; falls back to a selected textarea and execCommand. */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  const area = h("textarea", { readonly: true, class: "copy-buffer visually-hidden", "aria-hidden": "true" });
  area.value = text;
  document.body.append(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand("copy");
  } catch {
    done = false;
  }
  area.remove();
  return done;
}

/** A Copy button for `getText()`, with a visible "Copied" confirmation. */
export function copyButton(getText, attributes = {}) {
  const label = h("span", { text: t("copy"), "data-i18n": "copy" });
  const button = h("button", { type: "button", class: "button button-small button-quiet", ...attributes }, label);
  let timer = null;
  button.addEventListener("click", async () => {
    const ok = await copyText(getText());
    label.textContent = ok ? `✓ ${t("copied")}` : t("copy");
    button.classList.toggle("is-done", ok);
    announce(ok ? t("announceCopied") : t("copyFailed"));
    if (!ok) selectText(button.closest(".code-field")?.querySelector("code"));
    clearTimeout(timer);
    timer = setTimeout(() => {
      label.textContent = t("copy");
      button.classList.remove("is-done");
    }, 2500);
  });
  return button;
}

export function selectText(element) {
  if (!element) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Shows `message` under a form field (in the element with id INPUT-ID-error,
 * which the input's aria-describedby names), or clears it when empty.
 */
export function setFieldError(input, message) {
  const error = document.getElementById(`${input.id}-error`);
  if (message) {
    input.setAttribute("aria-invalid", "true");
    error.textContent = message;
  } else {
    input.removeAttribute("aria-invalid");
    error.textContent = "";
  }
}

/**
 * Error messages live in "slots" (the box, the shipping form, the lookup);
 * only one shows at a time, the latest, so [data-testid=error-message] is unique.
 * `text` and `action` may be functions: they are called again when the language changes.
 * @param {ErrorSlot} slot
 * @param {object} [error]
 * @param {string} [error.code] shown as data-error-code
 * @param {string | (() => string)} [error.text]
 * @param {Child | (() => Child)} [error.action] a control beside the message (a retry button)
 * @returns {HTMLElement} the message shown
 */
export function showError(slot, { code, text, action } = {}) {
  for (const other of /** @type {NodeListOf<ErrorSlot>} */ (document.querySelectorAll(".error-slot"))) {
    if (other !== slot) {
      other.replaceChildren();
      other.renderError = null;
    }
  }
  slot.renderError = () => {
    const message = h(
      "div",
      { class: "error-message", "data-testid": "error-message", "data-error-code": code },
      h(
        "svg:svg",
        { viewBox: "0 0 24 24", class: "error-icon", "aria-hidden": "true", focusable: "false" },
        h("svg:circle", { cx: 12, cy: 12, r: 10 }),
        h("svg:path", { d: "M12 7v6M12 16.5v.5" }),
      ),
      h("p", {}, typeof text === "function" ? text() : text),
      (typeof action === "function" ? action() : action) ?? null,
    );
    clear(slot, message);
    return message;
  };
  return slot.renderError();
}

onLanguageChange(() => {
  for (const slot of /** @type {NodeListOf<ErrorSlot>} */ (document.querySelectorAll(".error-slot")))
    if (slot.firstChild && slot.renderError) slot.renderError();
});

export function clearError(slot) {
  if (!slot) return;
  slot.replaceChildren();
  slot.renderError = null;
}
