// Saving the draft: PUT to the API (create-only for a new campaign), after
// the operator confirms what players would notice today when the campaign
// is open (the core lists it: bb_change_check of the draft against the saved
// definition on the campaign's today); the server's refusals are shown at
// their fields like the core's. The editor's state comes in `ctx`.

import { isCampaignId } from "../../shared/campaign-id.js";
import { loadCore } from "../../shared/core-browser.js";
import { api, errorOf } from "../api.js";
import { stringify, tableFor } from "../campaign.js";
import { confirmDialog, focusElement, h } from "../dom.js";
import { fmtDay, t } from "../i18n.js";
import * as ptr from "../pointer.js";
import { focusField, renderErrors, targetFor, validate } from "./validation.js";

/** The odds text the operator wrote for prize `id` in the table of `day`, or "—". */
function oddsTextOf(campaign, day, id) {
  const prizes = tableFor(campaign, day)?.prizes;
  const prize = Array.isArray(prizes) ? prizes.find((p) => p?.id === id) : undefined;
  return prize?.odds ?? "—";
}

/** One change the core reports, in the operator's words. */
function changeText(change, ed, day) {
  switch (change.kind) {
    case "removed":
      return t("changeRemoved", change.name);
    case "added":
      return t("changeAdded", change.name);
    case "stock":
      return t("changeStock", change.name, change.before, change.after);
    case "odds":
      return t(
        "changeOdds",
        change.name,
        oddsTextOf(ed.saved, day, change.prize),
        oddsTextOf(ed.draft, day, change.prize),
      );
    case "boxes":
      return t("changeBoxes", change.before || "—", change.after || "—");
    case "pool":
      return t("changePool");
    case "sold_out":
      return t("changeSoldOut");
    default:
      return t("changePacing");
  }
}

/**
 * What players would notice today if the draft replaced the saved campaign,
 * as texts; none when the campaign is not open. A draft the core cannot load
 * lists none: the server refuses it anyway.
 */
async function changesToday(ed, current) {
  if (!ed.saved || current?.status !== "open") return [];
  const day = current.today?.day;
  try {
    const core = ed.core ?? (await loadCore());
    const { changes } = core.changeCheck(stringify(ed.draft), stringify(ed.saved), { day });
    return changes.map((change) => changeText(change, ed, day));
  } catch {
    return [];
  }
}

/** Asks the operator to confirm today's changes; false when they cancel. */
async function confirmToday(ctx, current, changes) {
  const { ed } = ctx;
  ed.saving = false;
  ctx.refreshHead();
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
    returnFocus: ctx.els.save,
  });
  if (!yes) {
    // ctx.els, not a copy from before the dialog: the editor may have been redrawn meanwhile.
    ctx.els.saveResult.textContent = t("saveCancelled");
    return false;
  }
  ed.saving = true;
  ctx.refreshHead();
  return true;
}

/** The id to save under, or null (with the reason shown) when there is none yet. */
function idToSave(ctx) {
  const { ed, els } = ctx;
  const id = ed.id ?? ed.draft.id;
  if (isCampaignId(id)) return id;
  els.saveError.textContent = t("saveNeedsId");
  focusField(els.form.querySelector('[data-pointer="/id"]'));
  return null;
}

/** Saves the draft, after the confirmation of today's changes. */
export async function save(ctx) {
  const { ed, els } = ctx;
  if (ed.saving || ed.jsonError !== null) return;
  ctx.jsonSoon.flush();
  if (ed.jsonError !== null) return;
  ed.showAll = true;
  validate(ctx);
  els.saveResult.textContent = "";
  els.saveError.textContent = "";
  const id = idToSave(ctx);
  if (!id) return;
  ed.saving = true;
  ctx.refreshHead();
  let current = ed.admin;
  if (ed.id) {
    const fresh = await api.get(ed.id);
    if (fresh.ok) current = ed.admin = fresh.data;
  }
  const changes = await changesToday(ed, current);
  if (changes.length > 0 && !(await confirmToday(ctx, current, changes))) return;
  const body = stringify(ed.draft);
  // A new campaign is sent create-only, so it can never replace another one.
  const reply = await api.put(id, body, { createOnly: !ed.id });
  ed.saving = false;
  if (ed.destroyed) return;
  if (reply.ok) saved(ctx, id, reply, body);
  else refused(ctx, id, reply);
}

function saved(ctx, id, reply, body) {
  const { ed, els } = ctx;
  const created = reply.status === 201 || !ed.id;
  ed.id = id;
  ed.saved = JSON.parse(body);
  ed.serverErrors = [];
  ed.touched.clear();
  ctx.refreshHead();
  renderErrors(ctx);
  els.saveResult.textContent = created ? t("created", id, reply.data?.version) : t("saved", reply.data?.version);
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
  ctx.onSaved(id, created);
}

/** The server's errors as field errors. */
function serverErrorsOf(error) {
  if (Array.isArray(error.errors) && error.errors.length > 0)
    return error.errors.map((e) => ({ field: e.field ?? "", message: e.message }));
  if (error.field !== undefined) return [{ field: error.field, message: error.message }];
  return [];
}

function refusalText(error, reply, count) {
  if (error.code === "invalid_campaign") return t("saveInvalid", count || 1);
  if (error.code === "stock_below_issued") return t("saveStockBelow", error.message);
  if (error.code === "network") return t("saveNetwork");
  return t("saveFailed", reply.status, error.message || error.code);
}

function refused(ctx, id, reply) {
  const { ed, els } = ctx;
  ctx.refreshHead();
  const error = errorOf(reply);
  if (reply.status === 401) return;
  if (error.code === "campaign_exists") {
    ed.serverErrors = [{ field: "/id", message: t("idTaken", id) }];
    renderErrors(ctx);
    els.saveError.textContent = t("saveIdTaken");
    focusField(els.form.querySelector('[data-pointer="/id"]'));
    return;
  }
  ed.serverErrors = serverErrorsOf(error);
  renderErrors(ctx);
  els.saveError.textContent = refusalText(error, reply, ed.serverErrors.length);
  if (ed.serverErrors.length > 0) {
    const first = targetFor(ctx, ed.serverErrors[0].field);
    if (error.code === "stock_below_issued") focusField(first.element);
    else focusElement(els.summary.querySelector("h3"));
  }
}
