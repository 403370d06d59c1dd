// The forecast's numbers: the runs summed up by the core (bb_forecast through
// loadCore(): exact averages and shares, rounded half up), and the summary
// row above the chart. The JavaScript reads the core's decimal texts; it does
// no averaging of its own. Uses the core wrapper, i18n.js and dom.js.

import { clear, h } from "../dom.js";
import { fmtNumber, t } from "../i18n.js";
import { stat } from "../table-cell.js";

/**
 * The runs so far (bb_simulate replies of one day), summed up by the core:
 * {runs, day, openingSeconds, draws, refused (whole numbers), winRate,
 * playersWhoWon (shares as the core writes them), prizes: [{id, name, stock,
 * meanWon (one decimal, as text), minWon, maxWon, stillInStock (a share),
 * soldOutRuns, medianSoldOut (seconds or null)}]}.
 */
export function summarize(core, results) {
  const summary = core.forecast({ runs: results });
  return {
    runs: summary.runs,
    day: results[0].day,
    openingSeconds: results[0].opening_seconds,
    draws: Number(summary.draws.whole),
    refused: Number(summary.refused.whole),
    winRate: summary.win_rate,
    playersWhoWon: summary.players_who_won,
    prizes: summary.prizes.map((prize) => ({
      id: prize.id,
      name: prize.name,
      stock: prize.stock,
      meanWon: prize.mean_won.decimal,
      minWon: prize.min_won,
      maxWon: prize.max_won,
      stillInStock: prize.still_in_stock,
      soldOutRuns: prize.sold_out_runs,
      medianSoldOut: prize.median_sold_out_seconds,
    })),
  };
}

/** The summary row: win rate, players who won, draws made and (when any) draws refused. */
export function renderSummary(mount, result) {
  clear(
    mount,
    h(
      "dl",
      { class: "stats-row" },
      stat(t("forecastWinRate"), result.winRate.percent_brief, "forecast-win-rate"),
      stat(t("forecastPlayersWon"), result.playersWhoWon.percent_brief),
      stat(t("forecastDrawsMade"), fmtNumber(result.draws)),
      result.refused > 0 ? stat(t("forecastRefused"), fmtNumber(result.refused)) : null,
    ),
  );
}
