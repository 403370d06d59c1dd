/**
 * What a campaign object publishes to KV for edge locations to read
 * (views.ts, kv-schema/README.md): the campaign record at once after every
 * change, and a stock snapshot of the day's counters at most about once a
 * second, through the object's one alarm (which campaign-object.ts shares
 * with housekeeping: alarmNoLaterThan never pushes it later).
 * May import the store, the core's calls and the KV types; nothing of HTTP.
 */
import type { CampaignStore } from "./campaign-store";
import { type DayStock, campaignHandle, dayStock } from "./core-calls";
import { DrawCounters } from "./draw-counters";
import { type CampaignRecord, type StockSnapshot, kvKeys } from "./views";

const SNAPSHOT_INTERVAL_MS = 1000;

export class CampaignPublisher {
  private snapshotPending = false;

  constructor(
    private readonly store: CampaignStore,
    private readonly kv: KVNamespace,
  ) {}

  /** The day's stock now (the core's bb_day_stock over the counters), as the snapshot in KV says it. */
  snapshot(record: CampaignRecord, nowMs: number): StockSnapshot {
    const counters = new DrawCounters(this.store.sql);
    const stock = dayStock(campaignHandle(record), counters, { now: Math.floor(nowMs / 1000) });
    return {
      campaign: record.id,
      version: record.version,
      day: stock.day,
      issued: issuedCounts(stock),
      boxes_opened: stock.boxes_opened ?? 0,
      taken_at: new Date(nowMs).toISOString(),
    };
  }

  async publishRecord(record: CampaignRecord): Promise<void> {
    await this.kv.put(kvKeys.campaign(record.id), JSON.stringify(record));
  }

  async publishSnapshot(record: CampaignRecord): Promise<void> {
    await this.kv.put(kvKeys.stock(record.id), JSON.stringify(this.snapshot(record, Date.now())));
  }

  /** A snapshot about SNAPSHOT_INTERVAL_MS from now, unless one is already on its way. */
  async scheduleSnapshot(): Promise<void> {
    if (this.snapshotPending) return;
    this.snapshotPending = true;
    await this.alarmNoLaterThan(Date.now() + SNAPSHOT_INTERVAL_MS);
  }

  /** At the alarm: the next change schedules a new snapshot. */
  snapshotStarted(): void {
    this.snapshotPending = false;
  }

  /** Sets the object's one alarm to `at`, unless it is already set to go off sooner. */
  async alarmNoLaterThan(at: number): Promise<void> {
    const current = await this.store.storage.getAlarm();
    if (current === null || current > at) await this.store.storage.setAlarm(at);
  }
}

/**
 * The snapshot's issued map: the prizes won that day, in the byte order of
 * their ids (the order the counters are stored in), none with 0.
 */
function issuedCounts(stock: DayStock): Record<string, number> {
  const won = stock.prizes.filter((prize) => prize.issued > 0).map((prize) => [prize.id, prize.issued] as const);
  won.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(won);
}
