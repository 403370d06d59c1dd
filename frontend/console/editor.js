// The campaign editor: a form for every field of a campaign beside its raw
// JSON, kept in step (editing either updates the other); validation as the
// operator types by the browser's copy of the C++ core (bb_validate), each
// problem shown at the field its JSON pointer names; the forecast and the
// player-page preview; saving with PUT, the server's errors shown the same way.
//
// This module is the shell: the editor's state, its layout, the header
// (title, saved or not, the save button) and the flow of a change (form or
// JSON -> draft -> validation, summaries, forecast, preview). The concerns
// live in editor/: fields.js (controls bound to JSON pointers), form.js (the
// sections and the pool model), prizes.js, pity.js, overrides.js, theme.js,
// validation.js (errors at fields) and saving.js. They share one context
// object, `ctx`: {ed (the state), els (the elements of the current render),
// mount, the shell's functions below}.

import { loadCore } from "../shared/core-browser.js";
import { api, errorOf } from "./api.js";
import { browserOffset, clone, stringify } from "./campaign.js";
import { clear, debounce, focusElement, h } from "./dom.js";
import { renderForm } from "./editor/form.js";
import { renderPity } from "./editor/pity.js";
import { refreshSummaries } from "./editor/prizes.js";
import { save } from "./editor/saving.js";
import { refreshContrast } from "./editor/theme.js";
import { renderErrors, validate } from "./editor/validation.js";
import { createForecast } from "./forecast.js";
import { lang, t } from "./i18n.js";
import { createPreview } from "./preview.js";

const VALIDATE_MS = 200;
const JSON_MS = 250;

/** A new campaign's starting point: open from today for 31 days on the browser's clock (days from bb_calendar). */
function template(core) {
  const offset = browserOffset();
  const zh = lang() === "zh";
  let days = [];
  try {
    if (core) days = core.calendar({ utc_offset: offset, now: Math.floor(Date.now() / 1000), span: 31 }).days;
  } catch {
    days = []; // without the core the operator picks the days
  }
  return {
    id: "",
    title: "",
    utc_offset: offset,
    window: { first_day: days[0] ?? "", last_day: days[30] ?? "", opens_at: "10:00", closes_at: "22:00" },
    pool: "odds",
    sold_out: "lose",
    pacing: "none",
    identity: "open",
    limits: { draws_per_day: 3 },
    prize_table: {
      prizes: [
        { id: "grand-prize", name: zh ? "头奖" : "Grand prize", stock: 5, odds: "1/1000" },
        { id: "coupon", name: zh ? "店铺优惠券" : "Store coupon", stock: 200, odds: "0.05" },
      ],
    },
  };
}

function newState(id) {
  return {
    id,
    draft: null,
    saved: null,
    admin: null,
    jsonText: "",
    jsonError: null,
    coreErrors: [],
    serverErrors: [],
    touched: new Set(),
    showAll: Boolean(id),
    saving: false,
    loadError: null,
    core: null,
    coreFailed: false,
    destroyed: false,
    forecastState: {},
    previewState: {},
  };
}

/** The raw JSON card: a textarea read (debounced) into the draft. */
function rawCard(ctx) {
  const { els } = ctx;
  els.raw = h("textarea", {
    id: "raw-json",
    class: "raw-json mono",
    "data-testid": "raw-json",
    spellcheck: "false",
    autocapitalize: "off",
    autocomplete: "off",
    rows: 24,
    "aria-describedby": "raw-json-hint raw-json-error",
    oninput: () => {
      ctx.ed.jsonText = els.raw.value;
      ctx.jsonSoon();
    },
    onblur: () => ctx.jsonSoon.flush(),
  });
  els.raw.value = ctx.ed.jsonText;
  els.rawError = h("p", {
    class: "field-error",
    id: "raw-json-error",
    "data-testid": "raw-json-error",
    "data-error-for": "",
  });
  return h(
    "section",
    { class: "card aside-card raw-card", "aria-labelledby": "raw-json-title" },
    h("h3", { id: "raw-json-title" }, h("label", { for: "raw-json" }, t("rawJson"))),
    h("p", { class: "hint", id: "raw-json-hint" }, t("rawJsonHint")),
    els.raw,
    els.rawError,
  );
}

