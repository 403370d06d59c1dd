// The campaign's figures now, as the player page shows them: its clock
// (status, day, next opening), today's odds and today's calendar, computed
// by the browser's copy of the core (bb_clock, bb_odds, bb_calendar through
// state.core) and kept in state.js. Without the core the API's own odds
// figures stand in. Uses state.js and prizes.js (the odds' texts).

import { withOddsTexts } from "./prizes.js";
import { nowSeconds, state } from "./state.js";

/** Status and odds now, from the core; the API's own figures if the core could not load. */
export function computeStatusAndOdds() {
  const campaign = state.campaign;
  if (!campaign) return;
  if (state.core) {
    try {
      const now = nowSeconds();
      const clock = state.core.clock(campaign.definition, { now, paused: campaign.status === "paused" });
      // A snapshot of another day says nothing of today's stock (the day may have turned since).
      const sameDay = campaign.stock?.day === clock.day;
      const odds = state.core.odds(campaign.definition, {
        now,
        issued: sameDay ? (campaign.stock.issued ?? {}) : {},
        boxes_opened: sameDay ? (campaign.stock.boxes_opened ?? 0) : 0,
      });
      state.odds = withOddsTexts(state.core, odds);
      state.calendar = campaignCalendar(now);
      state.clock = clock;
      return;
    } catch (error) {
      state.coreFailed = true;
      state.coreError = error;
      state.core = null;
    }
  }
  state.clock = null;
  state.calendar = null;
  if (!state.coreFailed) {
    state.odds = null; // the core is still loading: the prizes wait for it
    return;
  }
  state.odds = {
    day: campaign.day,
    pool: campaign.pool,
    prizes: campaign.prizes,
    win: campaign.win_odds,
    boxes_total: campaign.boxes_total,
    boxes_left: campaign.boxes_left,
    fromApi: true,
  };
}

/**
 * Today on the campaign's clock (bb_calendar): its opening and closing times
 * as moments and on the viewer's clock, and the campaign's offset in minutes.
 * @param {number} now unix seconds
 */
function campaignCalendar(now) {
  const window = state.campaign.window ?? state.campaign.definition?.window ?? {};
  return state.core.calendar({
    utc_offset: state.campaign.utc_offset ?? "Z",
    now,
    times: [window.opens_at ?? "00:00", window.closes_at ?? "24:00"],
    viewer_offset_minutes: -new Date(now * 1000).getTimezoneOffset(),
  });
}
