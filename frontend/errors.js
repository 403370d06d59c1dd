// API errors as messages for players, in their language.

import { campaignMomentText } from "./campaign-clock.js";
import { t, fmtLocal } from "./i18n.js";
import { state } from "./state.js";

/** When a campaign opens, in the player's time and (if different, and the core is in) the campaign's. */
export function openingText(iso) {
  const ms = Date.parse(iso ?? "");
  if (Number.isNaN(ms)) return "";
  const local = fmtLocal(ms);
  const onCampaignClock = state.campaign?.utc_offset ? campaignMomentText(ms) : null;
  return onCampaignClock ? `${local} (${onCampaignClock})` : local;
}

/** The message for an API error object {code, message, field, ...}. */
export function errorText(error) {
  const definition = state.campaign?.definition;
  switch (error?.code) {
    case "draw_limit_reached":
      return error.limit === "campaign"
        ? t("errCampaignLimit", error.draws_per_campaign ?? definition?.limits?.draws_per_campaign)
        : t("errDailyLimit", error.draws_per_day ?? definition?.limits?.draws_per_day);
    case "campaign_not_open":
      if (error.status === "paused") return t("errPaused");
      if (error.status === "ended") return t("errEnded");
      return t("errScheduled", openingText(error.opens_at));
    case "rate_limited":
      return t("errRateLimited");
    case "invalid_ticket":
      return t("errInvalidTicket");
    case "boxes_exhausted":
      return t("errBoxesExhausted");
    case "campaign_not_found":
      return t("errCampaignNotFound");
    case "claim_not_found":
      return t("errClaimNotFound");
    case "invalid_request":
    case "payload_too_large":
    case "unsupported_media_type":
      return t("errInvalidRequest", error.message);
    case "network":
      return t("errNetwork");
    default:
      return t("errInternal");
  }
}