/** The sticky header: title, saved or not, the save button and its messages. */
function editorHead(ctx) {
  const { els } = ctx;
  els.title = h("h2", { class: "editor-title", id: "editor-title", tabindex: "-1" });
  els.dirty = h("p", { class: "dirty-state", "data-testid": "dirty-state" });
  els.save = h(
    "button",
    { type: "button", class: "button button-primary", "data-testid": "save", onclick: () => save(ctx) },
    t("save"),
  );
  els.saveResult = h("p", {
    class: "save-result",
    "data-testid": "save-result",
    role: "status",
    "aria-live": "polite",
  });
  els.saveError = h("p", { class: "save-error", "data-testid": "save-error", role: "alert" });
  return h(
    "header",
    { class: "editor-head" },
    h("div", { class: "editor-head-text" }, els.title, els.dirty),
    h("div", { class: "editor-head-actions" }, els.save),
    h("div", { class: "editor-head-messages" }, els.saveResult, els.saveError),
  );
}

/** The editor's layout in `ctx.mount`: header, error summary, form, and the aside (forecast, preview, JSON). */
function layout(ctx, forecastMount, previewMount) {
  const { els } = ctx;
  const head = editorHead(ctx);
  els.summary = h("section", {
    class: "error-summary",
    "data-testid": "error-summary",
    "aria-labelledby": "error-summary-title",
    hidden: true,
  });
  els.checking = h("p", { class: "checker-state muted small", "data-testid": "checker-state" });
  els.form = h("form", {
    class: "editor-form",
    novalidate: true,
    onsubmit: (event) => event.preventDefault(),
    "aria-labelledby": "editor-title",
  });
  const aside = h(
    "aside",
    { class: "editor-aside", "aria-label": t("editorAside") },
    forecastMount,
    previewMount,
    rawCard(ctx),
  );
  clear(
    ctx.mount,
    h(
      "div",
      { class: "editor", "data-testid": "editor" },
      head,
      els.summary,
      h("div", { class: "editor-grid" }, h("div", { class: "editor-main" }, els.checking, els.form), aside),
    ),
  );
}

/** Keeps the aside (and fields scrolled into view) below the sticky header, whose height changes with messages. */
function followHeadHeight(ctx) {
  ctx.headObserver?.disconnect();
  const head = ctx.mount.querySelector(".editor-head");
  if (!head || !window.ResizeObserver) return;
  ctx.headObserver = new ResizeObserver(() => {
    const root = document.documentElement.style;
    root.setProperty("--head-h", `${head.offsetHeight}px`);
    root.scrollPaddingTop = `${head.offsetHeight + 12}px`;
  });
  ctx.headObserver.observe(head);
}

function renderNotice(ctx) {
  if (ctx.ed.loadError) {
    clear(
      ctx.mount,
      h(
        "section",
        { class: "card notice", role: "alert" },
        h("h2", {}, t("loadFailed")),
        h("p", {}, ctx.ed.loadError.message || ctx.ed.loadError.code),
      ),
    );
  } else {
    clear(ctx.mount, h("p", { class: "loading", role: "status" }, t("loading")));
  }
}

/** Renders everything from the state. */
function render(ctx) {
  const { ed } = ctx;
  ctx.forecast?.destroy();
  ctx.preview?.destroy();
  ctx.forecast = null;
  ctx.preview = null;
  ctx.els = {};
  if (ed.loadError || !ed.draft) return renderNotice(ctx);
  const forecastMount = h("section", { class: "card aside-card", "aria-labelledby": "forecast-title" });
  const previewMount = h("section", { class: "card aside-card", "aria-labelledby": "preview-title" });
  layout(ctx, forecastMount, previewMount);
  renderForm(ctx);
  followHeadHeight(ctx);
  ctx.forecast = createForecast(forecastMount, ed.forecastState);
  ctx.preview = createPreview(previewMount, { campaignId: () => ed.id, state: ed.previewState });
  refreshHead(ctx);
  renderErrors(ctx);
  ctx.forecast.update(ed.draft);
  ctx.preview.update(ed.draft);
}

/** The title, "saved or not" and the save button's state. */
function refreshHead(ctx) {
  const { ed, els } = ctx;
  if (!els.title) return;
  const name = typeof ed.draft?.title === "string" && ed.draft.title.trim() ? ed.draft.title : null;
  els.title.textContent = ed.id ? t("editTitle", name ?? ed.id) : name ? t("newTitleNamed", name) : t("newTitle");
  const dirty = !ed.saved || stringify(ed.saved) !== stringify(ed.draft);
  els.dirty.textContent = !ed.saved ? t("notSavedYet") : dirty ? t("unsaved") : t("allSaved");
  els.dirty.dataset.dirty = String(dirty);
  // Disabled only for broken JSON; while saving it stays focusable (aria-disabled).
  els.save.disabled = ed.jsonError !== null;
  els.save.setAttribute("aria-disabled", String(ed.saving));
  if (ed.jsonError !== null) els.save.setAttribute("aria-describedby", "raw-json-error");
  else els.save.removeAttribute("aria-describedby");
  els.save.textContent = ed.saving ? t("saving") : ed.id ? t("save") : t("create");
  els.save.title = ed.jsonError !== null ? t("saveBlockedJson") : "";
}

