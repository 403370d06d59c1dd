// The editor's prize tables: a table (the regular one or a date override's)
// with its boxes (deck model), its summary, a card per prize and the buttons
// that add, move and remove prizes. Odds are read by the core
// (`bb_odds_text`, one call per table): the table's total and blank share,
// and each prize's "= 5% · about 1 in 20" or the parser's message. The
// editor's state comes in `ctx`; `ctx.renderForm` redraws everything.

import { announce, clear, debounce, focusElement, h } from "../dom.js";
import { fmtDay, oddsHint, t } from "../i18n.js";
import * as ptr from "../pointer.js";
import { allPrizes } from "../campaign.js";
import { uploadControl } from "../upload.js";
import { applyValue, errorSlot, field } from "./fields.js";
import { renderPity } from "./pity.js";

const PICTURE_URL = /^(https?:\/\/|\/(?!\/))/;

/** Every table of `draft`: the regular one, then the date overrides'. */
export function tables(draft) {
  const out = [];
  if (draft.prize_table && typeof draft.prize_table === "object") out.push(draft.prize_table);
  for (const table of Object.values(draft.date_overrides ?? {}))
    if (table && typeof table === "object") out.push(table);
  return out;
}

function tableLabel(base) {
  return base === "/prize_table" ? t("regularDay") : fmtDay(ptr.parse(base)[1]);
}

/** The table at `base` with its boxes, summary, prize cards and "add" button. */
export function prizeTable(ctx, base, caption) {
  const table = ptr.get(ctx.ed.draft, base) ?? {};
  const prizes = Array.isArray(table.prizes) ? table.prizes : [];
  const isMain = base === "/prize_table";
  const list = h(
    "ol",
    {
      class: "prize-list",
      "data-pointer": `${base}/prizes`,
      "data-label": t("prizeListLabel", caption),
      "aria-label": t("prizeListLabel", caption),
    },
    prizes.map((prize, index) => prizeCard(ctx, base, index, prize, prizes.length)),
  );
  const element = h(
    "div",
    { class: "prize-table", "data-table": base, "data-pointer": base, "data-label": caption },
    ctx.ed.draft.pool === "deck"
      ? field(ctx, `${base}/boxes`, {
          label: t("fBoxes"),
          fullLabel: `${caption} · ${t("fBoxes")}`,
          kind: "int",
          inputmode: "numeric",
          hint: t("fBoxesHint"),
          className: "boxes-field",
        })
      : null,
    errorSlot(base),
    h("p", { class: "table-summary", "data-summary-for": base, "aria-live": "off" }),
    list,
    errorSlot(`${base}/prizes`),
    h(
      "button",
      {
        type: "button",
        class: "button button-secondary",
        "data-testid": isMain ? "add-prize" : `add-prize-${ptr.testId(base)}`,
        onclick: () => addPrize(ctx, base),
      },
      h("span", { "aria-hidden": "true" }, "+ "),
      t("addPrize"),
      isMain ? null : h("span", { class: "visually-hidden" }, ` (${caption})`),
    ),
  );
  refreshTable(ctx, element);
  return element;
}

/** The core's reading of a table's odds texts, or null before the core is there. */
function readOdds(ctx, prizes) {
  if (!ctx.ed.core) return null;
  const texts = prizes.map((prize) => (typeof prize?.odds === "string" ? prize.odds : ""));
  try {
    return ctx.ed.core.oddsText({ odds: texts });
  } catch {
    return null;
  }
}

/** The summary line of a table: boxes and blanks (deck), or the chance of a win. */
function tableSummary(ctx, table, report) {
  const prizes = Array.isArray(table?.prizes) ? table.prizes : [];
  if (ctx.ed.draft.pool === "deck") {
    const stock = prizes.reduce((sum, p) => sum + (Number.isInteger(p?.stock) ? p.stock : 0), 0);
    return Number.isInteger(table?.boxes) ? t("deckSummary", stock, table.boxes) : "";
  }
  if (!report) return "";
  if (!report.total) return t("oddsSummaryIncomplete");
  return t("oddsSummary", report.total.percent_brief, report.blank?.percent_brief ?? "0%");
}

/** Writes the summary and every odds hint of the table element `element`. */
function refreshTable(ctx, element) {
  const table = ptr.get(ctx.ed.draft, element.dataset.table);
  const prizes = Array.isArray(table?.prizes) ? table.prizes : [];
  const report = ctx.ed.draft.pool === "deck" ? null : readOdds(ctx, prizes);
  const summary = element.querySelector(":scope > [data-summary-for]");
  if (summary) summary.textContent = tableSummary(ctx, table, report);
  for (const hint of element.querySelectorAll("[data-odds-hint]")) {
    const index = Number(hint.dataset.oddsHint);
    const text = prizes[index]?.odds;
    hint.textContent = report && typeof text === "string" && text !== "" ? oddsHint(report.prizes[index]) : "";
  }
}

