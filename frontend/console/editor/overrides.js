// The editor's date overrides: a prize table for one day that replaces the
// regular one on that day. Listed by day, each with its own table (prizes.js)
// and a remove button; a new one starts as a copy of the regular table. The
// editor's state comes in `ctx`.

import { isDayText } from "../../shared/day-text.js";
import { announce, focusElement, h } from "../dom.js";
import { fmtDay, t } from "../i18n.js";
import * as ptr from "../pointer.js";
import { clone } from "../campaign.js";
import { errorSlot } from "./fields.js";
import { renderPity } from "./pity.js";
import { prizeTable } from "./prizes.js";

/** Redraws the overrides after one came or went, and the guarantee's list of prizes. */
function redraw(ctx) {
  const sectionEl = ctx.els.form.querySelector("[data-section=overrides]");
  sectionEl.querySelector(".overrides").replaceWith(overridesBlock(ctx));
  renderPity(ctx);
  ctx.changed("form");
  return sectionEl;
}

function addOverride(ctx, dateInput, dateError) {
  const { ed } = ctx;
  const day = dateInput.value;
  dateError.textContent = "";
  if (!isDayText(day)) {
    dateError.textContent = t("overrideNeedsDate");
    dateInput.focus();
    return;
  }
  if (ed.draft.date_overrides?.[day]) {
    dateError.textContent = t("overrideExists", fmtDay(day));
    dateInput.focus();
    return;
  }
  const copy = clone(ed.draft.prize_table ?? { prizes: [] });
  ed.draft.date_overrides = { ...(ed.draft.date_overrides ?? {}), [day]: copy };
  ed.touched.add(`/date_overrides/${day}`);
  const sectionEl = redraw(ctx);
  announce(t("overrideAdded", fmtDay(day)));
  focusElement(sectionEl.querySelector(`[data-override="${day}"] h4`));
}

function removeOverride(ctx, day) {
  const { ed } = ctx;
  delete ed.draft.date_overrides[day];
  if (Object.keys(ed.draft.date_overrides).length === 0) delete ed.draft.date_overrides;
  const sectionEl = redraw(ctx);
  announce(t("overrideRemoved", fmtDay(day)));
  focusElement(sectionEl.querySelector("#override-date"), { scroll: false });
}

function overrideDay(ctx, day) {
  return h(
    "div",
    { class: "override", "data-override": day },
    h(
      "div",
      { class: "override-head" },
      h("h4", { tabindex: "-1" }, fmtDay(day), " ", h("code", { class: "small muted" }, day)),
      h(
        "button",
        {
          type: "button",
          class: "button button-ghost button-small button-danger-ghost",
          "data-testid": `remove-override-${day}`,
          onclick: () => removeOverride(ctx, day),
        },
        t("removeDate"),
        h("span", { class: "visually-hidden" }, ` ${fmtDay(day)}`),
      ),
    ),
    prizeTable(ctx, ptr.join("/date_overrides", day), fmtDay(day)),
  );
}

/** The list of overrides and the form that adds one. */
export function overridesBlock(ctx) {
  const overrides = ctx.ed.draft.date_overrides;
  const days = overrides && typeof overrides === "object" ? Object.keys(overrides).sort() : [];
  const dateInput = h("input", {
    type: "date",
    id: "override-date",
    "data-testid": "override-date",
    "aria-describedby": "override-date-error",
  });
  const dateError = h("p", { class: "field-error", id: "override-date-error", role: "alert" });
  return h(
    "div",
    { class: "overrides", "data-pointer": "/date_overrides", "data-label": t("secOverrides") },
    errorSlot("/date_overrides"),
    days.length === 0 ? h("p", { class: "muted" }, t("noOverrides")) : null,
    days.map((day) => overrideDay(ctx, day)),
    h(
      "div",
      { class: "override-add" },
      h("div", { class: "field" }, h("label", { for: "override-date" }, t("overrideDate")), dateInput, dateError),
      h(
        "button",
        {
          type: "button",
          class: "button button-secondary",
          "data-testid": "add-override",
          onclick: () => addOverride(ctx, dateInput, dateError),
        },
        t("addOverride"),
      ),
      h("p", { class: "hint" }, t("overrideCopyHint")),
    ),
  );
}
