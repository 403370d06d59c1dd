// The forecast's table: per prize its stock, expected winners (with the
// range over the runs), the chance it is still in stock at closing and its
// typical sell-out time. Figures come summed up by the core (summary.js);
// clock labels are given. Uses dom.js, i18n.js and the shared table head.

import { tableHead } from "../../shared/element.js";
import { clear, h } from "../dom.js";
import { fmtDay, fmtNumber, t } from "../i18n.js";
import { cell, numberCell } from "../table-cell.js";

function prizeRow(prize, runs, soldOutAt) {
  const still = prize.stillInStock;
  return h(
    "tr",
    {
      "data-testid": "forecast-row",
      "data-prize-id": prize.id,
      "data-still-in-stock": still.decimal_brief,
      "data-expected-winners": prize.meanWon,
      "data-sold-out-at": soldOutAt,
      "data-sold-out-runs": String(prize.soldOutRuns),
    },
    h("th", { scope: "row" }, prize.name, h("span", { class: "block small muted" }, prize.id)),
    numberCell(t("colStock"), fmtNumber(prize.stock)),
    numberCell(
      t("colExpectedWinners"),
      fmtNumber(Number(prize.meanWon)),
      prize.minWon !== prize.maxWon
        ? h("span", { class: "block small muted" }, t("range", fmtNumber(prize.minWon), fmtNumber(prize.maxWon)))
        : null,
    ),
    numberCell(t("colStillInStock"), still.percent_whole),
    cell(
      t("colSoldOut"),
      soldOutAt || "—",
      h(
        "span",
        { class: "block small muted" },
        prize.soldOutRuns > 0 ? t("soldOutRuns", prize.soldOutRuns, runs) : t("neverSoldOut"),
      ),
    ),
  );
}

/** The table of `result` in `mount`; `soldOutAt[i]`: the clock label of prize i's typical sell-out, or "". */
export function renderTable(mount, result, soldOutAt) {
  clear(
    mount,
    h(
      "table",
      { class: "data-table forecast-table stack-on-phone", "data-testid": "forecast-table" },
      h("caption", { class: "visually-hidden" }, t("forecastTableCaption", fmtDay(result.day), result.runs)),
      tableHead([
        t("colPrize"),
        { label: t("colStock"), numeric: true },
        { label: t("colExpectedWinners"), numeric: true },
        { label: t("colStillInStock"), numeric: true },
        t("colSoldOut"),
      ]),
      h(
        "tbody",
        {},
        result.prizes.map((prize, i) => prizeRow(prize, result.runs, soldOutAt[i])),
      ),
    ),
  );
}
