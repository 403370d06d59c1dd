// The campaign's clock as the player page shows it: whether the viewer's
// zone keeps the campaign's offset at a moment, and a moment written on the
// campaign's clock. The day, time and offset come from the core (bb_calendar
// through state.core); this module only compares the browser's own zone with
// them and formats. Without the core (still loading, or failed) it knows
// nothing and says so (null). Uses state.js and i18n.js.

import { fmtOnCampaignClock } from "./i18n.js";
import { state } from "./state.js";

/** The core's reading of `ms` (unix milliseconds) on the campaign's clock: {today, time, utc_offset_minutes}, or null. */
function reading(ms) {
  if (!state.core || !state.campaign) return null;
  try {
    return state.core.calendar({ utc_offset: state.campaign.utc_offset ?? "Z", now: Math.floor(ms / 1000) });
  } catch {
    return null;
  }
}

const viewerOffsetAt = (ms) => -new Date(ms).getTimezoneOffset();

/** Whether the viewer's zone has the campaign's offset at `ms`; null while the core is not there. */
export function viewerOnCampaignClock(ms) {
  const offset = state.calendar?.utc_offset_minutes ?? reading(ms)?.utc_offset_minutes;
  return offset === undefined ? null : viewerOffsetAt(ms) === offset;
}

/**
 * `ms` on the campaign's clock ("28 Nov 2026, 10:00 UTC+08:00") when the
 * viewer's zone differs from the campaign's there; null when it does not, or
 * while the core is not there.
 */
export function campaignMomentText(ms) {
  const moment = reading(ms);
  if (!moment || viewerOffsetAt(ms) === moment.utc_offset_minutes) return null;
  return fmtOnCampaignClock(moment.today, moment.time, state.campaign.utc_offset);
}
