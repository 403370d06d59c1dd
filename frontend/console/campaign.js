// Campaign definitions as plain objects: member order for the JSON view,
// copies, the browser's UTC offset, the table a day shows and the prizes of
// every table (for display only: the core decides everything, and reads odds
// and does calendar arithmetic for the editor: bb_odds_text, bb_calendar).

const ORDER = {
  "": [
    "$schema",
    "id",
    "title",
    "utc_offset",
    "window",
    "pool",
    "sold_out",
    "pacing",
    "identity",
    "limits",
    "pity",
    "prize_table",
    "date_overrides",
    "theme",
  ],
  window: ["first_day", "last_day", "opens_at", "closes_at"],
  limits: ["draws_per_day", "draws_per_campaign"],
  pity: ["after", "prizes"],
  table: ["boxes", "prizes"],
  prize: ["id", "name", "value", "image", "stock", "odds"],
  theme: ["primary_color", "accent_color", "background_color", "text_color", "logo", "box_image", "headline", "intro"],
  text: ["en", "zh"],
};

function ordered(value, order) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const out = {};
  for (const key of order) if (key in value) out[key] = value[key];
  for (const key of Object.keys(value)) if (!(key in out)) out[key] = value[key];
  return out;
}

function orderedTable(table) {
  const out = ordered(table, ORDER.table);
  if (out && Array.isArray(out.prizes)) out.prizes = out.prizes.map((prize) => ordered(prize, ORDER.prize));
  return out;
}

/** The campaign with its members in the documented order (for the JSON view and saving). */
export function canonical(campaign) {
  if (!campaign || typeof campaign !== "object" || Array.isArray(campaign)) return campaign;
  const out = ordered(campaign, ORDER[""]);
  if (out.window) out.window = ordered(out.window, ORDER.window);
  if (out.limits) out.limits = ordered(out.limits, ORDER.limits);
  if (out.pity) out.pity = ordered(out.pity, ORDER.pity);
  if (out.prize_table) out.prize_table = orderedTable(out.prize_table);
  if (out.date_overrides && typeof out.date_overrides === "object" && !Array.isArray(out.date_overrides)) {
    const overrides = {};
    for (const day of Object.keys(out.date_overrides).sort()) overrides[day] = orderedTable(out.date_overrides[day]);
    out.date_overrides = overrides;
  }
  if (out.theme && typeof out.theme === "object") {
    out.theme = ordered(out.theme, ORDER.theme);
    if (out.theme.headline) out.theme.headline = ordered(out.theme.headline, ORDER.text);
    if (out.theme.intro) out.theme.intro = ordered(out.theme.intro, ORDER.text);
  }
  return out;
}

export const stringify = (campaign) => JSON.stringify(canonical(campaign), null, 2);
export const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

export function browserOffset() {
  const minutes = -new Date().getTimezoneOffset();
  if (minutes === 0) return "Z";
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The table in force on `day`: where the editor finds the odds text the operator wrote for a prize the core names. */
export function tableFor(campaign, day) {
  return campaign?.date_overrides?.[day] ?? campaign?.prize_table;
}

/** Every prize id in any table, first appearance first, with a name. */
export function allPrizes(campaign) {
  const seen = new Map();
  const tables = [campaign?.prize_table, ...Object.values(campaign?.date_overrides ?? {})];
  for (const table of tables) {
    for (const prize of Array.isArray(table?.prizes) ? table.prizes : []) {
      if (prize && typeof prize.id === "string" && prize.id && !seen.has(prize.id))
        seen.set(prize.id, prize.name || prize.id);
    }
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}
