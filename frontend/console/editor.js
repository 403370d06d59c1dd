// The campaign editor: a form for every field of a campaign beside its raw
// JSON, kept in step (editing either updates the other); validation as the
// operator types by the browser's copy of the C++ core (bb_validate), each
// problem shown at the field its JSON pointer names; the forecast and the
// player-page preview; saving with PUT, the server's errors shown the same way.

import { isCampaignId } from "../shared/campaign-id.js";
import { api, errorOf } from "./api.js";
import { loadCore } from "../shared/core-browser.js";
import { announce, clear, confirmDialog, debounce, focusElement, h } from "./dom.js";
import { createForecast } from "./forecast.js";
import { fmtDay, lang, oddsText, t } from "./i18n.js";
import * as ptr from "./pointer.js";
import {
  allPrizes,
  browserOffset,
  clone,
  dayIn,
  oddsFraction,
  oddsNumber,
  sameOdds,
  stringify,
  tableFor,
} from "./campaign.js";
import { createPreview } from "./preview.js";
import { themeColors, contrast } from "../theme.js";
import { uploadControl } from "./upload.js";

const VALIDATE_MS = 200;
const JSON_MS = 250;
const PRUNE = ["/theme", "/theme/headline", "/theme/intro", "/limits"];
const THEME_COLORS = [
  ["primary_color", "--primary", "theme-primary-color"],
  ["accent_color", "--accent", "theme-accent-color"],
  ["background_color", "--bg", "theme-background-color"],
  ["text_color", "--text", "theme-text-color"],
];