/** Refreshes the summaries and odds hints of every table (after any change, or once the core is there). */
export function refreshSummaries(ctx) {
  for (const element of ctx.els.form?.querySelectorAll("[data-table]") ?? []) refreshTable(ctx, element);
}

function thumbnail(url) {
  return typeof url === "string" && PICTURE_URL.test(url)
    ? h("img", { src: url, alt: "", loading: "lazy" })
    : giftIcon();
}

function prizeImageField(ctx, p, full, setThumb) {
  const imageField = field(ctx, `${p}/image`, {
    label: t("fImage"),
    fullLabel: full(t("fImage")),
    kind: "optional",
    placeholder: "/media/…",
    onValue: debounce((value) => setThumb(value), 300),
  });
  const imageInput = imageField.querySelector("input");
  imageField.append(
    uploadControl({
      campaignId: () => ctx.ed.id ?? ctx.ed.draft.id,
      testid: `upload-${ptr.testId(p)}-image`,
      label: t("uploadPicture"),
      onUploaded: (url) => {
        imageInput.value = url;
        ctx.ed.touched.add(`${p}/image`);
        applyValue(ctx.ed.draft, `${p}/image`, "optional", url);
        setThumb(url);
        ctx.changed("form");
      },
    }),
  );
  return h("div", { class: "f-image" }, imageField);
}

function oddsField(ctx, p, index, full) {
  const hint = h("span", { class: "odds-hint", id: ptr.domId("oh-", p), "data-odds-hint": String(index) });
  const f = field(ctx, `${p}/odds`, {
    label: t("fOdds"),
    fullLabel: full(t("fOdds")),
    kind: "odds",
    placeholder: "0.05 / 1/144",
    className: "f-odds",
  });
  const input = f.querySelector("input");
  input.setAttribute("aria-describedby", `${input.getAttribute("aria-describedby")} ${hint.id}`);
  input.after(hint);
  return f;
}

function idField(ctx, p, prize, full, legendName) {
  let previous = prize?.id;
  return field(ctx, `${p}/id`, {
    label: t("fPrizeId"),
    fullLabel: full(t("fPrizeId")),
    className: "f-id",
    onValue: (value) => {
      renameInPity(ctx, previous, value);
      previous = value;
      if (!prize?.name) legendName.textContent = value;
    },
  });
}

function actionButton(p, index, name, label, disabled, onclick) {
  const symbol = { up: "↑", down: "↓", remove: "✕" }[name];
  const text = { up: t("moveUp"), down: t("moveDown"), remove: t("remove") }[name];
  return h(
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
    },
    h("span", { "aria-hidden": "true" }, symbol),
    h("span", { class: "action-text" }, text),
  );
}

function prizeActions(ctx, base, p, index, count, name) {
  return h(
    "div",
    { class: "prize-actions", role: "group", "aria-label": t("prizeActions", name) },
    actionButton(p, index, "up", t("moveUpLabel", name), index === 0, () => movePrize(ctx, base, index, -1)),
    actionButton(p, index, "down", t("moveDownLabel", name), index === count - 1, () => movePrize(ctx, base, index, 1)),
    actionButton(p, index, "remove", t("removeLabel", name), false, () => removePrize(ctx, base, index)),
  );
}

function prizeCard(ctx, base, index, prize, count) {
  const p = `${base}/prizes/${index}`;
  const isDeck = ctx.ed.draft.pool === "deck";
  const number = index + 1;
  const where = base === "/prize_table" ? "" : `${tableLabel(base)} · `;
  const full = (label) => `${where}${t("prizeN", number)} · ${label}`;
  const legendName = h("span", { class: "legend-name" }, prize?.name || prize?.id || "");
  const thumb = h("div", { class: "prize-thumb", "aria-hidden": "true" });
  const setThumb = (url) => clear(thumb, thumbnail(url));
  setThumb(prize?.image);
  const name = prize?.name || prize?.id || t("prizeN", number);
  return h(
    "li",
    { class: "prize-card", "data-prize-index": index, "data-prize-id": prize?.id ?? "" },
    h(
      "fieldset",
      { "data-pointer": p, "data-label": `${where}${t("prizeN", number)} (${prize?.name || prize?.id || ""})` },
      h("legend", {}, h("span", { class: "prize-number" }, t("prizeN", number)), " ", legendName),
      h(
        "div",
        { class: `prize-grid ${isDeck ? "deck" : ""}`.trim() },
        thumb,
        idField(ctx, p, prize, full, legendName),
        field(ctx, `${p}/name`, {
          label: t("fPrizeName"),
          fullLabel: full(t("fPrizeName")),
          className: "f-name",
          onValue: (value) => (legendName.textContent = value),
        }),
        field(ctx, `${p}/value`, {
          label: t("fPrizeValue"),
          fullLabel: full(t("fPrizeValue")),
          kind: "optional",
          placeholder: t("fPrizeValuePlaceholder"),
          className: "f-value",
        }),
        field(ctx, `${p}/stock`, {
          label: isDeck ? t("fBoxesWithPrize") : t("fStock"),
          fullLabel: full(t("fStock")),
          kind: "int",
          inputmode: "numeric",
          className: "f-stock",
        }),
        isDeck ? null : oddsField(ctx, p, index, full),
        prizeImageField(ctx, p, full, setThumb),
      ),
      errorSlot(p),
      prizeActions(ctx, base, p, index, count, name),
    ),
  );
}

