// The status line under the player page's headline: open (until when, on
// the campaign's clock and, when it differs, the player's), opening soon
// (when, and how long from now), paused or ended. The status and the
// closing moment come from the core's figures in state.js; this module only
// words them. A change of status while the page is open is announced.
// Uses state.js, i18n.js, campaign-clock.js, errors.js and ui.js.

import { viewerOnCampaignClock } from "./campaign-clock.js";
import { openingText } from "./errors.js";
import { fmtLocal, fmtRelative, offsetLabel, t } from "./i18n.js";
import { state, status } from "./state.js";
import { announce } from "./ui.js";

const $ = (selector) => document.querySelector(selector);

/** The status shown last, to tell a change of status from a refresh. */
let lastStatus = null;

/**
 * "22:00 (UTC+08:00)" and, when the player's zone differs, their own time
 * too: today's closing moment on the campaign's clock, from the core (until
 * the core is in, the campaign's time alone).
 */
function closingText() {
  const window = state.campaign.window ?? {};
  const close = window.closes_at ?? "24:00";
  const campaignTime = `${close} ${offsetLabel(state.campaign.utc_offset)}`;
  const closeUnix = state.calendar?.times?.[1]?.unix;
  if (!Number.isInteger(closeUnix)) return campaignTime;
  const closeMs = closeUnix * 1000;
  if (viewerOnCampaignClock(closeMs) !== false) return campaignTime;
  return `${campaignTime} (${t("yourTime", fmtLocal(closeMs, { date: false }))})`;
}

/** When a scheduled campaign opens: on the player's clock, on the campaign's when it differs, and from now. */
function scheduledDetail() {
  const next = state.clock?.next_open_unix;
  const iso = next !== undefined && next !== null ? new Date(next * 1000).toISOString() : state.campaign.opens_at;
  const ms = Date.parse(iso ?? "");
  if (Number.isNaN(ms)) return "";
  const campaignTime = viewerOnCampaignClock(ms) !== false ? "" : openingText(iso).replace(/^.*\((.*)\)$/, "$1");
  return t("statusScheduledDetail", fmtLocal(ms), campaignTime, fmtRelative(ms, Date.now() + state.skew));
}

/** The status's label and its detail. */
function statusTexts(current) {
  const window = state.campaign.window ?? {};
  switch (current) {
    case "open":
      return {
        label: t("statusOpen"),
        detail:
          (window.opens_at ?? "00:00") === "00:00" && (window.closes_at ?? "24:00") === "24:00"
            ? t("statusOpenAllDay")
            : t("statusOpenDetail", closingText()),
      };
    case "scheduled":
      return { label: t("statusScheduled"), detail: scheduledDetail() };
    case "paused":
      return { label: t("statusPaused"), detail: t("statusPausedDetail") };
    default:
      return { label: t("statusEnded"), detail: t("statusEndedDetail") };
  }
}

export function renderStatus() {
  const element = $(".status");
  const current = status();
  if (!current) return;
  element.hidden = false;
  element.dataset.status = current;
  const { label, detail } = statusTexts(current);
  const labelElement = element.querySelector(".status-label");
  const detailElement = element.querySelector(".status-detail");
  if (labelElement.textContent !== label) labelElement.textContent = label;
  if (detailElement.textContent !== detail) detailElement.textContent = detail;
  // A change of status while the page is open (it opens, pauses, ends) is said aloud; a ticking countdown is not.
  if (lastStatus !== null && lastStatus !== current) announce(`${label}. ${detail}`);
  lastStatus = current;
}
