/**
 * A campaign definition as the Worker reads it (kv-schema/campaign.schema.json).
 *
 * The core validates every definition before it is stored (campaign_load in
 * campaign/updates.ts), so these types describe a valid one. They name the
 * members the host reads; the others pass through as they were sent.
 * Imports nothing.
 */

/** One prize of a prize table (campaign.schema.json, $defs/prize). */
export interface PrizeDefinition {
  id: string;
  name: string;
  stock: number;
  odds?: string;
  value?: string;
  image?: string;
}

/** One day's prizes (campaign.schema.json, $defs/prize_table); `boxes` in the deck model. */
export interface PrizeTable {
  prizes: PrizeDefinition[];
  boxes?: number;
}

export interface CampaignDefinition {
  id: string;
  identity?: "open" | "ticket";
  pool?: "odds" | "deck";
  window: { first_day: string; last_day: string; [member: string]: unknown };
  limits?: { draws_per_day?: number; draws_per_campaign?: number };
  prize_table: PrizeTable;
  date_overrides?: Record<string, PrizeTable>;
  [member: string]: unknown;
}

/** The prize table that `day` uses: its date override, or the ordinary table. */
export function prizeTableOn(definition: CampaignDefinition, day: string): PrizeTable {
  return definition.date_overrides?.[day] ?? definition.prize_table;
}

/** Issued counts limited to the prizes of that day's table (a prize since removed is left out). */
export function onlyKnown(
  issued: Record<string, number>,
  definition: CampaignDefinition,
  day: string,
): Record<string, number> {
  const ids = new Set<string>((prizeTableOn(definition, day)?.prizes ?? []).map((prize) => prize.id));
  return Object.fromEntries(Object.entries(issued).filter(([id]) => ids.has(id)));
}

/** A prize as players see it, from the campaign's current definition when it still has it. */
export function prizeView(
  definition: CampaignDefinition | undefined,
  day: string,
  prizeId: string,
  name: string,
): Record<string, unknown> {
  const table = definition ? prizeTableOn(definition, day) : undefined;
  const prize = table?.prizes?.find((candidate) => candidate.id === prizeId);
  const view: Record<string, unknown> = { id: prizeId, name: prize?.name ?? name };
  if (prize?.value) view.value = prize.value;
  if (prize?.image) view.image = prize.image;
  return view;
}
