// The player page's i18n: its dictionaries (messages.js) in the one engine
// (shared/i18n.js) and the formatting of numbers, dates and odds
// (shared/format.js) under the names the page's modules use. Percents,
// days, clock times and offsets come from the core; this only formats them
// the local way.

import { en, zh } from "./messages.js";
import * as format from "./shared/format.js";
import * as i18n from "./shared/i18n.js";

export { lang, locale, onLanguageChange, pickLanguage, setLanguage } from "./shared/i18n.js";
export {
  offsetLabel,
  formatDay as fmtDay,
  formatOnCampaignClock as fmtOnCampaignClock,
  formatList as fmtList,
  formatLocal as fmtLocal,
  formatRelative as fmtRelative,
} from "./shared/format.js";

// The page formats in the engine's default locales ("en", "zh-CN"); importing
// this module changes nothing else, so the console may use the page's modules.
export const { t, tIn } = i18n.translator({ en, zh });

/** Fills every [data-i18n] element's text (and [data-i18n-attr="attr:key"] attributes). */
export function translateStatic(root = document) {
  i18n.translateStatic(t, root);
}

export function fmtNumber(n) {
  return format.formatNumber(n);
}
