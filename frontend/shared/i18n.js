// The one i18n engine of the pages: the current language (English or
// Simplified Chinese, chosen with language.js), the Intl locale each page
// formats in, listeners for a change, and translators over a page's own
// dictionaries (frontend/messages.js, frontend/console/messages.js).
// A page has one language at a time, so the state is this module's.
// Uses language.js and the DOM (translateStatic) only.

import { applyLanguage } from "./language.js";

export { LANGUAGES, pickLanguage } from "./language.js";

/** @typedef {import("./language.js").Language} Language */
/**
 * A dictionary entry: the text, or a function of the translator call's
 * arguments that returns it (each entry takes the arguments it needs).
 * @typedef {string | ((...args: never[]) => string)} Message
 */
/** @typedef {Record<string, Message>} Dictionary */
/**
 * A page's dictionaries, one per language ({en: {...}, zh: {...}}).
 * @typedef {Partial<Record<string, Dictionary>>} Dictionaries
 */
/** @typedef {(key: string, ...args: unknown[]) => string} Translate */

/** @type {Language} */
let current = "en";
/** @type {Record<string, string>} */
let locales = { en: "en", zh: "zh-CN" };
/** @type {Set<(language: Language) => void>} */
const listeners = new Set();

/**
 * The Intl locale tag per language for this page ({en: "en-GB", zh: "zh-CN"}, say).
 * @param {Record<string, string>} tags
 */
export function useLocales(tags) {
  locales = { ...locales, ...tags };
}

/** @returns {Language} the page's language */
export function lang() {
  return current;
}

/**
 * The Intl locale of `language` (the current one by default).
 * @param {string} [language]
 * @returns {string}
 */
export function locale(language = current) {
  return locales[language] ?? locales.en;
}

/**
 * Switches the page's language; listeners hear of a change. `persist` keeps it for the next visit.
 * @param {string} language "en" or "zh" (anything else is English)
 * @param {{persist?: boolean}} [options]
 */
export function setLanguage(language, { persist = false } = {}) {
  const next = applyLanguage(language, { persist });
  const changed = next !== current;
  current = next;
  if (changed) for (const listener of listeners) listener(current);
}

/**
 * Calls `listener(language)` after every change; returns a function that stops it.
 * @param {(language: Language) => void} listener
 * @returns {() => boolean} stops the listener (true when it was still listening)
 */
export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A page's translator over `dictionaries` ({en: {...}, zh: {...}}); each
 * entry is text or a function of the call's arguments. A key missing in a
 * language falls back to `fallback` (a dictionary set of the same shape, if
 * any), then to English, then to the key itself.
 * @param {Dictionaries} dictionaries
 * @param {Dictionaries} [fallback]
 * @returns {{t: Translate, tIn: (language: string, key: string, ...args: unknown[]) => string}}
 */
export function translator(dictionaries, fallback = {}) {
  /** @type {(language: string, key: string, args: unknown[]) => string} */
  const lookup = (language, key, args) => {
    const value =
      dictionaries[language]?.[key] ?? fallback[language]?.[key] ?? dictionaries.en?.[key] ?? fallback.en?.[key];
    if (value === undefined) return key;
    return typeof value === "function" ? /** @type {(...args: unknown[]) => string} */ (value)(...args) : value;
  };
  return {
    /** The string `key` in the current language. */
    t: (key, ...args) => lookup(current, key, args),
    /** The string `key` in `language`. */
    tIn: (language, key, ...args) => lookup(language, key, args),
  };
}

/**
 * Fills every [data-i18n] element's text and [data-i18n-attr="attr:key;attr:key"] attributes with `t`.
 * @param {Translate} t
 * @param {ParentNode} [root]
 */
export function translateStatic(t, root = document) {
  // The selectors make the data attributes these elements' own.
  for (const element of root.querySelectorAll("[data-i18n]"))
    element.textContent = t(/** @type {string} */ (/** @type {HTMLElement} */ (element).dataset.i18n));
  for (const element of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of /** @type {string} */ (/** @type {HTMLElement} */ (element).dataset.i18nAttr).split(";")) {
      const [attribute, key] = pair.split(":");
      if (attribute && key) element.setAttribute(attribute, t(key));
    }
  }
}
