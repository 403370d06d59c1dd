// Clock and number formatting for both pages: numbers, percentages of
// shares, UTC offset labels, calendar days and moments. Days, clock times,
// offsets and odds percents come from the core (bb_calendar, bb_odds_text)
// and are only formatted here for the reader's language. Everything formats in the page's locale for the
// current language (i18n.js) unless given a language. Uses i18n.js and Intl.

import { lang, locale } from "./i18n.js";

const formats = new Map();

/** An Intl formatter, made once per kind, locale and options. */
function formatter(kind, language, options) {
  const key = `${kind}:${locale(language)}:${JSON.stringify(options)}`;
  let value = formats.get(key);
  if (!value) {
    const make = { number: Intl.NumberFormat, date: Intl.DateTimeFormat, list: Intl.ListFormat }[kind];
    value = new make(locale(language), options);
    formats.set(key, value);
  }
  return value;
}

// ---------------------------------------------------------------- numbers

/**
 * A number the local way; `options` are Intl.NumberFormat's.
 * @param {number} n
 * @param {Intl.NumberFormatOptions & {language?: import("./i18n.js").Language}} [options]
 * @returns {string}
 */
export function formatNumber(n, { language = lang(), ...options } = {}) {
  return formatter("number", language, options).format(n);
}

/** A share (0..1) as a percentage with sensible precision (more digits for small shares). */
export function sharePercent(share, language = lang()) {
  if (!Number.isFinite(share)) return "—";
  const percent = share * 100;
  const digits = percent === 0 || percent >= 10 ? 1 : percent >= 1 ? 2 : percent >= 0.01 ? 3 : 4;
  return `${formatNumber(percent, { language, maximumFractionDigits: digits, minimumFractionDigits: 0 })}%`;
}

// ---------------------------------------------------------------- clock

/** "UTC+08:00" (or "UTC"). */
export function offsetLabel(offset) {
  return !offset || offset === "Z" || offset === "+00:00" || offset === "-00:00" ? "UTC" : `UTC${offset}`;
}

// ---------------------------------------------------------------- days and moments

/** A calendar day "YYYY-MM-DD" in words ("28 November 2026" / "2026年11月28日"); `style` as Intl's dateStyle, or "short". */
export function formatDay(day, style = "long") {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? "");
  if (!match) return day ?? "";
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const options = style === "short" ? { month: "short", day: "numeric" } : { dateStyle: style };
  return formatter("date", lang(), { ...options, timeZone: "UTC" }).format(date);
}

/** "YYYY-MM-DD" with its weekday ("Sat, 28 Nov 2026"): the day itself, no time zone shift. */
export function formatWeekday(day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day ?? "")) return day ?? "";
  const ms = Date.parse(`${day}T12:00:00Z`);
  const options = { weekday: "short", year: "numeric", month: "short", day: "numeric", timeZone: "UTC" };
  return formatter("date", lang(), options).format(ms);
}

/** A moment in the viewer's own time zone. */
export function formatLocal(ms, { date = true } = {}) {
  const options = date
    ? { dateStyle: "medium", timeStyle: "short" }
    : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  return formatter("date", lang(), options).format(new Date(ms));
}

/**
 * A day and time the core read on a campaign's clock ("2026-11-28", "10:00")
 * with that clock's offset, the local way: "28 Nov 2026, 10:00 UTC+08:00".
 */
export function formatOnCampaignClock(day, time, offset, { date = true } = {}) {
  const wallClock = Date.parse(`${day}T${time}:00Z`);
  if (Number.isNaN(wallClock)) return `${day} ${time} ${offsetLabel(offset)}`;
  const options = date
    ? { dateStyle: "medium", timeStyle: "short", timeZone: "UTC", hourCycle: "h23" }
    : { hour: "2-digit", minute: "2-digit", timeZone: "UTC", hourCycle: "h23" };
  return `${formatter("date", lang(), options).format(wallClock)} ${offsetLabel(offset)}`;
}

/** A time of day in the viewer's zone, 24-hour, with or without seconds. */
export function formatTime(ms, { seconds = true } = {}) {
  const options = { hour: "2-digit", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}), hour12: false };
  return formatter("date", lang(), options).format(ms);
}

/** A moment with date and seconds, 24-hour, in the viewer's zone ("" for no moment). */
export function formatDateTime(ms) {
  if (!Number.isFinite(ms)) return "";
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

/** "in 3 hours" / "3小时后". */
export function formatRelative(ms, now = Date.now()) {
  const seconds = Math.round((ms - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, "second");
  if (abs < 3600) return format.format(Math.round(seconds / 60), "minute");
  if (abs < 86400 * 2) return format.format(Math.round(seconds / 3600), "hour");
  return format.format(Math.round(seconds / 86400), "day");
}

/** A list of names joined the local way ("a, b and c" / "a、b和c"). */
export function formatList(items) {
  return formatter("list", lang(), { style: "long", type: "conjunction" }).format(items);
}