function template() {
  const offset = browserOffset();
  const zh = lang() === "zh";
  return {
    id: "",
    title: "",
    utc_offset: offset,
    window: { first_day: dayIn(offset), last_day: dayIn(offset, 30), opens_at: "10:00", closes_at: "22:00" },
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

// ------------------------------------------------------------ the editor

/**
 * Opens the editor in `mount`.
 *   id: an existing campaign's id (loaded from the API), or null for a new one.
 *   onSaved(id, created): after a successful PUT.
 */
export function createEditor(mount, { id = null, onSaved = () => {}, onLoaded = () => {} } = {}) {
  const ed = {
    id,
    draft: id ? null : template(),
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
  let forecast = null;
  let preview = null;
  let headObserver = null;
  let els = {};

  const validateSoon = debounce(() => validate(), VALIDATE_MS);
  const jsonSoon = debounce(() => readJson(), JSON_MS);

  loadCore().then(
    (core) => {
      ed.core = core;
      if (!ed.destroyed && ed.draft) validate();
    },
    () => {
      ed.coreFailed = true;
      if (!ed.destroyed) renderErrors();
    },
  );

  async function load() {
    const reply = await api.get(ed.id);
    if (ed.destroyed) return;
    if (!reply.ok) {
      ed.loadError = errorOf(reply);
      render();
      return;
    }
    ed.admin = reply.data;
    onLoaded(reply.data);
    ed.draft = clone(reply.data.campaign);
    ed.saved = clone(reply.data.campaign);
    ed.jsonText = stringify(ed.draft);
    render();
    validate();
  }

  // ---------------------------------------------------------- rendering

  function render() {
    forecast?.destroy();
    preview?.destroy();
    forecast = null;
    preview = null;
    els = {};
    if (ed.loadError) {
      clear(
        mount,
        h(
          "section",
          { class: "card notice", role: "alert" },
          h("h2", {}, t("loadFailed")),
          h("p", {}, ed.loadError.message || ed.loadError.code),
        ),
      );
      return;
    }
    if (!ed.draft) {
      clear(mount, h("p", { class: "loading", role: "status" }, t("loading")));
      return;
    }
    els.title = h("h2", { class: "editor-title", id: "editor-title", tabindex: "-1" });
    els.dirty = h("p", { class: "dirty-state", "data-testid": "dirty-state" });
    els.save = h(
      "button",
      { type: "button", class: "button button-primary", "data-testid": "save", onclick: save },
      t("save"),
    );
    els.saveResult = h("p", {
      class: "save-result",
      "data-testid": "save-result",
      role: "status",
      "aria-live": "polite",
    });
    els.saveError = h("p", { class: "save-error", "data-testid": "save-error", role: "alert" });
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
        ed.jsonText = els.raw.value;
        jsonSoon();
      },
      onblur: () => jsonSoon.flush(),
    });
    els.raw.value = ed.jsonText;
    els.rawError = h("p", {
      class: "field-error",
      id: "raw-json-error",
      "data-testid": "raw-json-error",
      "data-error-for": "",
    });
    const forecastMount = h("section", { class: "card aside-card", "aria-labelledby": "forecast-title" });
    const previewMount = h("section", { class: "card aside-card", "aria-labelledby": "preview-title" });

    clear(
      mount,
      h(
        "div",
        { class: "editor", "data-testid": "editor" },
        h(
          "header",
          { class: "editor-head" },
          h("div", { class: "editor-head-text" }, els.title, els.dirty),
          h("div", { class: "editor-head-actions" }, els.save),
          h("div", { class: "editor-head-messages" }, els.saveResult, els.saveError),
        ),
        els.summary,
        h(
          "div",
          { class: "editor-grid" },
          h("div", { class: "editor-main" }, els.checking, els.form),
          h(
            "aside",
            { class: "editor-aside", "aria-label": t("editorAside") },
            forecastMount,
            previewMount,
            h(
              "section",
              { class: "card aside-card raw-card", "aria-labelledby": "raw-json-title" },
              h("h3", { id: "raw-json-title" }, h("label", { for: "raw-json" }, t("rawJson"))),
              h("p", { class: "hint", id: "raw-json-hint" }, t("rawJsonHint")),
              els.raw,
              els.rawError,
            ),
          ),
        ),
      ),
    );
    renderForm();
    // The aside sits below the sticky header (its height changes with messages).
    headObserver?.disconnect();
    const head = mount.querySelector(".editor-head");
    if (head && window.ResizeObserver) {
      headObserver = new ResizeObserver(() => {
        const root = document.documentElement.style;
        root.setProperty("--head-h", `${head.offsetHeight}px`);
        // Fields scrolled into view (Tab, links) stay clear of the sticky header.
        root.scrollPaddingTop = `${head.offsetHeight + 12}px`;
      });
      headObserver.observe(head);
    }
    forecast = createForecast(forecastMount, ed.forecastState);
    preview = createPreview(previewMount, { campaignId: () => ed.id, state: ed.previewState });
    refreshHead();
    renderErrors();
    forecast.update(ed.draft);
    preview.update(ed.draft);
  }

  function refreshHead() {
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

  // ---------------------------------------------------------- fields

  const valueAt = (pointer) => ptr.get(ed.draft, pointer);

  function errorSlot(pointer, extraClass = "") {
    return h("p", {
      class: `field-error ${extraClass}`.trim(),
      id: ptr.domId("err-", pointer),
      "data-error-for": pointer,
      "data-testid": `field-error-${ptr.testId(pointer)}`,
    });
  }

  /**
   * A labelled input bound to `pointer`.
   * kind: text | optional (removed when empty) | int | odds | date | select | textarea
   */
  function field(
    pointer,
    {
      label,
      fullLabel,
      kind = "text",
      hint,
      options,
      testid,
      inputmode,
      placeholder,
      list,
      readonly,
      className = "",
      counter,
      onValue,
    } = {},
  ) {
    const inputId = ptr.domId("f-", pointer);
    const hintId = hint ? ptr.domId("hint-", pointer) : null;
    const errorId = ptr.domId("err-", pointer);
    const current = valueAt(pointer);
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
    let control;
    if (kind === "select") {
      control = h(
        "select",
        attrs,
        options.map((option) => h("option", { value: option.value, selected: option.value === current }, option.label)),
      );
      if (current !== undefined && !options.some((option) => option.value === current)) {
        control.append(h("option", { value: String(current), selected: true }, String(current)));
      }
    } else if (kind === "textarea") {
      control = h("textarea", { ...attrs, rows: 3 });
      control.value = current === undefined ? "" : String(current);
    } else {
      control = h("input", {
        ...attrs,
        type: kind === "date" ? "date" : "text",
        inputmode,
        placeholder,
        list,
        readonly,
        spellcheck: kind === "text" || kind === "optional" ? undefined : "false",
        autocapitalize: "off",
      });
      control.value =
        current === undefined || current === null
          ? ""
          : typeof current === "object"
            ? JSON.stringify(current)
            : String(current);
    }
    const counterEl = counter ? h("span", { class: "char-count", id: `${inputId}-count`, "aria-live": "off" }) : null;
    const updateCounter = () => {
      if (!counterEl) return;
      const length = [...control.value].length;
      counterEl.textContent = t("charCount", length, counter);
      counterEl.classList.toggle("over", length > counter);
    };
    updateCounter();
    control.addEventListener(kind === "select" ? "change" : "input", () => {
      ed.touched.add(pointer);
      applyValue(pointer, kind, control.value);
      updateCounter();
      onValue?.(control.value);
      changed("form");
    });
    control.addEventListener("blur", () => {
      if (control.value !== "" && !ed.touched.has(pointer)) return;
      ed.touched.add(pointer);
      renderErrors();
    });
    return h(
      "div",
      { class: `field ${className}`.trim() },
      h("label", { for: inputId }, label),
      control,
      counterEl,
      hint ? h("p", { class: "hint", id: hintId }, hint) : null,
      errorSlot(pointer),
    );
  }

  function applyValue(pointer, kind, raw) {
    if (kind === "int") {
      const text = raw.trim();
      if (text === "") ptr.remove(ed.draft, pointer, PRUNE);
      else if (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))) ptr.set(ed.draft, pointer, Number(text));
      else ptr.set(ed.draft, pointer, raw); // the core says what is wrong with it
      return;
    }
    if (kind === "odds") {
      const text = raw.trim();
      if (text === "") ptr.remove(ed.draft, pointer);
      else ptr.set(ed.draft, pointer, text);
      return;
    }
    // Required texts stay as "" (the core says "must not be empty"); the rest go.
    if (raw === "" && (kind === "optional" || kind === "textarea" || kind === "date")) {
      ptr.remove(ed.draft, pointer, PRUNE);
      return;
    }
    ptr.set(ed.draft, pointer, raw);
  }

  function section(key, title, intro, ...children) {
    return h(
      "section",
      { class: "card form-section", "aria-labelledby": `sec-${key}`, "data-section": key },
      h("h3", { id: `sec-${key}` }, title),
      intro ? h("p", { class: "hint section-intro" }, intro) : null,
      ...children,
    );
  }

  function renderForm() {
    const d = ed.draft;
    const isDeck = d.pool === "deck";
    clear(
      els.form,
      section(
        "basics",
        t("secBasics"),
        null,
        h(
          "div",
          { class: "grid-2" },
          field("/id", {
            label: t("fId"),
            hint: ed.id ? t("fIdFixed") : t("fIdHint"),
            readonly: Boolean(ed.id),
            placeholder: "spring-festival",
          }),
          field("/title", { label: t("fTitle"), hint: t("fTitleHint"), kind: "text", counter: 200 }),
        ),
        field("/identity", {
          label: t("fIdentity"),
          kind: "select",
          options: [
            { value: "open", label: t("identityOpen") },
            { value: "ticket", label: t("identityTicket") },
          ],
          // The risk of "open", said where the choice is made (and read with the control).
          hint: [
            t("fIdentityHint"),
            h("span", { class: "identity-risk", "data-testid": "identity-risk" }, t("identityRisk")),
          ],
        }),
      ),
      section(
        "window",
        t("secWindow"),
        t("secWindowIntro"),
        h(
          "div",
          { class: "grid-2", "data-pointer": "/window", "data-label": t("secWindow") },
          field("/window/first_day", { label: t("fFirstDay"), kind: "date" }),
          field("/window/last_day", { label: t("fLastDay"), kind: "date" }),
          field("/window/opens_at", {
            label: t("fOpensAt"),
            hint: t("fOpensAtHint"),
            inputmode: "numeric",
            placeholder: "00:00",
          }),
          field("/window/closes_at", {
            label: t("fClosesAt"),
            hint: t("fClosesAtHint"),
            inputmode: "numeric",
            placeholder: "24:00",
          }),
          field("/utc_offset", {
            label: t("fUtcOffset"),
            hint: t("fUtcOffsetHint"),
            list: "utc-offsets",
            placeholder: "+08:00",
          }),
        ),
        errorSlot("/window"),
        h(
          "datalist",
          { id: "utc-offsets" },
          ["Z", "+08:00", "+09:00", "+07:00", "+05:30", "+01:00", "+00:00", "-05:00", "-08:00"].map((v) =>
            h("option", { value: v }),
          ),
        ),
      ),
      section(
        "rules",
        t("secRules"),
        null,
        poolChooser(),
        h(
          "div",
          { class: "grid-2" },
          isDeck
            ? fixedRule("/sold_out", t("fSoldOut"), t("soldOutLose"), t("deckFixedHint"))
            : field("/sold_out", {
                label: t("fSoldOut"),
                kind: "select",
                options: [
                  { value: "lose", label: t("soldOutLose") },
                  { value: "redistribute", label: t("soldOutRedistribute") },
                ],
                hint: t("fSoldOutHint"),
              }),
          isDeck
            ? fixedRule("/pacing", t("fPacing"), t("pacingNone"), t("deckFixedHint"))
            : field("/pacing", {
                label: t("fPacing"),
                kind: "select",
                options: [
                  { value: "none", label: t("pacingNone") },
                  { value: "even", label: t("pacingEven") },
                ],
                hint: t("fPacingHint"),
              }),
          field("/limits/draws_per_day", {
            label: t("fDrawsPerDay"),
            kind: "int",
            inputmode: "numeric",
            placeholder: "1",
            hint: t("fDrawsPerDayHint"),
          }),
          field("/limits/draws_per_campaign", {
            label: t("fDrawsPerCampaign"),
            kind: "int",
            inputmode: "numeric",
            hint: t("fDrawsPerCampaignHint"),
          }),
        ),
        errorSlot("/limits"),
        h("div", { class: "pity", "data-pointer": "/pity", "data-label": t("fPity") }),
      ),
      section(
        "prizes",
        t("secPrizes"),
        isDeck ? t("secPrizesDeckIntro") : t("secPrizesIntro"),
        prizeTable("/prize_table", t("regularDay")),
      ),
      section("overrides", t("secOverrides"), t("secOverridesIntro"), overridesBlock()),
      section("theme", t("secTheme"), t("secThemeIntro"), themeBlock()),
    );
    renderPity();
  }

  /** A rule the deck model fixes: shown as a disabled select with its only value. */
  function fixedRule(pointer, label, value, hint) {
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

  function poolChooser() {
    const current = ed.draft.pool ?? "odds";
    const hint = h(
      "p",
      { class: "hint", id: ptr.domId("hint-", "/pool") },
      current === "deck" ? t("poolDeckHint") : t("poolOddsHint"),
    );
    const select = h(
      "select",
      {
        id: ptr.domId("f-", "/pool"),
        "data-pointer": "/pool",
        "data-label": t("fPool"),
        "data-testid": "field-pool",
        "aria-describedby": `${hint.id} ${ptr.domId("err-", "/pool")}`,
        onchange: () => switchPool(select.value),
      },
      h("option", { value: "odds", selected: current === "odds" }, t("poolOdds")),
      h("option", { value: "deck", selected: current === "deck" }, t("poolDeck")),
    );
    return h("div", { class: "field" }, h("label", { for: select.id }, t("fPool")), select, hint, errorSlot("/pool"));
  }

  function tables() {
    const out = [];
    if (ed.draft.prize_table && typeof ed.draft.prize_table === "object") out.push(ed.draft.prize_table);
    for (const table of Object.values(ed.draft.date_overrides ?? {}))
      if (table && typeof table === "object") out.push(table);
    return out;
  }

  function switchPool(pool) {
    const d = ed.draft;
    if ((d.pool ?? "odds") === pool) return;
    if (pool === "deck") {
      for (const table of tables()) {
        const prizes = Array.isArray(table.prizes) ? table.prizes : [];
        const stock = prizes.reduce((sum, p) => sum + (Number.isInteger(p?.stock) ? p.stock : 0), 0);
        const odds = prizes.reduce((sum, p) => sum + (oddsNumber(p?.odds) || 0), 0);
        if (!Number.isInteger(table.boxes))
          table.boxes = Math.max(stock, 1, odds > 0 ? Math.round(stock / odds) : stock * 10);
        for (const prize of prizes) if (prize && typeof prize === "object") delete prize.odds;
      }
      d.pool = "deck";
      d.sold_out = "lose";
      d.pacing = "none";
    } else {
      for (const table of tables()) {
        const prizes = Array.isArray(table.prizes) ? table.prizes : [];
        // A prize's share of the case; never more than the whole case together.
        const stock = prizes.reduce((sum, p) => sum + (Number.isInteger(p?.stock) && p.stock > 0 ? p.stock : 0), 0);
        const boxes = Math.max(Number.isInteger(table.boxes) ? table.boxes : 0, stock);
        for (const prize of prizes) {
          if (prize && typeof prize === "object" && prize.odds === undefined) {
            prize.odds =
              boxes > 0 && boxes <= 1e9 && Number.isInteger(prize.stock) && prize.stock >= 0
                ? `${prize.stock}/${boxes}`
                : "0";
          }
        }
        delete table.boxes;
      }
      d.pool = "odds";
    }
    ed.touched.add("/pool");
    renderForm();
    changed("form");
    announce(pool === "deck" ? t("poolSwitchedDeck") : t("poolSwitchedOdds"));
    focusElement(els.form.querySelector("[data-testid=field-pool]"), { scroll: false });
  }

  // ---------------------------------------------------------- pity

  function renderPity() {
    const mountPoint = els.form.querySelector(".pity");
    if (!mountPoint) return;
    const pity = ed.draft.pity;
    const enabled = pity !== undefined && pity !== null;
    const toggle = h("input", {
      type: "checkbox",
      id: "pity-enabled",
      "data-testid": "field-pity-enabled",
      checked: enabled,
      onchange: () => {
        if (toggle.checked) {
          const prizes = allPrizes(ed.draft);
          // The most plentiful prize is the usual guarantee.
          const table = Array.isArray(ed.draft.prize_table?.prizes) ? ed.draft.prize_table.prizes : [];
          const plentiful = [...table].sort((a, b) => (b?.stock ?? 0) - (a?.stock ?? 0))[0]?.id ?? prizes[0]?.id;
          ed.draft.pity = { after: 10, prizes: plentiful ? [plentiful] : [] };
        } else {
          delete ed.draft.pity;
        }
        ed.touched.add("/pity");
        renderPity();
        changed("form");
        els.form.querySelector("#pity-enabled")?.focus();
      },
    });
    const children = [
      h(
        "div",
        { class: "check" },
        toggle,
        h(
          "label",
          { for: "pity-enabled" },
          h("strong", {}, t("fPity")),
          " ",
          h("span", { class: "hint" }, t("fPityHint")),
        ),
      ),
      errorSlot("/pity"),
    ];
    if (enabled) {
      const chosen = Array.isArray(pity.prizes) ? pity.prizes : [];
      const known = allPrizes(ed.draft);
      for (const id of chosen)
        if (typeof id === "string" && !known.some((p) => p.id === id)) known.push({ id, name: id, missing: true });
      children.push(
        h(
          "div",
          { class: "pity-details" },
          field("/pity/after", {
            label: t("fPityAfter"),
            kind: "int",
            inputmode: "numeric",
            hint: t("fPityAfterHint"),
          }),
          h(
            "fieldset",
            {
              class: "field checklist",
              "data-pointer": "/pity/prizes",
              "data-label": t("fPityPrizes"),
              "data-testid": "field-pity-prizes",
              id: ptr.domId("f-", "/pity/prizes"),
            },
            h("legend", {}, t("fPityPrizes")),
            h(
              "div",
              { class: "checklist-items" },
              known.map((prize) => {
                const boxId = `pity-${prize.id}`;
                const box = h("input", {
                  type: "checkbox",
                  id: boxId,
                  value: prize.id,
                  checked: chosen.includes(prize.id),
                  "data-testid": `pity-prize-${prize.id}`,
                  onchange: () => {
                    const list = Array.isArray(ed.draft.pity.prizes) ? ed.draft.pity.prizes : [];
                    const order = allPrizes(ed.draft).map((p) => p.id);
                    const next = box.checked ? [...new Set([...list, prize.id])] : list.filter((id) => id !== prize.id);
                    next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
                    ed.draft.pity.prizes = next;
                    ed.touched.add("/pity/prizes");
                    changed("form");
                  },
                });
                return h(
                  "div",
                  { class: "check" },
                  box,
                  h(
                    "label",
                    { for: boxId },
                    prize.name,
                    " ",
                    h("code", { class: "small muted" }, prize.id),
                    prize.missing ? h("span", { class: "tag tag-warn" }, t("missingPrize")) : null,
                  ),
                );
              }),
            ),
            errorSlot("/pity/prizes"),
          ),
        ),
      );
    }
    clear(mountPoint, children);
  }

  // ---------------------------------------------------------- prize tables

  function tableLabel(base) {
    return base === "/prize_table" ? t("regularDay") : fmtDay(ptr.parse(base)[1]);
  }

  function prizeTable(base, caption) {
    const table = valueAt(base) ?? {};
    const prizes = Array.isArray(table.prizes) ? table.prizes : [];
    const isDeck = ed.draft.pool === "deck";
    const isMain = base === "/prize_table";
    const baseId = ptr.testId(base);
    const list = h(
      "ol",
      {
        class: "prize-list",
        "data-pointer": `${base}/prizes`,
        "data-label": t("prizeListLabel", caption),
        "aria-label": t("prizeListLabel", caption),
      },
      prizes.map((prize, index) => prizeCard(base, index, prize, prizes.length)),
    );
    return h(
      "div",
      { class: "prize-table", "data-table": base, "data-pointer": base, "data-label": caption },
      isDeck
        ? field(`${base}/boxes`, {
            label: t("fBoxes"),
            fullLabel: `${caption} · ${t("fBoxes")}`,
            kind: "int",
            inputmode: "numeric",
            hint: t("fBoxesHint"),
            className: "boxes-field",
          })
        : null,
      errorSlot(base),
      h("p", { class: "table-summary", "data-summary-for": base, "aria-live": "off" }, tableSummary(base)),
      list,
      errorSlot(`${base}/prizes`),
      h(
        "button",
        {
          type: "button",
          class: "button button-secondary",
          "data-testid": isMain ? "add-prize" : `add-prize-${baseId}`,
          onclick: () => addPrize(base),
        },
        h("span", { "aria-hidden": "true" }, "+ "),
        t("addPrize"),
        isMain ? null : h("span", { class: "visually-hidden" }, ` (${caption})`),
      ),
    );
  }

  function tableSummary(base) {
    const table = valueAt(base);
    const prizes = Array.isArray(table?.prizes) ? table.prizes : [];
    if (ed.draft.pool === "deck") {
      const stock = prizes.reduce((sum, p) => sum + (Number.isInteger(p?.stock) ? p.stock : 0), 0);
      return Number.isInteger(table?.boxes) ? t("deckSummary", stock, table.boxes) : "";
    }
    let total = [0n, 1n];
    for (const prize of prizes) {
      const f = oddsFraction(prize?.odds);
      if (!f) return t("oddsSummaryIncomplete");
      total = [total[0] * f[1] + f[0] * total[1], total[1] * f[1]];
    }
    const share = Number(total[0]) / Number(total[1]);
    return t("oddsSummary", share);
  }

  function refreshSummaries() {
    for (const el of els.form?.querySelectorAll("[data-summary-for]") ?? [])
      el.textContent = tableSummary(el.dataset.summaryFor);
  }

  function prizeCard(base, index, prize, count) {
    const p = `${base}/prizes/${index}`;
    const isDeck = ed.draft.pool === "deck";
    const caption = tableLabel(base);
    const number = index + 1;
    const legendName = h("span", { class: "legend-name" }, prize?.name || prize?.id || "");
    const full = (label) => `${base === "/prize_table" ? "" : `${caption} · `}${t("prizeN", number)} · ${label}`;
    const thumb = h("div", { class: "prize-thumb", "aria-hidden": "true" });
    const setThumb = (url) => {
      clear(
        thumb,
        typeof url === "string" && /^(https?:\/\/|\/(?!\/))/.test(url)
          ? h("img", { src: url, alt: "", loading: "lazy" })
          : giftIcon(),
      );
    };
    setThumb(prize?.image);
    const oddsHint = h("span", { class: "odds-hint", id: ptr.domId("oh-", p) });
    const setOddsHint = (text) => (oddsHint.textContent = oddsText(text));
    setOddsHint(prize?.odds);
    const imageField = field(`${p}/image`, {
      label: t("fImage"),
      fullLabel: full(t("fImage")),
      kind: "optional",
      placeholder: "/media/…",
      onValue: debounce((value) => setThumb(value), 300),
    });
    const imageInput = imageField.querySelector("input");
    imageField.append(
      uploadControl({
        campaignId: () => ed.id ?? ed.draft.id,
        testid: `upload-${ptr.testId(p)}-image`,
        label: t("uploadPicture"),
        onUploaded: (url) => {
          imageInput.value = url;
          ed.touched.add(`${p}/image`);
          applyValue(`${p}/image`, "optional", url);
          setThumb(url);
          changed("form");
        },
      }),
    );
    const action = (name, label, disabled, onclick, extra = {}) =>
      h(
        "button",
        {
          type: "button",
          class: `button button-ghost button-small ${name === "remove" ? "button-danger-ghost" : ""}`,
          "data-action": name,
          "data-index": index,
          "data-testid": `prize-${name}-${ptr.testId(p)}`,
          "aria-label": label,
          title: label,
          disabled,
          onclick,
          ...extra,
        },
        h("span", { "aria-hidden": "true" }, name === "up" ? "↑" : name === "down" ? "↓" : "✕"),
        h(
          "span",
          { class: "action-text" },
          name === "up" ? t("moveUp") : name === "down" ? t("moveDown") : t("remove"),
        ),
      );
    const name = prize?.name || prize?.id || t("prizeN", number);
    return h(
      "li",
      { class: "prize-card", "data-prize-index": index, "data-prize-id": prize?.id ?? "" },
      h(
        "fieldset",
        {
          "data-pointer": p,
          "data-label": `${base === "/prize_table" ? "" : `${caption} · `}${t("prizeN", number)} (${prize?.name || prize?.id || ""})`,
        },
        h("legend", {}, h("span", { class: "prize-number" }, t("prizeN", number)), " ", legendName),
        h(
          "div",
          { class: `prize-grid ${isDeck ? "deck" : ""}`.trim() },
          thumb,
          field(`${p}/id`, {
            label: t("fPrizeId"),
            fullLabel: full(t("fPrizeId")),
            className: "f-id",
            onValue: (() => {
              let previous = prize?.id;
              return (value) => {
                renameInPity(previous, value);
                previous = value;
                if (!prize?.name) legendName.textContent = value;
              };
            })(),
          }),
          field(`${p}/name`, {
            label: t("fPrizeName"),
            fullLabel: full(t("fPrizeName")),
            className: "f-name",
            onValue: (value) => (legendName.textContent = value),
          }),
          field(`${p}/value`, {
            label: t("fPrizeValue"),
            fullLabel: full(t("fPrizeValue")),
            kind: "optional",
            placeholder: t("fPrizeValuePlaceholder"),
            className: "f-value",
          }),
          field(`${p}/stock`, {
            label: isDeck ? t("fBoxesWithPrize") : t("fStock"),
            fullLabel: full(t("fStock")),
            kind: "int",
            inputmode: "numeric",
            className: "f-stock",
          }),
          isDeck
            ? null
            : (() => {
                const f = field(`${p}/odds`, {
                  label: t("fOdds"),
                  fullLabel: full(t("fOdds")),
                  kind: "odds",
                  placeholder: "0.05 / 1/144",
                  className: "f-odds",
                  onValue: setOddsHint,
                });
                const input = f.querySelector("input");
                input.setAttribute("aria-describedby", `${input.getAttribute("aria-describedby")} ${oddsHint.id}`);
                input.after(oddsHint);
                return f;
              })(),
          h("div", { class: "f-image" }, imageField),
        ),
        errorSlot(p),
        h(
          "div",
          { class: "prize-actions", role: "group", "aria-label": t("prizeActions", name) },
          action("up", t("moveUpLabel", name), index === 0, () => movePrize(base, index, -1)),
          action("down", t("moveDownLabel", name), index === count - 1, () => movePrize(base, index, 1)),
          action("remove", t("removeLabel", name), false, () => removePrize(base, index)),
        ),
      ),
    );
  }

  function renameInPity(from, to) {
    const list = ed.draft.pity?.prizes;
    if (!Array.isArray(list) || !from || from === to) return;
    const stillUsed = tables().some((table) => (table.prizes ?? []).some((p) => p?.id === from));
    if (stillUsed) return;
    const at = list.indexOf(from);
    if (at >= 0 && to && !list.includes(to)) list[at] = to;
    else if (at >= 0 && !to) list.splice(at, 1);
    renderPity();
  }

  function rerenderTable(base) {
    const old = els.form.querySelector(`[data-table="${CSS.escape(base)}"]`);
    if (!old) return renderForm();
    old.replaceWith(prizeTable(base, tableLabel(base)));
    renderPity();
  }

  function tableAt(base) {
    let table = valueAt(base);
    if (!table || typeof table !== "object") {
      table = { prizes: [] };
      ptr.set(ed.draft, base, table);
    }
    if (!Array.isArray(table.prizes)) table.prizes = [];
    return table;
  }

  function addPrize(base) {
    const table = tableAt(base);
    const ids = new Set(allPrizes(ed.draft).map((p) => p.id));
    let n = table.prizes.length + 1;
    while (ids.has(`prize-${n}`)) n++;
    const prize = { id: `prize-${n}`, name: "", stock: 10 };
    if (ed.draft.pool !== "deck") prize.odds = "0.01";
    table.prizes.push(prize);
    rerenderTable(base);
    changed("form");
    const index = table.prizes.length - 1;
    announce(t("prizeAdded", index + 1));
    focusElement(els.form.querySelector(`#${ptr.domId("f-", `${base}/prizes/${index}/name`)}`));
  }

  function removePrize(base, index) {
    const table = tableAt(base);
    const [removed] = table.prizes.splice(index, 1);
    shiftTouched(`${base}/prizes`, index, null);
    rerenderTable(base);
    changed("form");
    announce(t("prizeRemoved", removed?.name || removed?.id || t("prizeN", index + 1)));
    const cards = els.form.querySelectorAll(`[data-table="${CSS.escape(base)}"] .prize-card`);
    const next = cards[Math.min(index, cards.length - 1)];
    focusElement(
      next?.querySelector("[data-action=remove]") ??
        els.form.querySelector(`[data-table="${CSS.escape(base)}"] > button`),
      { scroll: false },
    );
  }

  function movePrize(base, index, delta) {
    const table = tableAt(base);
    const to = index + delta;
    if (to < 0 || to >= table.prizes.length) return;
    [table.prizes[index], table.prizes[to]] = [table.prizes[to], table.prizes[index]];
    shiftTouched(`${base}/prizes`, index, to);
    rerenderTable(base);
    changed("form");
    const moved = table.prizes[to];
    announce(t("prizeMoved", moved?.name || moved?.id || "", to + 1));
    const card = els.form.querySelectorAll(`[data-table="${CSS.escape(base)}"] .prize-card`)[to];
    const same = card?.querySelector(`[data-action=${delta < 0 ? "up" : "down"}]`);
    const other = card?.querySelector(`[data-action=${delta < 0 ? "down" : "up"}]`);
    focusElement(same && !same.disabled ? same : other, { scroll: false });
  }

  /** Keeps "touched" marks with their prize when rows move or go. */
  function shiftTouched(listPointer, from, to) {
    const prefix = `${listPointer}/`;
    const next = new Set();
    for (const pointer of ed.touched) {
      if (!pointer.startsWith(prefix)) {
        next.add(pointer);
        continue;
      }
      const rest = pointer.slice(prefix.length);
      const slash = rest.indexOf("/");
      const index = Number(slash < 0 ? rest : rest.slice(0, slash));
      const tail = slash < 0 ? "" : rest.slice(slash);
      let moved = index;
      if (to === null) {
        if (index === from) continue;
        if (index > from) moved = index - 1;
      } else if (index === from) moved = to;
      else if (index === to) moved = from;
      next.add(`${prefix}${moved}${tail}`);
    }
    ed.touched = next;
  }

  // ---------------------------------------------------------- date overrides

  function overridesBlock() {
    const overrides =
      ed.draft.date_overrides && typeof ed.draft.date_overrides === "object" ? ed.draft.date_overrides : {};
    const days = Object.keys(overrides).sort();
    const dateInput = h("input", {
      type: "date",
      id: "override-date",
      "data-testid": "override-date",
      "aria-describedby": "override-date-error",
    });
    const dateError = h("p", { class: "field-error", id: "override-date-error", role: "alert" });
    const add = () => {
      const day = dateInput.value;
      dateError.textContent = "";
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
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
      const sectionEl = els.form.querySelector("[data-section=overrides]");
      sectionEl.querySelector(".overrides").replaceWith(overridesBlock());
      renderPity();
      changed("form");
      announce(t("overrideAdded", fmtDay(day)));
      focusElement(sectionEl.querySelector(`[data-override="${day}"] h4`));
    };
    return h(
      "div",
      { class: "overrides", "data-pointer": "/date_overrides", "data-label": t("secOverrides") },
      errorSlot("/date_overrides"),
      days.length === 0 ? h("p", { class: "muted" }, t("noOverrides")) : null,
      days.map((day) => {
        const base = ptr.join("/date_overrides", day);
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
                onclick: () => {
                  delete ed.draft.date_overrides[day];
                  if (Object.keys(ed.draft.date_overrides).length === 0) delete ed.draft.date_overrides;
                  const sectionEl = els.form.querySelector("[data-section=overrides]");
                  sectionEl.querySelector(".overrides").replaceWith(overridesBlock());
                  renderPity();
                  changed("form");
                  announce(t("overrideRemoved", fmtDay(day)));
                  focusElement(sectionEl.querySelector("#override-date"), { scroll: false });
                },
              },
              t("removeDate"),
              h("span", { class: "visually-hidden" }, ` ${fmtDay(day)}`),
            ),
          ),
          prizeTable(base, fmtDay(day)),
        );
      }),
      h(
        "div",
        { class: "override-add" },
        h("div", { class: "field" }, h("label", { for: "override-date" }, t("overrideDate")), dateInput, dateError),
        h(
          "button",
          { type: "button", class: "button button-secondary", "data-testid": "add-override", onclick: add },
          t("addOverride"),
        ),
        h("p", { class: "hint" }, t("overrideCopyHint")),
      ),
    );
  }

  // ---------------------------------------------------------- theme

  function themeBlock() {
    const defaults = themeColors({});
    const colorRow = ([key, variable, testid]) => {
      const pointer = `/theme/${key}`;
      const current = valueAt(pointer);
      const valid = typeof current === "string" && /^#[0-9a-f]{6}$/i.test(current);
      const label = t(`color_${key}`);
      const picker = h("input", {
        type: "color",
        id: ptr.domId("c-", pointer),
        value: valid ? current.toLowerCase() : defaults[variable],
        "data-testid": testid,
        "aria-label": t("colorPicker", label),
      });
      const hexField = field(pointer, { label, kind: "optional", placeholder: defaults[variable], className: "f-hex" });
      const hex = hexField.querySelector("input");
      hex.setAttribute("spellcheck", "false");
      picker.addEventListener("input", () => {
        hex.value = picker.value;
        ed.touched.add(pointer);
        applyValue(pointer, "optional", picker.value);
        changed("form");
      });
      hex.addEventListener("input", () => {
        if (/^#[0-9a-f]{6}$/i.test(hex.value)) picker.value = hex.value.toLowerCase();
        if (hex.value === "") picker.value = defaults[variable];
      });
      const reset = h(
        "button",
        {
          type: "button",
          class: "button button-ghost button-small",
          onclick: () => {
            hex.value = "";
            picker.value = defaults[variable];
            ptr.remove(ed.draft, pointer, PRUNE);
            changed("form");
            announce(t("colorReset", label));
          },
        },
        t("useDefault"),
        h("span", { class: "visually-hidden" }, ` (${label})`),
      );
      return h("div", { class: "color-row" }, picker, hexField, reset);
    };
    const picture = (key, testid, label, hint) => {
      const pointer = `/theme/${key}`;
      const f = field(pointer, { label, kind: "optional", placeholder: "/media/…", hint });
      const input = f.querySelector("input");
      const thumb = h("div", { class: "theme-thumb", "aria-hidden": "true" });
      const setThumb = (url) =>
        clear(
          thumb,
          typeof url === "string" && /^(https?:\/\/|\/(?!\/))/.test(url) ? h("img", { src: url, alt: "" }) : null,
        );
      setThumb(valueAt(pointer));
      input.addEventListener(
        "input",
        debounce(() => setThumb(input.value), 300),
      );
      f.append(
        h(
          "div",
          { class: "picture-row" },
          thumb,
          uploadControl({
            campaignId: () => ed.id ?? ed.draft.id,
            testid,
            label: t("uploadPicture"),
            onUploaded: (url) => {
              input.value = url;
              ed.touched.add(pointer);
              applyValue(pointer, "optional", url);
              setThumb(url);
              changed("form");
            },
          }),
        ),
      );
      return f;
    };
    const contrastNote = h("p", { class: "hint contrast-note", "data-contrast": "" });
    return h(
      "div",
      { class: "theme-form", "data-pointer": "/theme", "data-label": t("secTheme") },
      errorSlot("/theme"),
      h("h4", {}, t("themeColors")),
      h("div", { class: "colors" }, THEME_COLORS.map(colorRow)),
      contrastNote,
      h("h4", {}, t("themePictures")),
      h(
        "div",
        { class: "grid-2" },
        picture("logo", "theme-logo-upload", t("fLogo"), t("fLogoHint")),
        picture("box_image", "theme-box-image-upload", t("fBoxImage"), t("fBoxImageHint")),
      ),
      h("p", { class: "hint" }, t("prizePicturesHint")),
      h("h4", {}, t("themeTexts")),
      h(
        "div",
        { class: "grid-2" },
        field("/theme/headline/en", {
          label: t("fHeadlineEn"),
          kind: "optional",
          testid: "theme-headline-en",
          counter: 120,
        }),
        field("/theme/headline/zh", {
          label: t("fHeadlineZh"),
          kind: "optional",
          testid: "theme-headline-zh",
          counter: 120,
        }),
        field("/theme/intro/en", { label: t("fIntroEn"), kind: "textarea", counter: 1000 }),
        field("/theme/intro/zh", { label: t("fIntroZh"), kind: "textarea", counter: 1000 }),
      ),
    );
  }

  function refreshContrast() {
    const note = els.form?.querySelector("[data-contrast]");
    if (!note) return;
    const theme = ed.draft.theme ?? {};
    const colors = themeColors(theme);
    const hex = (v) => typeof v === "string" && /^#[0-9a-f]{6}$/i.test(v);
    const parts = [];
    if (hex(theme.text_color) || hex(theme.background_color)) {
      const text = hex(theme.text_color) ? theme.text_color : colors["--text"];
      const bg = hex(theme.background_color) ? theme.background_color : colors["--bg"];
      const ratio = contrast(text, bg);
      parts.push(ratio < 4.5 ? t("contrastLow", ratio) : t("contrastOk", ratio));
      note.classList.toggle("warn", ratio < 4.5);
    }
    note.textContent = parts.join(" ");
  }

  // ---------------------------------------------------------- changes

  /** After any change of the draft. source: "form" | "json". */
  function changed(source) {
    ed.serverErrors = [];
    if (source === "form") {
      ed.jsonText = stringify(ed.draft);
      ed.jsonError = null;
      if (els.raw && els.raw.value !== ed.jsonText) els.raw.value = ed.jsonText;
    }
    els.saveResult && (els.saveResult.textContent = "");
    els.saveError && (els.saveError.textContent = "");
    refreshHead();
    refreshSummaries();
    refreshContrast();
    validateSoon();
    forecast?.update(ed.draft);
    preview?.update(ed.draft);
  }

  function readJson() {
    let value;
    try {
      value = JSON.parse(ed.jsonText);
    } catch (error) {
      ed.jsonError = error.message;
      ed.serverErrors = [];
      refreshHead();
      validate();
      return;
    }
    ed.jsonError = null;
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      ed.jsonError = t("jsonNotObject");
      refreshHead();
      validate();
      return;
    }
    if (JSON.stringify(value) === JSON.stringify(ed.draft)) {
      refreshHead();
      validate();
      return;
    }
    ed.draft = value;
    ed.showAll = true;
    renderForm();
    changed("json");
  }

  // ---------------------------------------------------------- validation

  function validate() {
    validateSoon.cancel();
    if (!ed.core) {
      renderErrors();
      return;
    }
    const text = ed.jsonError !== null ? ed.jsonText : JSON.stringify(ed.draft);
    ed.coreErrors = ed.core.validate(text);
    if (ed.jsonError !== null && !ed.coreErrors.some((e) => e.field === "")) {
      ed.coreErrors.unshift({ field: "", message: ed.jsonError });
    }
    renderErrors();
  }

  /** The element that shows errors for `pointer`: the nearest one up the pointer. */
  function targetFor(pointer) {
    for (let p = pointer; p !== null; p = ptr.parent(p)) {
      if (p === "") break;
      const slot = els.form.querySelector(`[data-error-for="${CSS.escape(p)}"]`);
      if (!slot) continue;
      const element = els.form.querySelector(`[data-pointer="${CSS.escape(p)}"]`);
      return { pointer: p, element: element ?? slot, slot };
    }
    return { pointer: "", element: els.raw, slot: els.rawError };
  }

  function hiddenUntilTouched(pointer, element) {
    if (ed.showAll || ed.touched.has(pointer)) return false;
    const input = element?.matches?.("input, textarea, select") ? element : null;
    return Boolean(input) && input.value === "";
  }

  function renderErrors() {
    if (!els.form) return;
    if (els.checking) {
      els.checking.textContent = ed.coreFailed ? t("checkerFailed") : ed.core ? "" : t("checkerLoading");
    }
    for (const el of els.form.querySelectorAll("[aria-invalid=true]")) el.removeAttribute("aria-invalid");
    els.raw.removeAttribute("aria-invalid");
    for (const el of mount.querySelectorAll("[data-error-for]")) el.textContent = "";
    for (const el of els.form.querySelectorAll(".has-error")) el.classList.remove("has-error");

    const seen = new Set();
    const all = [];
    for (const error of [...ed.serverErrors, ...ed.coreErrors]) {
      const key = `${error.field}\u0000${error.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(error);
    }
    const shown = [];
    for (const error of all) {
      const target = targetFor(error.field ?? "");
      if (hiddenUntilTouched(target.pointer, target.element)) continue;
      shown.push({ ...error, target });
      if (target.slot) {
        target.slot.textContent = target.slot.textContent
          ? `${target.slot.textContent}\n${error.message}`
          : error.message;
      }
      if (target.element?.matches("input, textarea, select")) target.element.setAttribute("aria-invalid", "true");
      target.element?.closest(".field, .prize-table, fieldset")?.classList.add("has-error");
    }
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
        shown.map((error) => {
          const label =
            error.target.element?.dataset?.label ?? (error.target.pointer === "" ? t("rawJson") : error.field);
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
        }),
      ),
    );
  }

  function focusField(element) {
    if (!element) return;
    const focusable = element.matches("input, textarea, select, button")
      ? element
      : (element.querySelector("input:not([type=hidden]), textarea, select, button") ?? element);
    focusElement(focusable);
  }

  // ---------------------------------------------------------- saving

  function changesToday(current) {
    if (!ed.saved || current?.status !== "open") return [];
    const day = current.today?.day;
    const before = tableFor(ed.saved, day);
    const after = tableFor(ed.draft, day);
    const beforePrizes = Array.isArray(before?.prizes) ? before.prizes : [];
    const afterPrizes = Array.isArray(after?.prizes) ? after.prizes : [];
    const changes = [];
    for (const prize of beforePrizes) {
      const next = afterPrizes.find((p) => p?.id === prize.id);
      const name = prize.name || prize.id;
      if (!next) {
        changes.push(t("changeRemoved", name));
        continue;
      }
      if (typeof next.stock === "number" && next.stock < prize.stock)
        changes.push(t("changeStock", name, prize.stock, next.stock));
      if (ed.draft.pool !== "deck" && !sameOdds(prize.odds, next.odds))
        changes.push(t("changeOdds", name, prize.odds ?? "—", next.odds ?? "—"));
    }
    for (const prize of afterPrizes) {
      if (prize?.id && !beforePrizes.some((p) => p.id === prize.id))
        changes.push(t("changeAdded", prize.name || prize.id));
    }
    if (ed.draft.pool === "deck" && before?.boxes !== after?.boxes)
      changes.push(t("changeBoxes", before?.boxes ?? "—", after?.boxes ?? "—"));
    if ((ed.saved.pool ?? "odds") !== (ed.draft.pool ?? "odds")) changes.push(t("changePool"));
    if ((ed.saved.sold_out ?? "lose") !== (ed.draft.sold_out ?? "lose")) changes.push(t("changeSoldOut"));
    if ((ed.saved.pacing ?? "none") !== (ed.draft.pacing ?? "none")) changes.push(t("changePacing"));
    return changes;
  }

  async function save() {
    if (ed.saving || ed.jsonError !== null) return;
    jsonSoon.flush();
    if (ed.jsonError !== null) return;
    ed.showAll = true;
    validate();
    els.saveResult.textContent = "";
    els.saveError.textContent = "";
    const id = ed.id ?? ed.draft.id;
    if (!isCampaignId(id)) {
      els.saveError.textContent = t("saveNeedsId");
      focusField(els.form.querySelector('[data-pointer="/id"]'));
      return;
    }
    ed.saving = true;
    refreshHead();
    let current = ed.admin;
    if (ed.id) {
      const fresh = await api.get(ed.id);
      if (fresh.ok) current = ed.admin = fresh.data;
    }
    const changes = changesToday(current);
    if (changes.length > 0) {
      ed.saving = false;
      refreshHead();
      const yes = await confirmDialog({
        title: t("confirmTodayTitle"),
        body: [
          h("p", {}, t("confirmTodayBody", fmtDay(current.today.day))),
          h(
            "ul",
            { class: "change-list" },
            changes.map((c) => h("li", {}, c)),
          ),
          h("p", { class: "muted" }, t("confirmTodayNote")),
        ],
        confirm: t("confirmTodayYes"),
        danger: true,
        returnFocus: els.save,
      });
      if (!yes) {
        els.saveResult.textContent = t("saveCancelled");
        return;
      }
      ed.saving = true;
      refreshHead();
    }
    const body = stringify(ed.draft);
    // A new campaign is sent create-only, so it can never replace another one.
    const reply = await api.put(id, body, { createOnly: !ed.id });
    ed.saving = false;
    if (ed.destroyed) return;
    if (reply.ok) {
      const created = reply.status === 201 || !ed.id;
      ed.id = id;
      ed.saved = JSON.parse(body);
      ed.serverErrors = [];
      ed.touched.clear();
      refreshHead();
      renderErrors();
      const message = created ? t("created", id, reply.data?.version) : t("saved", reply.data?.version);
      els.saveResult.textContent = message;
      // The id is fixed now.
      const idInput = els.form.querySelector('[data-pointer="/id"]');
      if (idInput) {
        idInput.readOnly = true;
        const hint = els.form.querySelector(`#${ptr.domId("hint-", "/id")}`);
        if (hint) hint.textContent = t("fIdFixed");
      }
      api.get(id).then((fresh) => {
        if (fresh.ok && !ed.destroyed) ed.admin = fresh.data;
      });
      onSaved(id, created);
      return;
    }
    refreshHead();
    const error = errorOf(reply);
    if (reply.status === 401) return;
    if (error.code === "campaign_exists") {
      ed.serverErrors = [{ field: "/id", message: t("idTaken", id) }];
      renderErrors();
      els.saveError.textContent = t("saveIdTaken");
      focusField(els.form.querySelector('[data-pointer="/id"]'));
      return;
    }
    if (Array.isArray(error.errors) && error.errors.length > 0) {
      ed.serverErrors = error.errors.map((e) => ({ field: e.field ?? "", message: e.message }));
    } else if (error.field !== undefined) {
      ed.serverErrors = [{ field: error.field, message: error.message }];
    } else {
      ed.serverErrors = [];
    }
    renderErrors();
    els.saveError.textContent =
      error.code === "invalid_campaign"
        ? t("saveInvalid", ed.serverErrors.length || 1)
        : error.code === "stock_below_issued"
          ? t("saveStockBelow", error.message)
          : error.code === "network"
            ? t("saveNetwork")
            : t("saveFailed", reply.status, error.message || error.code);
    if (ed.serverErrors.length > 0) {
      const first = targetFor(ed.serverErrors[0].field);
      if (error.code === "stock_below_issued") focusField(first.element);
      else focusElement(els.summary.querySelector("h3"));
    }
  }

  // ---------------------------------------------------------- start

  if (id) {
    render();
    load();
  } else {
    ed.jsonText = stringify(ed.draft);
    render();
    validateSoon();
  }

  return {
    get id() {
      return ed.id;
    },
    rerender() {
      render();
    },
    focusTitle() {
      focusElement(els.title, { scroll: false });
    },
    destroy() {
      ed.destroyed = true;
      headObserver?.disconnect();
      document.documentElement.style.scrollPaddingTop = "";
      validateSoon.cancel();
      jsonSoon.cancel();
      forecast?.destroy();
      preview?.destroy();
    },
  };
}

/** A drawn gift (decorative), the placeholder for a prize without a picture. */
export function giftIcon() {
  return h(
    "svg:svg",
    { viewBox: "0 0 64 64", class: "gift", "aria-hidden": "true", focusable: "false" },
    h("svg:rect", { x: 10, y: 28, width: 44, height: 28, rx: 4, class: "gift-body" }),
    h("svg:rect", { x: 7, y: 20, width: 50, height: 11, rx: 3, class: "gift-lid" }),
    h("svg:rect", { x: 28.5, y: 20, width: 7, height: 36, class: "gift-ribbon" }),
  );
}
