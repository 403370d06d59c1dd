// The console's i18n: its dictionaries (messages.js, the preview's too) in
// the one engine (shared/i18n.js) and the formatting of numbers,
// percentages, days and times (shared/format.js) under the names the
// console's modules use.

import * as format from "../shared/format.js";
import * as i18n from "../shared/i18n.js";
import { lang } from "../shared/i18n.js";
import { en, preview, zh } from "./messages.js";

export { lang, onLanguageChange, pickLanguage, setLanguage } from "../shared/i18n.js";
export {
  formatDateTime as fmtDateTime,
  formatTime as fmtTime,
  formatWeekday as fmtDay,
} from "../shared/format.js";

i18n.useLocales({ en: "en-GB", zh: "zh-CN" });

const translate = i18n.translator({ en, zh }, preview);

/** The string `key` in the current language. */
export const t = translate.t;

/** A string (of the player page's preview, say) in `language`. */
export const tIn = translate.tIn;

/** Texts and attributes of the static page: data-i18n="key", data-i18n-attr="attr:key;attr:key". */
export function translateStatic(root = document) {
  i18n.translateStatic(t, root);
}

/** A count with at most one decimal. */
export function fmtNumber(n, language = lang()) {
  return format.formatNumber(n, { language, maximumFractionDigits: 1 });
}

/**
 * A ratio of two counts the server sent (claimed of won, say) as a whole
 * percent the local way ("67%"): Intl's percent style, which scales and rounds.
 */
export function fmtWholePercent(part, whole) {
  return format.formatNumber(part / whole, { style: "percent", maximumFractionDigits: 0 });
}

/**
 * The odds of a prize as people read them, from the core's reading of its
 * text (a prize of bb_odds_text): "= 0.05% · about 1 in 2,000"; the parser's
 * message for a text the core refuses.
 */
export function oddsHint(reading) {
  if (!reading) return "";
  if (!reading.valid) return reading.problem ?? "";
  const zh = lang() === "zh";
  if (reading.one_in === null) return zh ? "= 0%（不会中出）" : "= 0% (never won)";
  const oneIn = Number(reading.one_in);
  const oneInText = oneIn >= 2 ? (zh ? ` · 约 ${fmtNumber(oneIn)} 分之一` : ` · about 1 in ${fmtNumber(oneIn)}`) : "";
  return `= ${reading.percent_brief}${oneInText}`;
}
