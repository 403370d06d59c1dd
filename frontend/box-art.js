// The drawn blind box: the player page's stage shows it (and animates its
// lid, sparkles and dust by class, styles.css), the console's preview shows
// the same picture still. One copy of the drawing, built as SVG elements.
// Uses shared/element.js.

import { h } from "./shared/element.js";

/** A vertical or horizontal shade over the box, as an SVG gradient. */
function shade(id, [x2, y2], stops) {
  return h(
    "svg:linearGradient",
    { id, x1: "0", x2, y1: "0", y2 },
    stops.map(([offset, color, opacity]) => h("svg:stop", { offset, "stop-color": color, "stop-opacity": opacity })),
  );
}

/** The box's picture (class "box-art"), its parts named for the stage's animations. */
export function boxArt() {
  return h(
    "svg:svg",
    { class: "box-art", viewBox: "0 0 240 230", focusable: "false" },
    h(
      "svg:defs",
      {},
      shade(
        "box-shade",
        ["1", "0"],
        [
          ["0", "#fff", ".18"],
          [".55", "#fff", "0"],
          ["1", "#000", ".22"],
        ],
      ),
      shade(
        "lid-shade",
        ["0", "1"],
        [
          ["0", "#fff", ".25"],
          ["1", "#000", ".12"],
        ],
      ),
    ),
    h("svg:ellipse", { class: "box-shadow", cx: "120", cy: "214", rx: "84", ry: "10" }),
    h(
      "svg:g",
      { class: "box-body" },
      h("svg:rect", { class: "box-fill", x: "40", y: "96", width: "160", height: "112", rx: "10" }),
      h("svg:rect", { x: "40", y: "96", width: "160", height: "112", rx: "10", fill: "url(#box-shade)" }),
      h("svg:rect", { class: "box-ribbon", x: "108", y: "96", width: "24", height: "112" }),
      h("svg:rect", { class: "box-inside", x: "44", y: "96", width: "152", height: "10", rx: "3" }),
      h(
        "svg:g",
        { class: "box-mark" },
        h("svg:circle", { cx: "74", cy: "152", r: "17" }),
        h("svg:text", { x: "74", y: "160", "text-anchor": "middle" }, "?"),
      ),
    ),
    h(
      "svg:g",
      { class: "box-lid" },
      h("svg:rect", { class: "box-fill lid-fill", x: "30", y: "72", width: "180", height: "32", rx: "8" }),
      h("svg:rect", { x: "30", y: "72", width: "180", height: "32", rx: "8", fill: "url(#lid-shade)" }),
      h("svg:rect", { class: "box-ribbon", x: "108", y: "72", width: "24", height: "32" }),
      h("svg:path", {
        class: "box-bow",
        d: "M120 72c-8-26-44-30-44-10 0 12 22 13 44 10zm0 0c8-26 44-30 44-10 0 12-22 13-44 10z",
      }),
      h("svg:circle", { class: "box-bow knot", cx: "120", cy: "70", r: "8" }),
    ),
    h(
      "svg:g",
      { class: "box-sparkles" },
      h("svg:path", { d: "M28 40l4 10 10 4-10 4-4 10-4-10-10-4 10-4z" }),
      h("svg:path", { d: "M206 30l3 7 7 3-7 3-3 7-3-7-7-3 7-3z" }),
      h("svg:path", { d: "M214 120l2 5 5 2-5 2-2 5-2-5-5-2 5-2z" }),
    ),
    h(
      "svg:g",
      { class: "box-dust" },
      h("svg:circle", { cx: "96", cy: "84", r: "7" }),
      h("svg:circle", { cx: "120", cy: "76", r: "9" }),
      h("svg:circle", { cx: "146", cy: "84", r: "6" }),
    ),
  );
}
