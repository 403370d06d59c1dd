// What a calendar day looks like as text, "YYYY-MM-DD", for the pages and the
// Worker (host/src/routes/winners.ts imports it): the shape only. Whether it
// is a real day of a campaign's calendar is the core's to say (bb_calendar,
// bb_validate). No imports.

export const DAY_TEXT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `text` has the shape of a day, "YYYY-MM-DD".
 * @param {unknown} text
 * @returns {text is string}
 */
export function isDayText(text) {
  return typeof text === "string" && DAY_TEXT_PATTERN.test(text);
}

/**
 * The numbers of a day's text, or null when it is not shaped as one.
 * @param {unknown} text
 * @returns {{year: number, month: number, day: number} | null}
 */
export function dayTextParts(text) {
  const match = typeof text === "string" ? DAY_TEXT_PATTERN.exec(text) : null;
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}
