/**
 * The operator's changes to a campaign object: creating or replacing its
 * definition (validated by the core, which also refuses stock below what
 * was already won today: bb_change_check), and pausing or resuming it. Each change is saved
 * (campaign-store.ts), then published to KV (campaign-publishing.ts).
 * May import the store, publishing, housekeeping, the core's calls and the
 * replies; nothing of HTTP.
 */
import type { CampaignDefinition } from "./campaign-definition";
import type { CampaignPublisher } from "./campaign-publishing";
import { type Reply, apiError, notFound } from "./campaign-replies";
import type { CampaignStore } from "./campaign-store";
import { CoreError } from "./core";
import { type CampaignSummary, campaignHandle, changeCheck, loadCampaign, unloadCampaign } from "./core-calls";
import { DrawCounters } from "./draw-counters";
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
    const previous = this.store.record();
    const checked = this.checkProposal(text, campaignId, previous, createOnly, nowMs);
    if ("reply" in checked) return checked.reply;
    const next: CampaignRecord = {
      id: campaignId,
      version: (previous?.version ?? 0) + 1,
      paused: previous?.paused ?? false,
      updated_at: new Date(nowMs).toISOString(),
      // Validated by the core (checkProposal).
      definition: JSON.parse(text) as CampaignDefinition,
    };
    this.store.createTables(!previous);
    this.store.saveRecord(next);
    await this.publisher.publishRecord(next);
    await this.publisher.publishSnapshot(next);
    if (previous) {
      // A changed definition may move the campaign's last day: the next alarm runs a housekeeping pass.
      this.housekeeping.dueAtNextAlarm();
      await this.publisher.scheduleSnapshot();
    }
    return { status: previous ? 200 : 201, body: { campaign: checked.summary, version: next.version } };
  }

  /**
   * Whether `text` may become the campaign: valid (the core), of this id, not
   * refused by `createOnly`, and keeping today's stock at least what was
   * already won (the core's bb_change_check over the counters). Its summary,
   * or the reply that refuses it. Synchronous: the proposal's handle is
   * released before anything awaits, and a refused definition leaves no trace.
   */
  private checkProposal(
    text: string,
    campaignId: string,
    previous: CampaignRecord | null,
    createOnly: boolean,
    nowMs: number,
  ): { summary: CampaignSummary } | { reply: Reply } {
    const loaded = load(text);
    if ("reply" in loaded) return loaded;
    try {
      if (loaded.summary.id !== campaignId) {
        const message = `the definition's id "${loaded.summary.id}" is not "${campaignId}" from the URL`;
        return { reply: apiError(400, "invalid_campaign", message, "/id") };
      }
      if (previous && createOnly) {
        const message = `a campaign "${campaignId}" already exists; leave out If-None-Match to replace it`;
        return { reply: apiError(412, "campaign_exists", message, "/id") };
      }
      if (previous) {
        const counters = new DrawCounters(this.store.sql);
        const { problem } = changeCheck(loaded.handle, counters, nowMs, campaignHandle(previous));
        if (problem) return { reply: apiError(409, "stock_below_issued", problem.message, problem.field) };
      }
      return { summary: loaded.summary };
    } finally {
      unloadCampaign(loaded.handle);
    }
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

/** Loads a definition as sent: its handle and summary, or the 400 invalid_campaign reply. */
function load(text: string): { handle: number; summary: CampaignSummary } | { reply: Reply } {
  try {
    return loadCampaign(text);
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
}
