// Table cells the console's data tables share (the forecast, the winners):
// one block of content per cell, so phones can stack a row as
// "label | content". Uses dom.js only.

import { h } from "./dom.js";

/** A table cell whose content is one block, labelled for the stacked phone layout. */
export function cell(label, ...content) {
  return h("td", { "data-label": label }, h("div", { class: "cell" }, ...content));
}

/** A cell of a numeric column (right-aligned). */
export function numberCell(label, ...content) {
  const td = cell(label, ...content);
  td.classList.add("num");
  return td;
}

/** One figure of a stats row: <div class="stat"><dt>label</dt><dd>value</dd></div>. */
export function stat(label, value, testid) {
  return h("div", { class: "stat" }, h("dt", {}, label), h("dd", { "data-testid": testid }, value));
}
