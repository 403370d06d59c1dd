// The player page's prizes section: one card per prize with its odds, the
// chance to win anything (as disclosed and as in effect today), the boxes
// left, and where and when the figures come from. The figures are the core's
// (state.odds, from status-and-odds.js), or the API's when the core could not
// start; until either is in, a spinner. Uses state.js, i18n.js, prizes.js
// and ui.js.

import { fmtDay, fmtLocal, lang, t } from "./i18n.js";
import { oddsPercent, renderPrizeCards } from "./prizes.js";
import { state } from "./state.js";
import { clear, h } from "./ui.js";

const $ = (selector) => document.querySelector(selector);

export function renderPrizes() {
  const odds = state.odds;
  const list = $(".prize-list");
  if (!odds) {
    showOddsLoading(list);
    return;
  }
  const key = `${lang()}|${odds.day}|${odds.prizes.map((p) => `${p.id}:${p.name}:${p.image ?? ""}:${p.value ?? ""}`).join(",")}`;
  const pity = state.campaign.pity
    ? { ids: new Set(state.campaign.pity.prizes), after: state.campaign.pity.after }
    : null;
  renderPrizeCards(list, odds.prizes, { key, pity, t });
  // Where the figures come from: the browser's core, or the API's (when the core could not start).
  list.dataset.oddsSource = odds.fromApi ? "api" : "core";

  $(".prizes-day").textContent = t("prizesToday", fmtDay(odds.day));
  renderWinTotal(odds);

  const asOf = Date.parse(state.campaign.stock_as_of ?? "");
  const note = [Number.isNaN(asOf) ? t("stockFresh") : t("stockAsOf", fmtLocal(asOf, { date: false }))];
  if (odds.fromApi) note.push(" ", t("coreFailed"));
  $(".prizes-note").textContent = note.join("");
}

function showOddsLoading(list) {
  if (list.dataset.key === "loading") return;
  clear(
    list,
    h("li", { class: "prize-loading muted" }, h("span", { class: "spinner", "aria-hidden": "true" }), t("oddsLoading")),
  );
  list.dataset.key = "loading";
}

/** One of the two chances to win anything ("disclosed" or "effective"), as a percent with its exact fraction. */
function winChance(which, label, chance) {
  return h(
    "p",
    {},
    h("span", { class: "label" }, t(label)),
    h(
      "strong",
      {
        "data-odds-total": which,
        "data-fraction": chance?.fraction,
        title: t("exactly", chance?.fraction ?? ""),
      },
      oddsPercent(chance),
    ),
  );
}

/** The chance to win anything, as disclosed and as in effect today, and the boxes left. */
function renderWinTotal(odds) {
  const win = odds.win ?? {};
  const parts = [
    h("p", { class: "win-total-label" }, t("winAny")),
    h(
      "div",
      { class: "win-total-values" },
      winChance("disclosed", "oddsDisclosed", win.disclosed),
      winChance("effective", "oddsEffective", win.effective),
    ),
  ];
  if (odds.boxes_total !== undefined && odds.boxes_total !== null) {
    parts.push(h("p", { class: "boxes-left" }, t("boxesLeft", odds.boxes_left, odds.boxes_total)));
  }
  clear($(".win-total"), parts);
}
