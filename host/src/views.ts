/**
 * What edge locations read, and the public view built from it.
 *
 * KV holds two values per campaign (kv-schema/README.md):
 *   campaign/{id}        CampaignRecord: definition, version, paused; written on every change
 *   campaign/{id}/stock  StockSnapshot: the day's issued counts; at most about once a second
 * The Worker answers GET /api/v1/campaigns/{id} from these alone, so read load
 * never wakes the Durable Object; the core turns them into status and
 * effective odds *now* (pacing moves with the clock, not only with draws).
 * May import the core's calls and the definition's type; nothing of HTTP or storage.
 */
import type { CampaignDefinition } from "./campaign-definition";
import {
  type CampaignSummary,
  type Clock,
  type PrizeOdds,
  campaignHandle,
  clockAt,
  describeCampaign,
  oddsFor,
} from "./core-calls";

/** kv-schema/campaign-record.schema.json */
export interface CampaignRecord {
  id: string;
  version: number;
  paused: boolean;
  updated_at: string;
  definition: CampaignDefinition;
}

/** kv-schema/stock-snapshot.schema.json */
export interface StockSnapshot {
  campaign: string;
  version: number;
  day: string;
  issued: Record<string, number>;
  boxes_opened: number;
  taken_at: string;
}

/** The public campaign (kv-schema/public-campaign.schema.json). */
export interface PublicView {
  campaign: CampaignSummary & {
    status: Clock["status"];
    day: string;
    opens_at: string | null;
    prizes: PrizeOdds[];
    win_odds: unknown;
    boxes_total?: number;
    boxes_left?: number;
    stock_as_of: string | null;
    definition: CampaignDefinition;
    stock: { day: string; issued: Record<string, number>; boxes_opened: number };
  };
}

export const kvKeys = {
  campaign: (id: string) => `campaign/${id}`,
  stock: (id: string) => `campaign/${id}/stock`,
};

/** The public campaign as GET /api/v1/campaigns/{id} returns it. */
export function publicView(record: CampaignRecord, snapshot: StockSnapshot | null, nowMs: number): PublicView {
  const handle = campaignHandle(record);
  const summary = describeCampaign(handle);
  const clock = clockAt(handle, nowMs, record.paused);
  // A snapshot of another day (or another definition's day) says nothing of today's stock.
  const current = snapshot && snapshot.day === clock.day ? snapshot : null;
  // A prize of the snapshot that today's table no longer has is the core's to skip.
  const odds = oddsFor(handle, {
    now: Math.floor(nowMs / 1000),
    issued: current?.issued ?? {},
    boxes_opened: current?.boxes_opened ?? 0,
    other_prizes: "skip",
  });
  const issued = Object.fromEntries(
    Object.entries(current?.issued ?? {}).filter(([id]) => odds.prizes.some((prize) => prize.id === id)),
  );
  return {
    campaign: {
      ...summary,
      status: clock.status,
      day: clock.day,
      opens_at: clock.next_open_unix !== undefined ? new Date(clock.next_open_unix * 1000).toISOString() : null,
      prizes: odds.prizes,
      win_odds: odds.win,
      ...(odds.boxes_total !== undefined ? { boxes_total: odds.boxes_total, boxes_left: odds.boxes_left } : {}),
      stock_as_of: current?.taken_at ?? snapshot?.taken_at ?? null,
      // What the browser's copy of the core needs to compute the same odds itself.
      definition: record.definition,
      stock: {
        day: clock.day,
        issued,
        boxes_opened: current?.boxes_opened ?? 0,
      },
    },
  };
}
