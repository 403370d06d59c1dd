// The forecast's inputs: players per day, draws per player (the campaign's
// daily limit when empty) and the day to simulate (the regular day or one of
// the special dates), with their field errors. Values live in the forecast's
// state `st` (st.players, st.draws, st.day). Uses dom.js and i18n.js.

import { clear, h } from "../dom.js";
import { fmtDay, t } from "../i18n.js";

/** A whole number typed by a person ("10,000", "10 000"), or null outside min..max. */
export function readInt(text, min, max) {
  const trimmed = String(text)
    .trim()
    .replace(/[,_\s]/g, "");
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

/**
 * The campaign's draws per day per player as the core reads `definition` (its
 * JSON text), defaults applied (bb_campaign_describe); null while it is not a
 * valid campaign.
 */
export function dailyLimitOf(core, definition) {
  try {
    return core.describe(definition).limits.draws_per_day;
  } catch {
    return null;
  }
}

function numberInput(id, value, describedBy, onInput) {
  const input = h("input", {
    id,
    type: "text",
    inputmode: "numeric",
    "data-testid": id,
    value,
    autocomplete: "off",
    "aria-describedby": describedBy,
    oninput: () => onInput(input.value),
  });
  return input;
}

/** The inputs for `st`; onChange() after each edit. */
export function createControls(st, onChange) {
  const els = {};
  els.players = numberInput("forecast-players", st.players, "forecast-players-error", (value) => {
    st.players = value;
    onChange();
  });
  els.playersError = h("p", { class: "field-error", id: "forecast-players-error" });
  els.draws = numberInput("forecast-draws", st.draws, "forecast-draws-hint forecast-draws-error", (value) => {
    st.draws = value;
    onChange();
  });
  els.drawsHint = h("p", { class: "hint", id: "forecast-draws-hint" });
  els.drawsError = h("p", { class: "field-error", id: "forecast-draws-error" });
  els.day = h("select", {
    id: "forecast-day",
    "data-testid": "forecast-day",
    onchange: () => {
      st.day = els.day.value;
      onChange();
    },
  });
  const field = (label, ...content) => h("div", { class: "field" }, label, ...content);
  const element = h(
    "div",
    { class: "forecast-controls" },
    field(h("label", { for: "forecast-players" }, t("forecastPlayers")), els.players, els.playersError),
    field(h("label", { for: "forecast-draws" }, t("forecastDraws")), els.draws, els.drawsHint, els.drawsError),
    h("div", { class: "field field-wide" }, h("label", { for: "forecast-day" }, t("forecastDay")), els.day),
  );

  return {
    element,
    /**
     * The draws hint and the day choices for `draft`, whose regular day is
     * `regular` and daily limit `limit` (null while the draft is not valid).
     */
    refresh(draft, regular, limit) {
      els.draws.placeholder = limit === null ? "" : String(limit);
      els.drawsHint.textContent = t("forecastDrawsHint", limit);
      const days = Object.keys(draft.date_overrides ?? {}).sort();
      if (st.day !== "regular" && !days.includes(st.day)) st.day = "regular";
      const key = JSON.stringify([regular, days]);
      if (els.day.dataset.key !== key) {
        clear(
          els.day,
          h("option", { value: "regular" }, t("forecastRegularDay", regular ? fmtDay(regular) : "—")),
          days.map((day) => h("option", { value: day }, t("forecastSpecialDay", fmtDay(day)))),
        );
        els.day.dataset.key = key;
      }
      els.day.value = st.day;
    },
    /** Field errors: {players?, draws?} texts ("" clears). */
    showErrors({ players = "", draws = "" } = {}) {
      els.playersError.textContent = players;
      els.drawsError.textContent = draws;
    },
  };
}