/** After any change of the draft. source: "form" | "json". */
function changed(ctx, source) {
  const { ed, els } = ctx;
  ed.serverErrors = [];
  if (source === "form") {
    ed.jsonText = stringify(ed.draft);
    ed.jsonError = null;
    if (els.raw && els.raw.value !== ed.jsonText) els.raw.value = ed.jsonText;
  }
  if (els.saveResult) els.saveResult.textContent = "";
  if (els.saveError) els.saveError.textContent = "";
  refreshHead(ctx);
  refreshSummaries(ctx);
  refreshContrast(ctx);
  ctx.validateSoon();
  ctx.forecast?.update(ed.draft);
  ctx.preview?.update(ed.draft);
}

/** The raw text as a campaign object: {value}, or {error} (with `unreadable` when it is not JSON at all). */
function parseDraft(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: error.message, unreadable: true };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return { error: t("jsonNotObject") };
  return { value };
}

/** Reads the raw JSON into the draft (when it is an object and differs) and redraws the form. */
function readJson(ctx) {
  const { ed } = ctx;
  const { value, error, unreadable } = parseDraft(ed.jsonText);
  ed.jsonError = error ?? null;
  if (unreadable) ed.serverErrors = [];
  if (error !== undefined || JSON.stringify(value) === JSON.stringify(ed.draft)) {
    refreshHead(ctx);
    validate(ctx);
    return;
  }
  ed.draft = value;
  ed.showAll = true;
  renderForm(ctx);
  changed(ctx, "json");
}

/** Loads the campaign `ed.id` from the API into the draft. */
async function load(ctx) {
  const { ed } = ctx;
  const reply = await api.get(ed.id);
  if (ed.destroyed) return;
  if (!reply.ok) {
    ed.loadError = errorOf(reply);
    render(ctx);
    return;
  }
  ed.admin = reply.data;
  ctx.onLoaded(reply.data);
  ed.draft = clone(reply.data.campaign);
  ed.saved = clone(reply.data.campaign);
  ed.jsonText = stringify(ed.draft);
  render(ctx);
  validate(ctx);
}

/**
 * A new campaign's template, shown once the core has answered (or failed);
 * the title takes the focus the console gave the page, unless the operator
 * has moved it.
 */
function showTemplate(ctx, core) {
  const { ed } = ctx;
  if (ed.destroyed || ed.id || ed.draft) return;
  ed.draft = template(core);
  ed.jsonText = stringify(ed.draft);
  render(ctx);
  if (!document.activeElement || document.activeElement === document.body)
    focusElement(ctx.els.title, { scroll: false });
}

/** Once the core is there: validation, summaries and odds hints. */
function coreReady(ctx, core) {
  const { ed } = ctx;
  ed.core = core;
  if (ed.destroyed) return;
  showTemplate(ctx, core);
  refreshSummaries(ctx);
  if (ed.draft) validate(ctx);
}

function coreFailed(ctx) {
  ctx.ed.coreFailed = true;
  showTemplate(ctx, null);
  if (!ctx.ed.destroyed) renderErrors(ctx);
}

/**
 * Opens the editor in `mount`.
 *   id: an existing campaign's id (loaded from the API), or null for a new one
 *       (shown once the core is there: its window starts today on the core's calendar).
 *   onSaved(id, created): after a successful PUT.
 */
export function createEditor(mount, { id = null, onSaved = () => {}, onLoaded = () => {} } = {}) {
  const ed = newState(id);
  const ctx = { ed, els: {}, mount, onSaved, onLoaded, forecast: null, preview: null, headObserver: null };
  Object.assign(ctx, {
    validateSoon: debounce(() => validate(ctx), VALIDATE_MS),
    jsonSoon: debounce(() => readJson(ctx), JSON_MS),
    changed: (source) => changed(ctx, source),
    refreshHead: () => refreshHead(ctx),
    renderErrors: () => renderErrors(ctx),
    renderForm: () => renderForm(ctx),
    renderPity: () => renderPity(ctx),
  });
  loadCore().then(
    (core) => coreReady(ctx, core),
    () => coreFailed(ctx),
  );
  render(ctx);
  if (id) load(ctx);

  return {
    get id() {
      return ed.id;
    },
    rerender() {
      render(ctx);
    },
    focusTitle() {
      focusElement(ctx.els.title, { scroll: false });
    },
    destroy() {
      ed.destroyed = true;
      ctx.headObserver?.disconnect();
      document.documentElement.style.scrollPaddingTop = "";
      ctx.validateSoon.cancel();
      ctx.jsonSoon.cancel();
      ctx.forecast?.destroy();
      ctx.preview?.destroy();
    },
  };
}
