// Clock and number formatting for both pages: numbers, percentages (shares
// for the console; the decimal-point shift of percentFromDecimal only where
// the core gave no percent text), UTC offsets, "HH:MM" clock times, calendar
// days and moments. Days, clock times and offsets on a campaign's clock come
// from the core (bb_calendar) and are only formatted here; offsetMinutes,
// minutesOf and clockText serve the console's editor and forecast until they
// take the core's too. Everything formats in the page's locale for the
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

/** A number the local way; `options` are Intl.NumberFormat's. */
export function formatNumber(n, { language = lang(), ...options } = {}) {
  return formatter("number", language, options).format(n);
}

/**
 * A decimal probability as the core writes it ("0.000500000") as a percentage
 * ("0.0500%"), by moving the decimal point two places: no float arithmetic.
 * Rounded half up to `places` digits; a non-zero value that would round to
 * zero keeps all its digits.
 */
export function percentFromDecimal(decimal, places = 4) {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(String(decimal).trim());
  if (!match) return "–";
  const fraction = (match[2] ?? "").padEnd(2, "0");
  const integer = (match[1] + fraction.slice(0, 2)).replace(/^0+(?=\d)/, "");
  const rest = fraction.slice(2);
  if (/^0*$/.test(integer + rest)) return "0%";
  if (/^0+$/.test(integer) && /^0*$/.test(rest.slice(0, places)) && rest.length > places) {
    return `0.${rest.replace(/0+$/, "")}%`;
  }
  return `${roundDigits(integer, rest, places)}%`;
}

/** integer.rest rounded half up to `places` fraction digits, as text. */
function roundDigits(integer, rest, places) {
  const padded = rest.padEnd(places + 1, "0");
  let digits = integer + padded.slice(0, places);
  if (padded[places] >= "5") digits = (BigInt(digits) + 1n).toString().padStart(digits.length, "0");
  const head = digits.slice(0, digits.length - places) || "0";
  return places > 0 ? `${head}.${digits.slice(digits.length - places)}` : head;
}

/** A share (0..1) as a percentage with sensible precision (more digits for small shares). */
export function sharePercent(share, language = lang()) {
  if (!Number.isFinite(share)) return "—";
  const percent = share * 100;
  const digits = percent === 0 || percent >= 10 ? 1 : percent >= 1 ? 2 : percent >= 0.01 ? 3 : 4;
  return `${formatNumber(percent, { language, maximumFractionDigits: digits, minimumFractionDigits: 0 })}%`;
}

// ---------------------------------------------------------------- clock

/** Minutes east of UTC for "+08:00", "-05:30" or "Z" (0 for anything else). */
export function offsetMinutes(offset) {
  if (!offset || offset === "Z") return 0;
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** "UTC+08:00" (or "UTC"). */
export function offsetLabel(offset) {
  return !offset || offset === "Z" || offset === "+00:00" || offset === "-00:00" ? "UTC" : `UTC${offset}`;
}

/** "HH:MM" as minutes after midnight ("24:00" is 1440), or null. */
export function minutesOf(text) {
  const match = /^(\d{2}):(\d{2})$/.exec(text ?? "");
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 && Number(match[2]) < 60 ? minutes : null;
}

/** Minutes after midnight as "HH:MM". */
export function clockText(minutes) {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
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
