// The forecast's timeline (inline SVG): per prize a bar over the opening
// hours, cut at its typical sell-out time when most runs sell it out, with a
// marker there; whole hours on the axis. Positions are percentages of the
// opening's length (drawing only); clock labels and hour marks come from the
// core's calendar (opening.js). Uses dom.js and i18n.js.

import { h } from "../dom.js";
import { t } from "../i18n.js";

const ROW = 46;
const TOP = 6;
const AXIS = 26;
const NAME_LENGTH = 34;

/** How many of `runs` runs a share of runs (the core's "k/n") stands for. */
function runsOf(share, runs) {
  const [numerator, denominator] = share.fraction.split("/").map(Number);
  return denominator ? (numerator * runs) / denominator : numerator * runs;
}

function prizeLines(prize, i, runs, soldOutAt, x) {
  const y = TOP + i * ROW;
  const usuallyGone = prize.soldOutRuns * 2 > runs && prize.medianSoldOut !== null;
  const note = usuallyGone ? t("chartGone", soldOutAt) : t("chartLasts", runsOf(prize.stillInStock, runs), runs);
  const name = prize.name.length > NAME_LENGTH ? `${prize.name.slice(0, NAME_LENGTH - 1)}…` : prize.name;
  const lines = [
    h(
      "svg:text",
      { x: "0", y: y + 14, class: "chart-name" },
      h("svg:tspan", { class: "chart-prize" }, name),
      h("svg:tspan", { class: usuallyGone ? "chart-note gone" : "chart-note" }, `  ${note}`),
    ),
    h("svg:rect", { x: "0", y: y + 22, width: "100%", height: 12, rx: 6, class: "chart-track" }),
    h("svg:rect", {
      x: "0",
      y: y + 22,
      width: usuallyGone ? x(prize.medianSoldOut) : "100%",
      height: 12,
      rx: 6,
      class: usuallyGone ? "chart-bar gone" : "chart-bar",
    }),
  ];
  if (prize.medianSoldOut !== null) {
    const at = x(prize.medianSoldOut);
    lines.push(
      h("svg:line", { x1: at, x2: at, y1: y + 18, y2: y + 38, class: "chart-marker" }),
      h("svg:circle", { cx: at, cy: y + 28, r: 5, class: "chart-dot" }),
    );
  }
  return { lines, description: `${prize.name}: ${note}` };
}

function axisLines(opening, y, x) {
  const marks = opening.hourMarks;
  const step = Math.max(1, Math.ceil(marks.length / 7));
  const lines = [h("svg:line", { x1: "0", x2: "100%", y1: y + 2, y2: y + 2, class: "chart-axis" })];
  marks.forEach((mark, i) => {
    const at = x(mark.second);
    lines.push(h("svg:line", { x1: at, x2: at, y1: y, y2: y + 6, class: "chart-axis" }));
    if (i % step === 0) {
      const anchor = mark.second === 0 ? "start" : mark.second === opening.seconds ? "end" : "middle";
      lines.push(h("svg:text", { x: at, y: y + 20, class: "chart-tick", "text-anchor": anchor }, mark.at));
    }
  });
  return lines;
}

/** The timeline of `result`; `opening` from openingOf (or null), `soldOutAt[i]` prize i's sell-out label. */
export function timeline(result, opening, soldOutAt) {
  const length = result.openingSeconds || opening?.seconds || 1;
  const x = (seconds) => `${Math.max(0, Math.min(100, (seconds / length) * 100)).toFixed(2)}%`;
  const lines = [];
  const descriptions = [];
  result.prizes.forEach((prize, i) => {
    const drawn = prizeLines(prize, i, result.runs, soldOutAt[i], x);
    lines.push(...drawn.lines);
    descriptions.push(drawn.description);
  });
  if (opening) lines.push(...axisLines(opening, TOP + result.prizes.length * ROW, x));
  return h(
    "svg:svg",
    {
      class: "timeline",
      width: "100%",
      height: TOP + result.prizes.length * ROW + AXIS,
      role: "img",
      "aria-label": `${t("chartTitle")}: ${descriptions.join("; ")}`,
      "data-testid": "forecast-chart",
    },
    lines,
  );
}
