// The forecast's arrival curve: a preset (even, morning, lunch and evening,
// evening, custom) and one bar per slice of the opening hours, set with the
// keyboard (a slider per bar) or by dragging. Weights live in the forecast's
// state `st` (st.preset, st.weights) so they survive a re-render. Slice
// labels are given (the core's, opening.js). Uses dom.js and i18n.js.

import { clear, h } from "../dom.js";
import { t } from "../i18n.js";

export const MAX_WEIGHT = 10;

// Relative arrivals per hour of the clock (0-23), 0..10.
export const PRESETS = {
  even: Array(24).fill(5),
  morning: [1, 1, 1, 1, 1, 1, 2, 4, 7, 10, 10, 8, 6, 4, 3, 3, 3, 3, 3, 2, 2, 2, 1, 1],
  lunch_evening: [1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 4, 7, 10, 8, 4, 3, 3, 4, 7, 10, 9, 6, 3, 1],
  evening: [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 5, 7, 9, 10, 10, 7, 3],
};

/** The weights of a preset for slices starting in the given hours of the clock. */
export const presetWeights = (preset, slices) => slices.map((slice) => (PRESETS[preset] ?? PRESETS.even)[slice.hour]);

const heightOf = (value) => `height:${(value / MAX_WEIGHT) * 100}%`;

function barColumn(value, i, focusIndex, range, label) {
  const bar = h(
    "div",
    {
      class: "arrival-bar",
      role: "slider",
      tabindex: i === focusIndex ? "0" : "-1",
      "aria-label": t("arrivalBar", range),
      "aria-valuemin": "0",
      "aria-valuemax": String(MAX_WEIGHT),
      "aria-valuenow": String(value),
      "aria-valuetext": t("arrivalValue", value, MAX_WEIGHT),
      "data-index": i,
    },
    h("span", { class: "arrival-fill", style: heightOf(value) }),
  );
  return h("div", { class: "arrival-col" }, bar, h("span", { class: "arrival-label", "aria-hidden": "true" }, label));
}

/**
 * The preset select and the bars, for the forecast's state `st`. onChange()
 * after the user changes a weight or the preset. `mount`: the card, whose
 * key and pointer events reach the bars.
 */
class ArrivalCurve {
  constructor(mount, st, onChange) {
    this.st = st;
    this.onChange = onChange;
    this.slices = [];
    this.labels = { starts: [], ends: [] };
    this.preset = h(
      "select",
      { id: "forecast-arrival", "data-testid": "forecast-arrival", onchange: () => this.pickPreset() },
      ["even", "morning", "lunch_evening", "evening", "custom"].map((p) => h("option", { value: p }, t(`preset_${p}`))),
    );
    this.bars = h("div", {
      class: "arrival-bars",
      "data-testid": "forecast-arrival-bars",
      role: "group",
      "aria-labelledby": "arrival-title",
      "aria-describedby": "arrival-help",
    });
    const moves = {
      setWeight: (index, value) => this.setWeight(index, value),
      moveFocus: (index) => this.moveFocus(index),
    };
    listenToKeys(mount, st, moves);
    listenToPointer(mount, this.bars, moves);
  }

  pickPreset() {
    this.st.preset = this.preset.value;
    if (this.st.preset !== "custom") this.st.weights = presetWeights(this.st.preset, this.slices);
    this.render();
    this.onChange();
  }

  render() {
    const { st, slices, labels, bars } = this;
    this.preset.value = st.preset;
    if (slices.length === 0) {
      clear(bars, h("p", { class: "muted small" }, t("arrivalNoHours")));
      return;
    }
    const labelEvery = slices.length > 16 ? 4 : slices.length > 8 ? 2 : 1;
    let focusIndex = Number(bars.dataset.focus ?? 0);
    if (focusIndex >= slices.length) focusIndex = 0;
    const columns = slices.map((_, i) => {
      const range = `${labels.starts[i]}–${labels.ends[i]}`;
      return barColumn(st.weights[i], i, focusIndex, range, i % labelEvery === 0 ? labels.starts[i] : "");
    });
    clear(bars, columns);
  }