/** A prize's new id replaces the old one in the guarantee, once no table uses the old one. */
function renameInPity(ctx, from, to) {
  const list = ctx.ed.draft.pity?.prizes;
  if (!Array.isArray(list) || !from || from === to) return;
  const stillUsed = tables(ctx.ed.draft).some((table) => (table.prizes ?? []).some((p) => p?.id === from));
  if (stillUsed) return;
  const at = list.indexOf(from);
  if (at >= 0 && to && !list.includes(to)) list[at] = to;
  else if (at >= 0 && !to) list.splice(at, 1);
  renderPity(ctx);
}

function tableElement(ctx, base) {
  return ctx.els.form.querySelector(`[data-table="${CSS.escape(base)}"]`);
}

function rerenderTable(ctx, base) {
  const old = tableElement(ctx, base);
  if (!old) return ctx.renderForm();
  old.replaceWith(prizeTable(ctx, base, tableLabel(base)));
  renderPity(ctx);
}

function tableAt(ctx, base) {
  let table = ptr.get(ctx.ed.draft, base);
  if (!table || typeof table !== "object") {
    table = { prizes: [] };
    ptr.set(ctx.ed.draft, base, table);
  }
  if (!Array.isArray(table.prizes)) table.prizes = [];
  return table;
}

function addPrize(ctx, base) {
  const table = tableAt(ctx, base);
  const ids = new Set(allPrizes(ctx.ed.draft).map((p) => p.id));
  let n = table.prizes.length + 1;
  while (ids.has(`prize-${n}`)) n++;
  const prize = { id: `prize-${n}`, name: "", stock: 10 };
  if (ctx.ed.draft.pool !== "deck") prize.odds = "0.01";
  table.prizes.push(prize);
  rerenderTable(ctx, base);
  ctx.changed("form");
  const index = table.prizes.length - 1;
  announce(t("prizeAdded", index + 1));
  focusElement(ctx.els.form.querySelector(`#${ptr.domId("f-", `${base}/prizes/${index}/name`)}`));
}

function removePrize(ctx, base, index) {
  const table = tableAt(ctx, base);
  const [removed] = table.prizes.splice(index, 1);
  ctx.ed.touched = shiftTouched(ctx.ed.touched, `${base}/prizes`, index, null);
  rerenderTable(ctx, base);
  ctx.changed("form");
  announce(t("prizeRemoved", removed?.name || removed?.id || t("prizeN", index + 1)));
  const element = tableElement(ctx, base);
  const cards = element.querySelectorAll(".prize-card");
  const next = cards[Math.min(index, cards.length - 1)];
  focusElement(next?.querySelector("[data-action=remove]") ?? element.querySelector(":scope > button"), {
    scroll: false,
  });
}

function movePrize(ctx, base, index, delta) {
  const table = tableAt(ctx, base);
  const to = index + delta;
  if (to < 0 || to >= table.prizes.length) return;
  [table.prizes[index], table.prizes[to]] = [table.prizes[to], table.prizes[index]];
  ctx.ed.touched = shiftTouched(ctx.ed.touched, `${base}/prizes`, index, to);
  rerenderTable(ctx, base);
  ctx.changed("form");
  const moved = table.prizes[to];
  announce(t("prizeMoved", moved?.name || moved?.id || "", to + 1));
  const card = tableElement(ctx, base).querySelectorAll(".prize-card")[to];
  const same = card?.querySelector(`[data-action=${delta < 0 ? "up" : "down"}]`);
  const other = card?.querySelector(`[data-action=${delta < 0 ? "down" : "up"}]`);
  focusElement(same && !same.disabled ? same : other, { scroll: false });
}

/** The "touched" marks with their prize kept when rows move (`to`) or go (`to` null). */
function shiftTouched(touched, listPointer, from, to) {
  const prefix = `${listPointer}/`;
  const next = new Set();
  for (const pointer of touched) {
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
  return next;
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
