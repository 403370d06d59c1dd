// The editor's form controls: a labelled input bound to a JSON pointer of the
// draft (text, optional text, integer, odds, date, select, textarea), its
// error slot, a form section and a rule the deck model fixes. Typing writes
// the value into the draft and tells the shell (`ctx.changed`); the core
// says what is wrong with a value, so nothing is refused here. Uses dom.js,
// pointer.js and i18n.js; the editor's state comes in `ctx` (editor.js).

import { h } from "../dom.js";
import { t } from "../i18n.js";
import * as ptr from "../pointer.js";

/** Members removed with their last child, so no empty object is left behind. */
export const PRUNE = ["/theme", "/theme/headline", "/theme/intro", "/limits"];

/** The error slot of `pointer`: validation writes the core's messages into it. */
export function errorSlot(pointer, extraClass = "") {
  return h("p", {
    class: `field-error ${extraClass}`.trim(),
    id: ptr.domId("err-", pointer),
    "data-error-for": pointer,
    "data-testid": `field-error-${ptr.testId(pointer)}`,
  });
}

/** A form section with its heading and intro. */
export function section(key, title, intro, ...children) {
  return h(
    "section",
    { class: "card form-section", "aria-labelledby": `sec-${key}`, "data-section": key },
    h("h3", { id: `sec-${key}` }, title),
    intro ? h("p", { class: "hint section-intro" }, intro) : null,
    ...children,
  );
}

/** A rule the deck model fixes: shown as a disabled select with its only value. */
export function fixedRule(pointer, label, value, hint) {
  const id = ptr.domId("f-", pointer);
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    h(
      "select",
      {
        id,
        disabled: true,
        "data-pointer": pointer,
        "data-label": label,
        "data-testid": `field-${ptr.testId(pointer)}`,
        "aria-describedby": `${id}-hint ${ptr.domId("err-", pointer)}`,
      },
      h("option", { selected: true }, value),
    ),
    h("p", { class: "hint", id: `${id}-hint` }, hint),
    errorSlot(pointer),
  );
}

/** Writes the text `raw` of a control of `kind` into `draft` at `pointer`. */
export function applyValue(draft, pointer, kind, raw) {
  if (kind === "int") {
    const text = raw.trim();
    if (text === "") ptr.remove(draft, pointer, PRUNE);
    else if (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))) ptr.set(draft, pointer, Number(text));
    else ptr.set(draft, pointer, raw); // the core says what is wrong with it
    return;
  }
  if (kind === "odds") {
    const text = raw.trim();
    if (text === "") ptr.remove(draft, pointer);
    else ptr.set(draft, pointer, text);
    return;
  }
  // Required texts stay as "" (the core says "must not be empty"); the rest go.
  if (raw === "" && (kind === "optional" || kind === "textarea" || kind === "date")) {
    ptr.remove(draft, pointer, PRUNE);
    return;
  }
  ptr.set(draft, pointer, raw);
}

/**
 * The bare control for `kind`, showing `current`.
 * @param {Record<string, unknown>} attrs
 * @param {string} kind
 * @param {unknown} current
 * @param {{options?: Array<{value: unknown, label: string}>, inputmode?: string, placeholder?: string, list?: string, readonly?: boolean}} extras
 *   the field's options that only some kinds use
 */
function control(attrs, kind, current, { options, inputmode, placeholder, list, readonly }) {
  if (kind === "select") {
    const select = h(
      "select",
      attrs,
      options.map((option) => h("option", { value: option.value, selected: option.value === current }, option.label)),
    );
    if (current !== undefined && !options.some((option) => option.value === current)) {
      select.append(h("option", { value: String(current), selected: true }, String(current)));
    }
    return select;
  }
  if (kind === "textarea") {
    const area = h("textarea", { ...attrs, rows: 3 });
    area.value = current === undefined ? "" : String(current);
    return area;
  }
  const input = h("input", {
    ...attrs,
    type: kind === "date" ? "date" : "text",
    inputmode,
    placeholder,
    list,
    readonly,
    spellcheck: kind === "text" || kind === "optional" ? undefined : "false",
    autocapitalize: "off",
  });
  input.value =
    current === undefined || current === null
      ? ""
      : typeof current === "object"
        ? JSON.stringify(current)
        : String(current);
  return input;
}

/** The "12 / 200" counter of a control, or null. */
function charCounter(input, inputId, counter) {
  if (!counter) return { element: null, update: () => {} };
  const element = h("span", { class: "char-count", id: `${inputId}-count`, "aria-live": "off" });
  const update = () => {
    const length = [...input.value].length;
    element.textContent = t("charCount", length, counter);
    element.classList.toggle("over", length > counter);
  };
  return { element, update };
}

/**
 * A labelled input bound to `pointer` of `ctx.ed.draft`.
 * kind: text | optional (removed when empty) | int | odds | date | select | textarea
 */
export function field(ctx, pointer, options = {}) {
  const { label, fullLabel, kind = "text", hint, testid, className = "", counter, onValue } = options;
  const { ed } = ctx;
  const inputId = ptr.domId("f-", pointer);
  const hintId = hint ? ptr.domId("hint-", pointer) : null;
  const errorId = ptr.domId("err-", pointer);
  const attrs = {
    id: inputId,
    name: pointer,
    "data-pointer": pointer,
    "data-kind": kind,
    "data-label": fullLabel ?? label,
    "data-testid": testid ?? `field-${ptr.testId(pointer)}`,
    "aria-describedby": [hintId, errorId, counter ? `${inputId}-count` : null].filter(Boolean).join(" "),
    autocomplete: "off",
  };
  const input = control(attrs, kind, ptr.get(ed.draft, pointer), options);
  const count = charCounter(input, inputId, counter);
  count.update();
  input.addEventListener(kind === "select" ? "change" : "input", () => {
    ed.touched.add(pointer);
    applyValue(ed.draft, pointer, kind, input.value);
    count.update();
    onValue?.(input.value);
    ctx.changed("form");
  });
  input.addEventListener("blur", () => {
    if (input.value !== "" && !ed.touched.has(pointer)) return;
    ed.touched.add(pointer);
    ctx.renderErrors();
  });
  return h(
    "div",
    { class: `field ${className}`.trim() },
    h("label", { for: inputId }, label),
    input,
    count.element,
    hint ? h("p", { class: "hint", id: hintId }, hint) : null,
    errorSlot(pointer),
  );
}
