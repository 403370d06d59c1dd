// The editor's form: its sections in order (basics, opening window, rules,
// prizes, date overrides, theme) and the choice between the odds and the
// deck model, which reshapes every table. Each section's content comes from
// its own module (prizes.js, pity.js, overrides.js, theme.js); this one knows
// only the order and the plain fields. The editor's state comes in `ctx`.

import { announce, clear, focusElement, h } from "../dom.js";
import { t } from "../i18n.js";
import * as ptr from "../pointer.js";
import { errorSlot, field, fixedRule, section } from "./fields.js";
import { overridesBlock } from "./overrides.js";
import { renderPity } from "./pity.js";
import { prizeTable, tables } from "./prizes.js";
import { themeBlock } from "./theme.js";

const OFFSET_CHOICES = ["Z", "+08:00", "+09:00", "+07:00", "+05:30", "+01:00", "+00:00", "-05:00", "-08:00"];

/** Renders the whole form from the draft. */
export function renderForm(ctx) {
  const isDeck = ctx.ed.draft.pool === "deck";
  clear(
    ctx.els.form,
    basicsSection(ctx),
    windowSection(ctx),
    rulesSection(ctx, isDeck),
    section(
      "prizes",
      t("secPrizes"),
      isDeck ? t("secPrizesDeckIntro") : t("secPrizesIntro"),
      prizeTable(ctx, "/prize_table", t("regularDay")),
    ),
    section("overrides", t("secOverrides"), t("secOverridesIntro"), overridesBlock(ctx)),
    section("theme", t("secTheme"), t("secThemeIntro"), themeBlock(ctx)),
  );
  renderPity(ctx);
}

function basicsSection(ctx) {
  const fixedId = Boolean(ctx.ed.id);
  return section(
    "basics",
    t("secBasics"),
    null,
    h(
      "div",
      { class: "grid-2" },
      field(ctx, "/id", {
        label: t("fId"),
        hint: fixedId ? t("fIdFixed") : t("fIdHint"),
        readonly: fixedId,
        placeholder: "spring-festival",
      }),
      field(ctx, "/title", { label: t("fTitle"), hint: t("fTitleHint"), kind: "text", counter: 200 }),
    ),
    field(ctx, "/identity", {
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
  );
}

function windowSection(ctx) {
  return section(
    "window",
    t("secWindow"),
    t("secWindowIntro"),
    h(
      "div",
      { class: "grid-2", "data-pointer": "/window", "data-label": t("secWindow") },
      field(ctx, "/window/first_day", { label: t("fFirstDay"), kind: "date" }),
      field(ctx, "/window/last_day", { label: t("fLastDay"), kind: "date" }),
      field(ctx, "/window/opens_at", {
        label: t("fOpensAt"),
        hint: t("fOpensAtHint"),
        inputmode: "numeric",
        placeholder: "00:00",
      }),
      field(ctx, "/window/closes_at", {
        label: t("fClosesAt"),
        hint: t("fClosesAtHint"),
        inputmode: "numeric",
        placeholder: "24:00",
      }),
      field(ctx, "/utc_offset", {
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
      OFFSET_CHOICES.map((v) => h("option", { value: v })),
    ),
  );
}

/**
 * A rule the operator picks from `choices` ([value, label key] pairs, hint
 * `hintKey`); in the deck model fixed at its first choice (a deck has one
 * sold-out rule and no pacing).
 */
function ruleChoice(ctx, isDeck, pointer, labelKey, choices, hintKey) {
  if (isDeck) return fixedRule(pointer, t(labelKey), t(choices[0][1]), t("deckFixedHint"));
  const options = choices.map(([value, key]) => ({ value, label: t(key) }));
  return field(ctx, pointer, { label: t(labelKey), kind: "select", options, hint: t(hintKey) });
}

function rulesSection(ctx, isDeck) {
  return section(
    "rules",
    t("secRules"),
    null,
    poolChooser(ctx),
    h(
      "div",
      { class: "grid-2" },
      ruleChoice(
        ctx,
        isDeck,
        "/sold_out",
        "fSoldOut",
        [
          ["lose", "soldOutLose"],
          ["redistribute", "soldOutRedistribute"],
        ],
        "fSoldOutHint",
      ),
      ruleChoice(
        ctx,
        isDeck,
        "/pacing",
        "fPacing",
        [
          ["none", "pacingNone"],
          ["even", "pacingEven"],
        ],
        "fPacingHint",
      ),
      field(ctx, "/limits/draws_per_day", {
        label: t("fDrawsPerDay"),
        kind: "int",
        inputmode: "numeric",
        placeholder: "1",
        hint: t("fDrawsPerDayHint"),
      }),
      field(ctx, "/limits/draws_per_campaign", {
        label: t("fDrawsPerCampaign"),
        kind: "int",
        inputmode: "numeric",
        hint: t("fDrawsPerCampaignHint"),
      }),
    ),
    errorSlot("/limits"),
    h("div", { class: "pity", "data-pointer": "/pity", "data-label": t("fPity") }),
  );
}

function poolChooser(ctx) {
  const current = ctx.ed.draft.pool ?? "odds";
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
      onchange: () => switchPool(ctx, select.value),
    },
    h("option", { value: "odds", selected: current === "odds" }, t("poolOdds")),
    h("option", { value: "deck", selected: current === "deck" }, t("poolDeck")),
  );
  return h("div", { class: "field" }, h("label", { for: select.id }, t("fPool")), select, hint, errorSlot("/pool"));
}

/**
 * A first guess at a deck's boxes from a table's odds: the case holding its
 * stock at those odds. A suggestion for the operator, decided nothing; the
 * odds' exact total comes from the core (`bb_odds_text`), its decimal is
 * enough for a guess.
 */
function guessBoxes(ctx, prizes) {
  const stock = prizes.reduce((sum, p) => sum + (Number.isInteger(p?.stock) ? p.stock : 0), 0);
  const texts = prizes.map((p) => (typeof p?.odds === "string" ? p.odds : ""));
  let total = 0;
  try {
    const report = ctx.ed.core?.oddsText({ odds: texts });
    // Valid prizes only, as a sum of the odds that read.
    total = (report?.prizes ?? []).reduce((sum, p) => sum + (p.valid ? Number(p.decimal) : 0), 0);
  } catch {
    total = 0;
  }
  return Math.max(stock, 1, total > 0 ? Math.round(stock / total) : stock * 10);
}

function toDeck(ctx) {
  for (const table of tables(ctx.ed.draft)) {
    const prizes = Array.isArray(table.prizes) ? table.prizes : [];
    if (!Number.isInteger(table.boxes)) table.boxes = guessBoxes(ctx, prizes);
    for (const prize of prizes) if (prize && typeof prize === "object") delete prize.odds;
  }
  const d = ctx.ed.draft;
  d.pool = "deck";
  d.sold_out = "lose";
  d.pacing = "none";
}

function toOdds(ctx) {
  for (const table of tables(ctx.ed.draft)) {
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
  ctx.ed.draft.pool = "odds";
}

function switchPool(ctx, pool) {
  if ((ctx.ed.draft.pool ?? "odds") === pool) return;
  if (pool === "deck") toDeck(ctx);
  else toOdds(ctx);
  ctx.ed.touched.add("/pool");
  renderForm(ctx);
  ctx.changed("form");
  announce(pool === "deck" ? t("poolSwitchedDeck") : t("poolSwitchedOdds"));
  focusElement(ctx.els.form.querySelector("[data-testid=field-pool]"), { scroll: false });
}
