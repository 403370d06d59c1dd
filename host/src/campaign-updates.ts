/**
 * The operator's changes to a campaign object: creating or replacing its
 * definition (validated by the core; stock may not go below what was
 * already won today), and pausing or resuming it. Each change is saved
 * (campaign-store.ts), then published to KV (campaign-publishing.ts).
 * May import the store, publishing, housekeeping, the core's calls and the
 * replies; nothing of HTTP.
 */
import { type CampaignDefinition, prizeTableOn } from "./campaign-definition";
import type { CampaignPublisher } from "./campaign-publishing";
import { type Reply, apiError, notFound } from "./campaign-replies";
import type { CampaignStore, DayStock } from "./campaign-store";
import { CoreError } from "./core";
import { type CampaignSummary, clockAt, loadCampaign, unloadCampaign } from "./core-calls";
import type { Housekeeping } from "./housekeeping";
import { type CampaignRecord, publicView } from "./views";

export class CampaignUpdates {
  constructor(
    private readonly store: CampaignStore,
    private readonly publisher: CampaignPublisher,
    private readonly housekeeping: Housekeeping,
  ) {}

  /**
   * Creates or replaces the campaign. `text` is the definition as sent; with
   * `createOnly`, an existing campaign is left as it is (412 campaign_exists).
   */
  async putCampaign(campaignId: string, text: string, createOnly: boolean): Promise<Reply> {
    const nowMs = Date.now();
    const checked = validate(text, nowMs);
    if ("reply" in checked) return checked.reply;
    const { summary, day } = checked;
    if (summary.id !== campaignId) {
      return apiError(
        400,
        "invalid_campaign",
        `the definition's id "${summary.id}" is not "${campaignId}" from the URL`,
        "/id",
      );
    }
    const previous = this.store.record();
    if (previous && createOnly) {
      return apiError(
        412,
        "campaign_exists",
        `a campaign "${campaignId}" already exists; leave out If-None-Match to replace it`,
        "/id",
      );
    }
    const next: CampaignRecord = {
      id: campaignId,
      version: (previous?.version ?? 0) + 1,
      paused: previous?.paused ?? false,
      updated_at: new Date(nowMs).toISOString(),
      // Validated by the core just above.
      definition: JSON.parse(text) as CampaignDefinition,
    };
    // Stock may not go below what was already won today (nor boxes below those opened).
    if (previous) {
      const problem = stockProblem(next, day, this.store.stockOn(day));
      if (problem) return apiError(409, "stock_below_issued", problem.message, problem.field);
    }
    this.store.createTables(!previous);
    this.store.saveRecord(next);
    await this.publisher.publishRecord(next);
    await this.publisher.publishSnapshot(next);
    if (previous) {
      // A changed definition may move the campaign's last day: the next alarm runs a housekeeping pass.
      this.housekeeping.dueAtNextAlarm();
      await this.publisher.scheduleSnapshot();
    }
    return { status: previous ? 200 : 201, body: { campaign: summary, version: next.version } };
  }

  async setPaused(paused: boolean): Promise<Reply> {
    const record = this.store.record();
    if (!record) return notFound();
    const next = { ...record, paused, updated_at: new Date().toISOString() };
    this.store.saveRecord(next);
    await this.publisher.publishRecord(next);
    const view = publicView(next, this.publisher.snapshot(next, Date.now()), Date.now());
    return { status: 200, body: { status: view.campaign.status, paused } };
  }
}

/**
 * Validates a definition as sent: its summary and the day it is on at
 * `nowMs`, or the 400 invalid_campaign reply. The validation's own handle is
 * released before anything else: a refused definition leaves no trace.
 */
function validate(text: string, nowMs: number): { summary: CampaignSummary; day: string } | { reply: Reply } {
  let loaded: ReturnType<typeof loadCampaign>;
  try {
    loaded = loadCampaign(text);
  } catch (error) {
    if (error instanceof CoreError && error.status === -1) {
      return {
        reply: {
          status: 400,
          body: {
            error: { code: "invalid_campaign", message: error.message, field: error.field, errors: error.errors },
          },
        },
      };
    }
    throw error;
  }
  try {
    return { summary: loaded.summary, day: clockAt(loaded.handle, nowMs).day };
  } finally {
    unloadCampaign(loaded.handle);
  }
}

/** Why a new definition cannot replace the current one today, or null. */
function stockProblem(next: CampaignRecord, day: string, stock: DayStock): { field: string; message: string } | null {
  const overridden = next.definition.date_overrides?.[day] !== undefined;
  const base = overridden ? `/date_overrides/${day}` : "/prize_table";
  const table = prizeTableOn(next.definition, day);
  const prizes = table?.prizes ?? [];
  for (const [prizeId, issued] of Object.entries(stock.issued)) {
    if (issued === 0) continue;
    const index = prizes.findIndex((prize) => prize.id === prizeId);
    if (index < 0) {
      return {
        field: `${base}/prizes`,
        message: `prize "${prizeId}" was already won ${issued} time(s) today (${day}); keep it with stock of at least ${issued}`,
      };
    }
    if (prizes[index].stock < issued) {
      return {
        field: `${base}/prizes/${index}/stock`,
        message: `stock ${prizes[index].stock} is below the ${issued} already won today (${day})`,
      };
    }
  }
  if (next.definition.pool === "deck" && stock.boxes_opened > (table?.boxes ?? 0)) {
    return { field: `${base}/boxes`, message: `${stock.boxes_opened} boxes were already opened today (${day})` };
  }
  return null;
}
