// The live page's table of days, newest first: draws, players, wins and
// claims (with the claimed share of wins, formatted for the operator's
// language). Uses dom.js, i18n.js and the shared table head.

import { tableHead } from "../../shared/element.js";
import { clear, h } from "../dom.js";
import { fmtDay, fmtNumber, fmtWholePercent, t } from "../i18n.js";
import { claimedOf } from "./stock.js";

function dayRow(d) {
  const claimed = claimedOf(d.prizes);
  return h(
    "tr",
    { "data-testid": "dashboard-day-row", "data-day": d.day },
    h("th", { scope: "row", "data-label": t("colDay") }, fmtDay(d.day)),
    h("td", { class: "num", "data-label": t("statDraws") }, fmtNumber(d.draws)),
    h("td", { class: "num", "data-label": t("statPlayers") }, fmtNumber(d.players)),
    h("td", { class: "num", "data-label": t("statWins") }, fmtNumber(d.wins)),
    h(
      "td",
      { class: "num", "data-label": t("statClaimed") },
      fmtNumber(claimed),
      d.wins > 0 ? h("span", { class: "small muted" }, ` (${fmtWholePercent(claimed, d.wins)})`) : null,
    ),
  );
}

/** The stats' days (newest first), or a note that there are none. */
export function renderDays(mount, statsDays) {
  const days = [...(statsDays ?? [])].sort((a, b) => (a.day < b.day ? 1 : -1));
  if (days.length === 0) {
    clear(mount, h("p", { class: "muted" }, t("noDays")));
    return;
  }
  clear(
    mount,
    h(
      "table",
      { class: "data-table days-table", "data-testid": "dashboard-days" },
      h("caption", { class: "visually-hidden" }, t("perDay")),
      tableHead([
        t("colDay"),
        { label: t("statDraws"), numeric: true },
        { label: t("statPlayers"), numeric: true },
        { label: t("statWins"), numeric: true },
        { label: t("statClaimed"), numeric: true },
      ]),
      h("tbody", {}, days.map(dayRow)),
    ),
  );
}
