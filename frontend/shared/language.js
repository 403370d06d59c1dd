// The language choice, shared by the player page and the operator console:
// what was chosen last (either page), else the browser's languages, else English.

/** @typedef {"en" | "zh"} Language */

/** @type {readonly string[]} */
export const LANGUAGES = ["en", "zh"];
const STORAGE_KEY = "blindbox:lang";
/** @type {Record<Language, string>} */
const HTML_LANG = { en: "en", zh: "zh-CN" };

/**
 * The language to start in.
 * @returns {Language}
 */
export function pickLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved !== null && LANGUAGES.includes(saved)) return /** @type {Language} */ (saved);
  } catch {
    // storage blocked: fall through to the browser's languages
  }
  for (const tag of navigator.languages ?? [navigator.language ?? "en"]) {
    const lower = String(tag).toLowerCase();
    if (lower.startsWith("zh")) return "zh";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}

/**
 * A known language (English otherwise), set as the document's lang; kept for next time if `persist`.
 * @param {string} language
 * @param {{persist?: boolean}} [options]
 * @returns {Language}
 */
export function applyLanguage(language, { persist = false } = {}) {
  const chosen = /** @type {Language} */ (LANGUAGES.includes(language) ? language : "en");
  document.documentElement.lang = HTML_LANG[chosen];
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, chosen);
    } catch {
      // the choice lasts this visit only
    }
  }
  return chosen;
}
