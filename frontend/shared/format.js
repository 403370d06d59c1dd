// Clock and number formatting for both pages: numbers, UTC offset labels,
// calendar days and moments. Days, clock times, offsets and odds percents come
// from the core (bb_calendar, bb_odds_text) and are only formatted here for
// the reader's language. Everything formats in the page's locale for the
// current language (i18n.js) unless given a language. Uses i18n.js,
// day-text.js and Intl.

import { dayTextParts, isDayText } from "./day-text.js";
import { lang, locale } from "./i18n.js";

/** @typedef {import("./i18n.js").Language} Language */
/**
 * Intl's formatters by kind, each made from its own kind of options.
 * @typedef {{
 *   number: [Intl.NumberFormat, Intl.NumberFormatOptions],
 *   date: [Intl.DateTimeFormat, Intl.DateTimeFormatOptions],
 *   list: [Intl.ListFormat, Intl.ListFormatOptions],
 * }} Formatters
 */

const makers = { number: Intl.NumberFormat, date: Intl.DateTimeFormat, list: Intl.ListFormat };
/** @type {Map<string, Formatters[keyof Formatters][0]>} */
const formats = new Map();

/**
 * An Intl formatter, made once per kind, locale and options.
 * @template {keyof Formatters} Kind
 * @param {Kind} kind
 * @param {string} language
 * @param {Formatters[Kind][1]} options
 * @returns {Formatters[Kind][0]}
 */
function formatter(kind, language, options) {
  const key = `${kind}:${locale(language)}:${JSON.stringify(options)}`;
  let value = formats.get(key);
  if (!value) {
    const Make = /** @type {new (locale: string, options: Formatters[Kind][1]) => Formatters[Kind][0]} */ (
      makers[kind]
    );
    value = new Make(locale(language), options);
    formats.set(key, value);
  }
  return /** @type {Formatters[Kind][0]} */ (value);
}

// ---------------------------------------------------------------- numbers

/**
 * A number the local way; `options` are Intl.NumberFormat's.
 * @param {number} n
 * @param {Intl.NumberFormatOptions & {language?: Language}} [options]
 * @returns {string}
 */
export function formatNumber(n, { language = lang(), ...options } = {}) {
  return formatter("number", language, options).format(n);
}

// ---------------------------------------------------------------- clock

/**
 * "UTC+08:00" (or "UTC").
 * @param {string | null | undefined} offset a campaign's UTC offset ("+08:00", "Z")
 * @returns {string}
 */
export function offsetLabel(offset) {
  return !offset || offset === "Z" || offset === "+00:00" || offset === "-00:00" ? "UTC" : `UTC${offset}`;
}

// ---------------------------------------------------------------- days and moments

/**
 * A calendar day "YYYY-MM-DD" in words ("28 November 2026" / "2026年11月28日");
 * anything else as it is.
 * @param {string | null | undefined} day
 * @param {"short" | Intl.DateTimeFormatOptions["dateStyle"]} [style] Intl's dateStyle, or "short" (month and day)
 * @param {Language} [language]
 * @returns {string}
 */
export function formatDay(day, style = "long", language = lang()) {
  const parts = dayTextParts(day);
  if (!parts) return day ?? "";
  const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  /** @type {Intl.DateTimeFormatOptions} */
  const options = style === "short" ? { month: "short", day: "numeric" } : { dateStyle: style };
  return formatter("date", language, { ...options, timeZone: "UTC" }).format(date);
}

/**
 * "YYYY-MM-DD" with its weekday ("Sat, 28 Nov 2026"): the day itself, no time zone shift.
 * @param {string | null | undefined} day
 * @returns {string}
 */
export function formatWeekday(day) {
  if (!isDayText(day)) return day ?? "";
  const ms = Date.parse(`${day}T12:00:00Z`);
  /** @type {Intl.DateTimeFormatOptions} */
  const options = { weekday: "short", year: "numeric", month: "short", day: "numeric", timeZone: "UTC" };
  return formatter("date", lang(), options).format(ms);
}

/**
 * A moment in the viewer's own time zone: its date and time, or its time only.
 * @param {number | Date} ms
 * @param {{date?: boolean}} [options]
 * @returns {string}
 */
export function formatLocal(ms, { date = true } = {}) {
  /** @type {Intl.DateTimeFormatOptions} */
  const options = date
    ? { dateStyle: "medium", timeStyle: "short" }
    : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  return formatter("date", lang(), options).format(new Date(ms));
}

/**
 * A day and time the core read on a campaign's clock ("2026-11-28", "10:00")
 * with that clock's offset, the local way: "28 Nov 2026, 10:00 UTC+08:00".
 * @param {string} day
 * @param {string} time
 * @param {string | null | undefined} offset
 * @param {{date?: boolean}} [options]
 * @returns {string}
 */
export function formatOnCampaignClock(day, time, offset, { date = true } = {}) {
  const wallClock = Date.parse(`${day}T${time}:00Z`);
  if (Number.isNaN(wallClock)) return `${day} ${time} ${offsetLabel(offset)}`;
  /** @type {Intl.DateTimeFormatOptions} */
  const options = date
    ? { dateStyle: "medium", timeStyle: "short", timeZone: "UTC", hourCycle: "h23" }
    : { hour: "2-digit", minute: "2-digit", timeZone: "UTC", hourCycle: "h23" };
  return `${formatter("date", lang(), options).format(wallClock)} ${offsetLabel(offset)}`;
}

/**
 * A time of day in the viewer's zone, 24-hour, with or without seconds.
 * @param {number | Date} ms
 * @param {{seconds?: boolean}} [options]
 * @returns {string}
 */
export function formatTime(ms, { seconds = true } = {}) {
  /** @type {Intl.DateTimeFormatOptions} */
  const options = { hour: "2-digit", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}), hour12: false };
  return formatter("date", lang(), options).format(ms);
}

/**
 * A moment with date and seconds, 24-hour, in the viewer's zone ("" for no moment).
 * @param {number} ms
 * @returns {string}
 */
export function formatDateTime(ms) {
  if (!Number.isFinite(ms)) return "";
  /** @type {Intl.DateTimeFormatOptions} */
  const options = {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  };
  return formatter("date", lang(), options).format(ms);
}

/**
 * "in 3 hours" / "3小时后".
 * @param {number} ms the moment
 * @param {number} [now] the moment it is said from
 * @returns {string}
 */
export function formatRelative(ms, now = Date.now()) {
  const seconds = Math.round((ms - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, "second");
  if (abs < 3600) return format.format(Math.round(seconds / 60), "minute");
  if (abs < 86400 * 2) return format.format(Math.round(seconds / 3600), "hour");
  return format.format(Math.round(seconds / 86400), "day");
}

/**
 * A list of names joined the local way ("a, b and c" / "a、b和c").
 * @param {Iterable<string>} items
 * @param {Language} [language]
 * @returns {string}
 */
export function formatList(items, language = lang()) {
  return formatter("list", language, { style: "long", type: "conjunction" }).format(items);
}
