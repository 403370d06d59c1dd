// The editor's guarantee ("pity"): a switch that adds or removes it, the
// number of blank draws after which it applies and a checklist of the prizes
// it may give (every prize of any table, plus ids the guarantee names that no
// table has, marked missing). The editor's state comes in `ctx`.

import { clear, h } from "../dom.js";
import { t } from "../i18n.js";
import * as ptr from "../pointer.js";
import { allPrizes } from "../campaign.js";
import { errorSlot, field } from "./fields.js";

/** Renders the guarantee into its place in the rules section. */
export function renderPity(ctx) {
  const mountPoint = ctx.els.form.querySelector(".pity");
  if (!mountPoint) return;
  const pity = ctx.ed.draft.pity;
  const enabled = pity !== undefined && pity !== null;
  clear(mountPoint, pityToggle(ctx, enabled), errorSlot("/pity"), enabled ? pityDetails(ctx, pity) : null);
}

/** The most plentiful prize of the regular table: the usual guarantee. */
function plentifulPrize(draft) {
  const table = Array.isArray(draft.prize_table?.prizes) ? draft.prize_table.prizes : [];
  return [...table].sort((a, b) => (b?.stock ?? 0) - (a?.stock ?? 0))[0]?.id ?? allPrizes(draft)[0]?.id;
}

function pityToggle(ctx, enabled) {
  const { ed } = ctx;
  const toggle = h("input", {
    type: "checkbox",
    id: "pity-enabled",
    "data-testid": "field-pity-enabled",
    checked: enabled,
    onchange: () => {
      if (toggle.checked) {
        const plentiful = plentifulPrize(ed.draft);
        ed.draft.pity = { after: 10, prizes: plentiful ? [plentiful] : [] };
      } else {
        delete ed.draft.pity;
      }
      ed.touched.add("/pity");
      renderPity(ctx);
      ctx.changed("form");
      ctx.els.form.querySelector("#pity-enabled")?.focus();
    },
  });
  return h(
    "div",
    { class: "check" },
    toggle,
    h("label", { for: "pity-enabled" }, h("strong", {}, t("fPity")), " ", h("span", { class: "hint" }, t("fPityHint"))),
  );
}

function pityDetails(ctx, pity) {
  const chosen = Array.isArray(pity.prizes) ? pity.prizes : [];
  const known = /** @type {Array<{id: string, name: string, missing?: boolean}>} */ (allPrizes(ctx.ed.draft));
  for (const id of chosen)
    if (typeof id === "string" && !known.some((p) => p.id === id)) known.push({ id, name: id, missing: true });
  return h(
    "div",
    { class: "pity-details" },
    field(ctx, "/pity/after", {
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
        known.map((prize) => pityChoice(ctx, prize, chosen.includes(prize.id))),
      ),
      errorSlot("/pity/prizes"),
    ),
  );
}

/** One prize of the checklist; the list stays in the prizes' order. */
function pityChoice(ctx, prize, checked) {
  const { ed } = ctx;
  const boxId = `pity-${prize.id}`;
  const box = h("input", {
    type: "checkbox",
    id: boxId,
    value: prize.id,
    checked,
    "data-testid": `pity-prize-${prize.id}`,
    onchange: () => {
      const list = Array.isArray(ed.draft.pity.prizes) ? ed.draft.pity.prizes : [];
      const order = allPrizes(ed.draft).map((p) => p.id);
      const next = box.checked ? [...new Set([...list, prize.id])] : list.filter((id) => id !== prize.id);
      next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      ed.draft.pity.prizes = next;
      ed.touched.add("/pity/prizes");
      ctx.changed("form");
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
}
