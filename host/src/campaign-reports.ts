/**
 * The operator's reports from a campaign object: the admin view (definition,
 * status and today's counters) and the stats (per day and prize, and draws
 * per minute over the last 24 hours). Both read the counters that draws and
 * claims keep (campaign-stats.ts, campaign-store.ts): their cost grows with
 * days and prizes, never with draws.
 * May import the store, stats, publishing's snapshot and the core's calls.
 */
import type { CampaignPublisher } from "./campaign-publishing";
import type { Reply } from "./campaign-replies";
import type { CampaignStats } from "./campaign-stats";
import type { CampaignStore } from "./campaign-store";
import { campaignHandle, clockAt, dayStock } from "./core-calls";
import { DrawCounters } from "./draw-counters";
import { type CampaignRecord, publicView } from "./views";

/** The operator's view: definition, status and today's counters. */
export function adminViewReply(
  record: CampaignRecord,
  stats: CampaignStats,
  publisher: CampaignPublisher,
  nowMs: number,
): Reply {
  const snapshot = publisher.snapshot(record, nowMs);
  const view = publicView(record, snapshot, nowMs);
  const day = snapshot.day;
  const totals = stats.dayTotals(day);
  const claimed = stats.claimedByPrize(day);
  return {
    status: 200,
    body: {
      campaign: record.definition,
      version: record.version,
      paused: record.paused,
      updated_at: record.updated_at,
      status: view.campaign.status,
      today: {
        day,
        ...totals,
        prizes: view.campaign.prizes.map((prize) => ({
          id: prize.id,
          name: prize.name,
          stock_total: prize.stock_total,
          issued: prize.stock_total - prize.stock_left,
          stock_left: prize.stock_left,
          claimed: claimed[prize.id] ?? 0,
        })),
      },
    },
  };
}

/** Per day and prize, and draws per minute over the last 24 hours. */
export function statsReply(record: CampaignRecord, stats: CampaignStats, store: CampaignStore, nowMs: number): Reply {
  const handle = campaignHandle(record);
  const days = stats.days(clockAt(handle, nowMs).day);
  const counters = new DrawCounters(store.sql);
  const perDay = days.map((day) => {
    const stock = dayStock(handle, counters, { day });
    const claimed = stats.claimedByPrize(day);
    return {
      day,
      ...stats.dayTotals(day),
      prizes: stock.prizes.map((prize) => ({
        id: prize.id,
        name: prize.name,
        stock_total: prize.stock,
        issued: prize.issued,
        claimed: claimed[prize.id] ?? 0,
      })),
    };
  });
  const perMinute = stats.drawsPerMinute(nowMs);
  return { status: 200, body: { campaign: record.id, days: perDay, draws_per_minute: perMinute } };
}
