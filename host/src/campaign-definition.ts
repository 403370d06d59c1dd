/**
 * A campaign definition as the Worker reads it (kv-schema/campaign.schema.json).
 *
 * The core validates every definition before it is stored (campaign_load in
 * campaign-updates.ts), so these types describe a valid one. They name the
 * members the host reads; the others pass through as they were sent. The
 * rules over them (which table a day uses, stock, limits) are the core's.
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

/** What players see of a prize: the day's table as the core reads it (bb_day_stock's prizes). */
export interface PrizeShown {
  id: string;
  name: string;
  value?: string;
  image?: string;
}

/**
 * A prize as players see it, from the day's prizes under the campaign's
 * current definition when it still has it, else with its stored name.
 */
export function prizeView(dayPrizes: readonly PrizeShown[] | undefined, prizeId: string, name: string): PrizeShown {
  const prize = dayPrizes?.find((candidate) => candidate.id === prizeId);
  const view: PrizeShown = { id: prizeId, name: prize?.name ?? name };
  if (prize?.value) view.value = prize.value;
  if (prize?.image) view.image = prize.image;
  return view;
}
