// The language choice, shared by the player page and the operator console:
// what was chosen last (either page), else the browser's languages, else English.

export const LANGUAGES = ["en", "zh"];
const STORAGE_KEY = "blindbox:lang";
const HTML_LANG = { en: "en", zh: "zh-CN" };

/** The language to start in. */
export function pickLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (LANGUAGES.includes(saved)) return saved;
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

/** A known language (English otherwise), set as the document's lang; kept for next time if `persist`. */
export function applyLanguage(language, { persist = false } = {}) {
  const chosen = LANGUAGES.includes(language) ? language : "en";
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
