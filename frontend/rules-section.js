// The player page's "How it works" section: the campaign's days and hours
// (on the player's clock too, from the core's calendar, when their zone
// differs), the draw limits, the pool and what happens to a sold-out prize,
// the pacing, the guarantee, the changed days and who may draw. It words
// the campaign's definition and is redrawn only when what it shows changes.
// campaignRules() and renderRuleList() take what they show as arguments, so
// the console's preview words a draft with them. Uses state.js, i18n.js,
// campaign-clock.js and ui.js.

import { viewerOnCampaignClock } from "./campaign-clock.js";
import { fmtDay, fmtList, lang, offsetLabel, t } from "./i18n.js";
import { prizeName, state } from "./state.js";
import { clear, h } from "./ui.js";

/** What the rules shown were drawn from; a new key redraws them. */
let lastRulesKey = "";

/** Redraws the rules on their next render, whatever the key (after a change of language). */
export function forgetRenderedRules() {
  lastRulesKey = "";
}

/**
 * The words a rule list is written in: the page's own, or a preview's language's.
 * @typedef {{t: (key: string, ...args: unknown[]) => string, fmtDay: typeof fmtDay, fmtList: typeof fmtList}} RuleWords
 */

/** The player page's words, in its language. */
const pageWords = { t, fmtDay, fmtList };

export function renderRules() {
  const campaign = state.campaign;
  const definition = campaign.definition ?? {};
  const viewerHours = state.calendar?.times?.map((time) => time.viewer).join("–") ?? "";
  const key = `${lang()}|${state.odds?.boxes_total}|${viewerHours}|${JSON.stringify(definition)}`;
  if (key === lastRulesKey) return;
  lastRulesKey = key;
  // The same hours on the player's clock (the core's), when their zone differs.
  const sameClock = viewerOnCampaignClock(Date.now()) !== false;
  const rules = campaignRules(campaign, definition, {
    viewerHours: sameClock ? "" : viewerHours,
    boxesTotal: state.odds?.boxes_total,
    prizeName,
    words: pageWords,
  });
  renderRuleList(document.querySelector(".rule-list"), rules);
}

/**
 * The rules of a campaign as [icon, text] pairs: its days and hours, limits,
 * pool, sold-out prizes, pacing, guarantee, changed days and who may draw.
 * `campaign` is the campaign's summary (the API's campaign, or the core's
 * bb_campaign_describe: window, utc_offset, limits, pool, sold_out, pacing,
 * identity, pity), `definition` its definition.
 * @param {any} campaign
 * @param {any} definition
 * @param {{viewerHours: string, boxesTotal?: number | null, prizeName: (id: string) => string, words: RuleWords}} options
 *   viewerHours: the opening hours on the viewer's clock ("" when the same as the campaign's)
 * @returns {string[][]}
 */
export function campaignRules(campaign, definition, { viewerHours, boxesTotal, prizeName, words }) {
  const rules = [
    ...calendarRules(campaign, definition, viewerHours, words),
    ...drawRules(campaign, definition, boxesTotal, prizeName, words),
  ];
  const overrides = Object.keys(definition.date_overrides ?? {}).sort();
  if (overrides.length > 0) {
    const shown = overrides.slice(0, 6).map((day) => words.fmtDay(day, "medium"));
    if (overrides.length > 6) shown.push("…");
    rules.push(["calendar", words.t("rulesOverrides", words.fmtList(shown))]);
  }
  rules.push(["person", campaign.identity === "ticket" ? words.t("rulesTicket") : words.t("rulesOpen")]);
  return rules;
}

/**
 * The rules into a list (the page's .rule-list), one item each with its icon.
 * @param {Element} list
 * @param {string[][]} rules
 */
export function renderRuleList(list, rules) {
  clear(
    list,
    rules.map(([icon, text]) =>
      h(
        "li",
        { class: `rule rule-${icon}` },
        h("span", { class: "rule-icon", "aria-hidden": "true" }),
        h("p", {}, text),
      ),
    ),
  );
}

/** The campaign's days and daily hours, as [icon, text] rules. */
function calendarRules(campaign, definition, viewerHours, { t, fmtDay }) {
  const window = campaign.window ?? definition.window ?? {};
  const zone = offsetLabel(campaign.utc_offset);
  const rules = [["calendar", t("rulesWindow", fmtDay(window.first_day), fmtDay(window.last_day))]];
  const opens = window.opens_at ?? "00:00";
  const closes = window.closes_at ?? "24:00";
  if (opens === "00:00" && closes === "24:00") {
    rules.push(["clock", t("rulesAllDay", zone)]);
  } else {
    rules.push(["clock", t("rulesHours", opens, closes, zone, viewerHours)]);
  }
  return rules;
}

/** The draw limits, the pool, sold-out prizes, the pacing and the guarantee, as [icon, text] rules. */
function drawRules(campaign, definition, boxesTotal, prizeName, { t, fmtList }) {
  const limits = campaign.limits ?? {};
  const rules = [["ticket", t("rulesPerDay", limits.draws_per_day, limits.draws_per_campaign ?? null)]];
  if (campaign.pool === "deck") {
    rules.push(["box", t("rulesPoolDeck", boxesTotal ?? definition.prize_table?.boxes)]);
    rules.push(["chart", `${t("rulesDeck")} ${t("rulesEffective")}`]);
  } else {
    rules.push(["box", t("rulesPoolOdds")]);
    rules.push([
      "chart",
      `${campaign.sold_out === "redistribute" ? t("rulesRedistribute") : t("rulesLose")} ${t("rulesEffective")}`,
    ]);
    rules.push(["pace", campaign.pacing === "even" ? t("rulesPacingEven") : t("rulesPacingNone")]);
  }
  if (campaign.pity) {
    const names = campaign.pity.prizes.map((id) => prizeName(id));
    rules.push(["star", t("rulesPity", campaign.pity.after, fmtList(names))]);
  }
  return rules;
}
