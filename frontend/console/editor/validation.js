// The editor's validation display: the browser's copy of the core checks the
// draft (bb_validate) and the server's errors come back the same way; each
// problem is shown at the field its JSON pointer names (or the nearest one
// up the pointer, else at the raw JSON), listed in a summary with links, and
// hidden on empty fields the operator has not reached yet. The editor's
// state comes in `ctx`.

import { clear, focusElement, h } from "../dom.js";
import { t } from "../i18n.js";
import * as ptr from "../pointer.js";

/** Checks the draft (or the raw text, while it is not JSON) with the core and shows the problems. */
export function validate(ctx) {
  const { ed } = ctx;
  ctx.validateSoon.cancel();
  if (!ed.core) {
    renderErrors(ctx);
    return;
  }
  const text = ed.jsonError !== null ? ed.jsonText : JSON.stringify(ed.draft);
  ed.coreErrors = ed.core.validate(text);
  if (ed.jsonError !== null && !ed.coreErrors.some((e) => e.field === "")) {
    ed.coreErrors.unshift({ field: "", message: ed.jsonError });
  }
  renderErrors(ctx);
}

/** The element that shows errors for `pointer`: the nearest one up the pointer. */
export function targetFor(ctx, pointer) {
  const { form, raw, rawError } = ctx.els;
  for (let p = pointer; p !== null; p = ptr.parent(p)) {
    if (p === "") break;
    const slot = form.querySelector(`[data-error-for="${CSS.escape(p)}"]`);
    if (!slot) continue;
    const element = form.querySelector(`[data-pointer="${CSS.escape(p)}"]`);
    return { pointer: p, element: element ?? slot, slot };
  }
  return { pointer: "", element: raw, slot: rawError };
}

function hiddenUntilTouched(ed, pointer, element) {
  if (ed.showAll || ed.touched.has(pointer)) return false;
  const input = element?.matches?.("input, textarea, select") ? element : null;
  return Boolean(input) && input.value === "";
}

function clearErrors(ctx) {
  const { els, mount } = ctx;
  for (const el of els.form.querySelectorAll("[aria-invalid=true]")) el.removeAttribute("aria-invalid");
  els.raw.removeAttribute("aria-invalid");
  for (const el of mount.querySelectorAll("[data-error-for]")) el.textContent = "";
  for (const el of els.form.querySelectorAll(".has-error")) el.classList.remove("has-error");
}

/** The server's and the core's errors, each once. */
function uniqueErrors(ed) {
  const seen = new Set();
  const all = [];
  for (const error of [...ed.serverErrors, ...ed.coreErrors]) {
    const key = `${error.field}\u0000${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(error);
  }
  return all;
}

/** Shows every error at its field; returns those shown, with their target. */
function showAtFields(ctx) {
  const shown = [];
  for (const error of uniqueErrors(ctx.ed)) {
    const target = targetFor(ctx, error.field ?? "");
    if (hiddenUntilTouched(ctx.ed, target.pointer, target.element)) continue;
    shown.push({ ...error, target });
    if (target.slot) {
      target.slot.textContent = target.slot.textContent
        ? `${target.slot.textContent}\n${error.message}`
        : error.message;
    }
    if (target.element?.matches("input, textarea, select")) target.element.setAttribute("aria-invalid", "true");
    target.element?.closest(".field, .prize-table, fieldset")?.classList.add("has-error");
  }
  return shown;
}

/** Shows the current errors at their fields and in the summary. */
export function renderErrors(ctx) {
  const { ed, els, mount } = ctx;
  if (!els.form) return;
  if (els.checking) {
    els.checking.textContent = ed.coreFailed ? t("checkerFailed") : ed.core ? "" : t("checkerLoading");
  }
  clearErrors(ctx);
  const shown = showAtFields(ctx);
  const summary = els.summary;
  summary.hidden = shown.length === 0;
  mount.querySelector(".editor")?.setAttribute("data-errors", String(shown.length));
  if (shown.length === 0) {
    summary.replaceChildren();
    return;
  }
  clear(
    summary,
    h("h3", { id: "error-summary-title", tabindex: "-1" }, t("problems", shown.length)),
    h(
      "ul",
      {},
      shown.map((error) => summaryItem(error)),
    ),
  );
}

function summaryItem(error) {
  const label = error.target.element?.dataset?.label ?? (error.target.pointer === "" ? t("rawJson") : error.field);
  return h(
    "li",
    {},
    h(
      "a",
      {
        href: `#${error.target.element?.id || "raw-json"}`,
        "data-field": error.field,
        onclick: (event) => {
          event.preventDefault();
          focusField(error.target.element);
        },
      },
      h("strong", {}, label),
      ": ",
      error.message,
    ),
    error.field && error.target.pointer !== error.field
      ? h("code", { class: "small muted pointer-text" }, ` ${error.field}`)
      : null,
  );
}

/** Focuses `element`, or the first control inside it. */
export function focusField(element) {
  if (!element) return;
  const focusable = element.matches("input, textarea, select, button")
    ? element
    : (element.querySelector("input:not([type=hidden]), textarea, select, button") ?? element);
  focusElement(focusable);
}