  setWeight(index, value) {
    const { st } = this;
    const clamped = Math.max(0, Math.min(MAX_WEIGHT, Math.round(value)));
    if (st.weights[index] === clamped) return;
    st.weights[index] = clamped;
    if (st.preset !== "custom") {
      st.preset = "custom";
      this.preset.value = "custom";
    }
    const bar = this.bars.querySelector(`[data-index="${index}"]`);
    if (bar) {
      bar.setAttribute("aria-valuenow", String(clamped));
      bar.setAttribute("aria-valuetext", t("arrivalValue", clamped, MAX_WEIGHT));
      /** @type {HTMLElement} */ (bar.firstChild).style.height = `${(clamped / MAX_WEIGHT) * 100}%`;
    }
    this.onChange();
  }

  moveFocus(index) {
    const all = /** @type {HTMLElement[]} */ ([...this.bars.querySelectorAll(".arrival-bar")]);
    const target = all[Math.max(0, Math.min(all.length - 1, index))];
    if (!target) return;
    for (const bar of all) bar.tabIndex = -1;
    target.tabIndex = 0;
    this.bars.dataset.focus = target.dataset.index;
    target.focus();
  }

  /** New slices (opening.js) with their start and end labels. */
  setSlices(slices, labels) {
    this.slices = slices;
    this.labels = labels;
  }

  /** The weights of the preset (even instead of custom) for the current slices. */
  resetWeights() {
    if (this.st.preset === "custom") this.st.preset = "even";
    this.st.weights = presetWeights(this.st.preset, this.slices);
  }
}

/** The arrival curve of the forecast card `mount`: {preset, bars, render, setSlices, resetWeights}. */
export function createArrival(mount, st, onChange) {
  return new ArrivalCurve(mount, st, onChange);
}

function listenToKeys(mount, st, { setWeight, moveFocus }) {
  mount.addEventListener("keydown", (event) => {
    const bar = event.target.closest?.(".arrival-bar");
    if (!bar) return;
    const index = Number(bar.dataset.index);
    const value = st.weights[index];
    const keys = {
      ArrowUp: () => setWeight(index, value + 1),
      ArrowDown: () => setWeight(index, value - 1),
      PageUp: () => setWeight(index, value + 3),
      PageDown: () => setWeight(index, value - 3),
      Home: () => setWeight(index, 0),
      End: () => setWeight(index, MAX_WEIGHT),
      ArrowRight: () => moveFocus(index + 1),
      ArrowLeft: () => moveFocus(index - 1),
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });
}

function listenToPointer(mount, bars, { setWeight, moveFocus }) {
  let dragging = false;
  function barFromPointer(event) {
    const all = [...bars.querySelectorAll(".arrival-bar")];
    if (all.length === 0) return;
    const first = all[0].getBoundingClientRect();
    const last = all[all.length - 1].getBoundingClientRect();
    const width = (last.right - first.left) / all.length;
    const index = Math.max(0, Math.min(all.length - 1, Math.floor((event.clientX - first.left) / width)));
    const value = ((first.bottom - event.clientY) / first.height) * MAX_WEIGHT;
    setWeight(index, Math.ceil(value - 0.25));
    bars.dataset.focus = String(index);
  }
  mount.addEventListener("pointerdown", (event) => {
    if (!event.target.closest?.(".arrival-bars") || event.button !== 0) return;
    dragging = true;
    bars.setPointerCapture?.(event.pointerId);
    barFromPointer(event);
    event.preventDefault();
    const bar = bars.querySelector(`[data-index="${bars.dataset.focus}"]`);
    if (bar) moveFocus(Number(bar.dataset.index));
  });
  mount.addEventListener("pointermove", (event) => {
    if (dragging) barFromPointer(event);
  });
  const stopDrag = () => {
    dragging = false;
  };
  mount.addEventListener("pointerup", stopDrag);
  mount.addEventListener("pointercancel", stopDrag);
}
