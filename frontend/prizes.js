// The player page's prize cards: picture, name, value and badges, the stock
// bar and the disclosed and effective odds of each prize, from the core's
// odds (bb_odds: {prizes: [{id, name, value?, image?, stock_total,
// stock_left, available, odds: {disclosed, effective}}]}), with the percent
// texts and trends the core writes for them (withOddsTexts: one bb_odds_text
// call per report). The player page draws its prize list with it, and the
// console's preview draws the same cards. Text comes from the caller's `t`
// (the page's language, or the preview's). Uses ui.js (pictures), shared/
// (element builder). A report the core did not annotate (the API's own
// figures when the core could not start) shows its exact fractions ("1/20")
// and no trend: no odds arithmetic here.

import { clear, h, prizePicture } from "./ui.js";

const TRENDS = { lower: "down", same: "same", higher: "up" };

/**
 * `report` (a bb_odds reply) with the core's texts added: `percent` on the
 * disclosed and effective odds of the win and of each prize ("0.0500%"), and
 * `trend` on each prize ("up", "down" or "same": its effective odds against
 * its disclosed ones). One bb_odds_text call for the whole report.
 */
export function withOddsTexts(core, report) {
  const fractionOf = (odds) => odds?.fraction ?? "0/1";
  const sides = (odds) => [odds?.disclosed, odds?.effective];
  const all = [...sides(report.win), ...report.prizes.flatMap((prize) => sides(prize.odds))];
  const texts = core.oddsText({
    shares: all.map(fractionOf),
    pairs: report.prizes.map((prize) => [fractionOf(prize.odds?.effective), fractionOf(prize.odds?.disclosed)]),
  });
  let next = 0;
  const withPercent = (odds) => {
    const percent = texts.shares[next++]?.percent;
    return odds ? { ...odds, percent } : { percent };
  };
  const win = { disclosed: withPercent(report.win?.disclosed), effective: withPercent(report.win?.effective) };
  const prizes = report.prizes.map((prize, index) => ({
    ...prize,
    odds: { disclosed: withPercent(prize.odds?.disclosed), effective: withPercent(prize.odds?.effective) },
    trend: TRENDS[texts.pairs[index]] ?? "same",
  }));
  return { ...report, win, prizes };
}

/** The percent of `odds` ({fraction, decimal, percent?}): the core's text, else the exact fraction. */
export function oddsPercent(odds) {
  return odds?.percent ?? odds?.fraction ?? "–";
}

function trendOf(prize) {
  return prize.trend ?? "same";
}

function oddsPair(kind, label) {
  return h(
    "div",
    { class: `odds-${kind}` },
    h("dt", {}, label),
    h("dd", {}, h("span", { class: "pct", "data-odds": kind }), h("span", { class: "frac" })),
  );
}

/** An empty card for `prize`; fillPrizeCard() puts in the figures. */
export function prizeCard(prize, t) {
  return h(
    "li",
    { class: "prize", "data-testid": "prize-row", "data-prize-id": prize.id },
    prizePicture(prize),
    h(
      "div",
      { class: "prize-main" },
      h("h3", { class: "prize-name" }, prize.name),
      h("p", { class: "prize-meta" }),
      h(
        "div",
        { class: "stock" },
        h("div", { class: "stock-bar", "aria-hidden": "true" }, h("span", { class: "stock-fill" })),
        h("p", { class: "stock-text" }),
      ),
    ),
    h("dl", { class: "odds" }, oddsPair("disclosed", t("oddsDisclosed")), oddsPair("effective", t("oddsEffective"))),
  );
}

function fillOdds(card, kind, odds, t) {
  const fraction = odds?.fraction ?? "0/1";
  const text = oddsPercent(odds);
  const value = card.querySelector(`[data-odds="${kind}"]`);
  if (value.textContent !== text) value.textContent = text;
  value.dataset.fraction = fraction;
  value.title = t("exactly", fraction);
  value.dataset.decimal = odds?.decimal ?? "";
  card.querySelector(`.odds-${kind} .frac`).textContent = fraction;
}

/** Badges, stock and odds of `prize` on its card. `pity`: {ids: Set, after} of the campaign's guarantee, if any. */
export function fillPrizeCard(card, prize, { pity = null, t }) {
  const soldOut = prize.stock_left <= 0;
  const waiting = !soldOut && prize.available === false;
  card.classList.toggle("is-sold-out", soldOut);
  const meta = [];
  if (prize.value) meta.push(h("span", { class: "prize-value" }, prize.value));
  if (pity?.ids.has(prize.id)) meta.push(h("span", { class: "badge badge-accent" }, t("pityBadge", pity.after)));
  if (soldOut) meta.push(h("span", { class: "badge badge-muted" }, t("soldOut")));
  else if (waiting) meta.push(h("span", { class: "badge badge-muted" }, t("notReleased")));
  clear(card.querySelector(".prize-meta"), meta);
  card.querySelector(".prize-meta").hidden = meta.length === 0;
  const total = prize.stock_total ?? 0;
  const left = Math.max(0, prize.stock_left ?? 0);
  card.querySelector(".stock-fill").style.width = `${total > 0 ? (left / total) * 100 : 0}%`;
  card.querySelector(".stock-text").textContent = t("stockLeft", left, total);
  fillOdds(card, "disclosed", prize.odds?.disclosed, t);
  fillOdds(card, "effective", prize.odds?.effective, t);
  card.querySelector(".odds-effective").dataset.trend = trendOf(prize);
}

/**
 * The cards of `prizes` in `list` (a <ul>): rebuilt when `key` changes (other
 * prizes, names, pictures or language), otherwise only their figures change.
 */
export function renderPrizeCards(list, prizes, { key, pity = null, t }) {
  if (list.dataset.key !== key) {
    clear(
      list,
      prizes.map((prize) => prizeCard(prize, t)),
    );
    list.dataset.key = key;
  }
  for (const prize of prizes) {
    const card = list.querySelector(`[data-prize-id="${CSS.escape(prize.id)}"]`);
    if (card) fillPrizeCard(card, prize, { pity, t });
  }
}
