/**
 * What edge locations read, and the public view built from it.
 *
 * KV holds two values per campaign (kv-schema/README.md):
 *   campaign/{id}        CampaignRecord: definition, version, paused; written on every change
 *   campaign/{id}/stock  StockSnapshot: the day's issued counts; at most about once a second
 * The Worker answers GET /api/v1/campaigns/{id} from these alone, so read load
 * never wakes the Durable Object; the core turns them into status and
 * effective odds *now* (pacing moves with the clock, not only with draws).
 */
import { withCore } from "./core";

export interface CampaignRecord {
  id: string;
  version: number;
  paused: boolean;
  updated_at: string;
  definition: any;
}

export interface StockSnapshot {
  campaign: string;
  version: number;
  day: string;
  issued: Record<string, number>;
  boxes_opened: number;
  taken_at: string;
}

export const kvKeys = {
  campaign: (id: string) => `campaign/${id}`,
  stock: (id: string) => `campaign/${id}/stock`,
};

/** Issued counts limited to the prizes of that day's table (a prize since removed is left out). */
export function onlyKnown(issued: Record<string, number>, definition: any, day: string): Record<string, number> {
  const table = definition.date_overrides?.[day] ?? definition.prize_table;
  const ids = new Set<string>((table?.prizes ?? []).map((p: any) => p.id));
  return Object.fromEntries(Object.entries(issued).filter(([id]) => ids.has(id)));
}

/** The public campaign as GET /api/v1/campaigns/{id} returns it. */
export function publicView(record: CampaignRecord, snapshot: StockSnapshot | null, nowMs: number) {
  const now = Math.floor(nowMs / 1000);
  return withCore((core) => {
    const handle = core.campaign(record.id, record.version, () => JSON.stringify(record.definition));
    const summary = core.call("campaign_describe", [handle]).result;
    const clock = core.call("clock", [handle], JSON.stringify({ now, paused: record.paused })).result;
    // A snapshot of another day (or another definition's day) says nothing of today's stock.
    const current = snapshot && snapshot.day === clock.day ? snapshot : null;
    const odds = core.call(
      "odds",
      [handle],
      JSON.stringify({
        now,
        issued: current ? onlyKnown(current.issued, record.definition, clock.day) : {},
        boxes_opened: current?.boxes_opened ?? 0,
      }),
    ).result;
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
          issued: current ? onlyKnown(current.issued, record.definition, clock.day) : {},
          boxes_opened: current?.boxes_opened ?? 0,
        },
      },
    };
  });
}
