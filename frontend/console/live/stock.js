// The live page's figures of today: draws, players, wins and claims, and
// per prize the stock left with a meter (empty, low under a fifth). Shares
// are exact integer ratios (shared/format.js), not floats. Uses dom.js,
// i18n.js and the console's table cells.

import { clear, h } from "../dom.js";
import { fmtDay, fmtNumber, t } from "../i18n.js";
import { stat } from "../table-cell.js";

/** Prizes claimed over a day's prize rows. */
export const claimedOf = (prizes) => (prizes ?? []).reduce((sum, p) => sum + (p.claimed ?? 0), 0);

/** Today's figures (the admin view's `today`). */
export function renderToday(mount, today) {
  clear(
    mount,
    h("p", { class: "label" }, t("todayIs", fmtDay(today.day))),
    h(
      "dl",
      { class: "stats-row" },
      stat(t("statDraws"), fmtNumber(today.draws ?? 0), "today-draws"),
      stat(t("statPlayers"), fmtNumber(today.players ?? 0), "today-players"),
      stat(t("statWins"), fmtNumber(today.wins ?? 0), "today-wins"),
      stat(t("statClaimed"), fmtNumber(claimedOf(today.prizes)), "today-claimed"),
    ),
  );
}

function meterClass(left, total) {
  if (total <= 0 || left === 0) return "meter meter-empty";
  return left * 5 < total ? "meter meter-low" : "meter ";
}

function stockRow(p) {
  const leftText = t("stockLeft", fmtNumber(p.stock_left), fmtNumber(p.stock_total));
  const width = p.stock_total > 0 ? `${((p.stock_left / p.stock_total) * 100).toFixed(1)}%` : "0.0%";
  return h(
    "li",
    {
      class: "stock-row",
      "data-testid": "dashboard-stock-row",
      "data-prize-id": p.id,
      "data-stock-left": String(p.stock_left),
      "data-stock-total": String(p.stock_total),
    },
    h(
      "div",
      { class: "stock-text" },
      h("span", { class: "stock-name" }, p.name),
      h("span", { class: "stock-count" }, leftText),
    ),
    h(
      "div",
      {
        class: meterClass(p.stock_left, p.stock_total),
        role: "meter",
        "aria-valuemin": "0",
        "aria-valuemax": String(p.stock_total),
        "aria-valuenow": String(p.stock_left),
        "aria-label": t("stockMeter", p.name),
        "aria-valuetext": leftText,
      },
      h("span", { class: "meter-fill", style: `width:${width}` }),
    ),
    h("p", { class: "small muted" }, t("wonClaimed", fmtNumber(p.issued), fmtNumber(p.claimed))),
  );
}

/** Today's stock per prize. */
export function renderStock(mount, prizes) {
  if (prizes.length === 0) {
    clear(mount, h("p", { class: "muted" }, t("noPrizesToday")));
    return;
  }
  clear(mount, h("ul", { class: "stock-list", role: "list" }, prizes.map(stockRow)));
}
