// The forecast's clock, asked of the core's calendar (bb_calendar through
// loadCore()): the draft's opening hours as seconds, the hour marks inside
// them, the slices of the arrival curve, clock labels of moments after the
// opening, and the regular day to simulate. No date or clock arithmetic here:
// the JavaScript only slices a length into equal parts and looks values up.
// Uses the core wrapper (a loaded `core`) and the shape of a day (day-text.js).

import { isDayText } from "../../shared/day-text.js";

const HOURS = Array.from({ length: 25 }, (_, hour) => `${String(hour).padStart(2, "0")}:00`);
/** At most this many days are skipped looking for a regular day. */
const MAX_SKIPPED_DAYS = 1000;

function calendarOrNull(core, request) {
  try {
    return core.calendar(request);
  } catch {
    return null;
  }
}

/**
 * The draft's opening hours, or null when they are not valid hours or close
 * before they open: {opensAt ("HH:MM"), seconds (its length), hours: the
 * seconds from opening to each whole hour of the day (00:00..24:00, negative
 * before it), hourMarks: [{at ("HH:00"), second}] for the whole hours from
 * opening to closing}. Lengths are differences of the core's Unix times on
 * one day; any fixed offset gives the same, so UTC is asked.
 */
export function openingOf(core, draft) {
  const opensAt = draft?.window?.opens_at ?? "00:00";
  const closesAt = draft?.window?.closes_at ?? "24:00";
  const reply = calendarOrNull(core, { utc_offset: "Z", day: "2000-01-01", times: [opensAt, closesAt, ...HOURS] });
  if (!reply) return null;
  const [open, close, ...hourTimes] = reply.times.map((time) => time.unix);
  if (close <= open) return null;
  const hours = hourTimes.map((unix) => unix - open);
  const hourMarks = hours
    .map((second, hour) => ({ at: HOURS[hour], second }))
    .filter((mark) => mark.second >= 0 && mark.second <= close - open);
  return { opensAt, seconds: close - open, hours, hourMarks };
}

/** The hour of the clock (0..23) a moment `second` after opening falls in. */
const hourAt = (opening, second) => opening.hours.findLastIndex((start, hour) => hour < 24 && start <= second);

/**
 * One slice per opening hour (at most 24), as whole seconds after opening:
 * {start, end, hour (of the clock the start falls in)}. Seconds are rounded
 * down, which keeps the minute labels and the hours those of the exact slice.
 */
export function slicesOf(opening) {
  if (!opening) return [];
  const length = opening.seconds;
  const count = Math.min(24, Math.max(1, Math.ceil(length / 3600)));
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor((length * i) / count);
    const end = Math.floor((length * (i + 1)) / count);
    return { start, end, hour: hourAt(opening, start) };
  });
}

/** "HH:MM" labels of moments `seconds` after the opening, to the nearest minute. */
export function clockLabels(core, opening, seconds) {
  if (!opening || seconds.length === 0) return seconds.map(() => "");
  const reply = calendarOrNull(core, {
    utc_offset: "Z",
    labels: { opens_at: opening.opensAt, seconds_since_open: seconds },
  });
  return reply?.labels ?? seconds.map(() => "");
}

/** Today on the draft's calendar (UTC when its offset is not a valid one). */
function todayOf(core, draft) {
  const offset = draft?.utc_offset ?? "Z";
  const now = Math.floor(Date.now() / 1000);
  return (calendarOrNull(core, { utc_offset: offset, now }) ?? calendarOrNull(core, { utc_offset: "Z", now })).today;
}

/** The regular day to simulate: today if in the window and not a special date, else the first such day. */
export function regularDay(core, draft) {
  const first = draft?.window?.first_day;
  const last = draft?.window?.last_day;
  if (!isDayText(first) || !isDayText(last)) return first ?? "";
  const today = todayOf(core, draft);
  const start = today >= first && today <= last ? today : first;
  const overrides = draft.date_overrides ?? {};
  const span = Math.min(MAX_SKIPPED_DAYS, Object.keys(overrides).length) + 1;
  const days = calendarOrNull(core, { utc_offset: "Z", day: start, span })?.days ?? [start];
  return days.find((day, i) => !overrides[day] || day >= last || i === days.length - 1);
}
