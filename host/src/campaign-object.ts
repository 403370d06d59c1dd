/**
 * CampaignObject: one Durable Object per campaign, the only source of truth
 * for its counters, entries and claims.
 *
 * This class is the object's entry points and nothing else: the RPC methods
 * the Worker calls (routes/), the alarm, and the wiring of the modules that
 * do the work, each over the object's SQLite storage:
 *   campaign-store.ts       tables (migrations.ts), the campaign record, the day's stock
 *   campaign-updates.ts     creating, replacing, pausing and resuming the campaign
 *   campaign-draws.ts       draws (with group commit and retries) and players' standing
 *   campaign-claims.ts      claims and their shipping details
 *   campaign-reports.ts     the admin view and the stats (counters in campaign-stats.ts)
 *   campaign-exports.ts     pages of winners for fulfilment
 *   campaign-publishing.ts  the record and stock snapshot in KV, and the alarm's timing
 *   housekeeping.ts         the retention passes the alarm runs
 * Methods return a `Reply` (status + JSON body) or plain data; nothing here
 * parses HTTP. May import those modules and the Env type.
 */
import { DurableObject } from "cloudflare:workers";
import { CampaignClaims, type Shipping } from "./campaign-claims";
import { CampaignDraws, type DrawInput } from "./campaign-draws";
import { type WinnersPage, type WinnersQuery, winnersPage } from "./campaign-exports";
import { CampaignPublisher } from "./campaign-publishing";
import { type Reply, notFound } from "./campaign-replies";
import { adminViewReply, statsReply } from "./campaign-reports";
import { CampaignStats } from "./campaign-stats";
import { CampaignStore } from "./campaign-store";
import { CampaignUpdates } from "./campaign-updates";
import { campaignHandle, clockAt } from "./core-calls";
import type { Env } from "./env";
import { Housekeeping } from "./housekeeping";

export class CampaignObject extends DurableObject<Env> {
  protected readonly store: CampaignStore;
  /** The stats' counters, kept by draws and claims (campaign-stats.ts). */
  private readonly campaignStats: CampaignStats;
  private readonly publisher: CampaignPublisher;
  /** The retention passes the alarm runs (housekeeping.ts). */
  private readonly housekeeping: Housekeeping;
  private readonly updates: CampaignUpdates;
  protected readonly draws: CampaignDraws;
  private readonly claims: CampaignClaims;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new CampaignStore(ctx.storage);
    this.campaignStats = new CampaignStats(ctx.storage.sql);
    this.publisher = new CampaignPublisher(this.store, env.CAMPAIGN_KV);
    this.housekeeping = new Housekeeping(ctx.storage, env);
    this.updates = new CampaignUpdates(this.store, this.publisher, this.housekeeping);
    this.draws = new CampaignDraws(this.store, this.campaignStats, env, () => this.publisher.scheduleSnapshot());
    this.claims = new CampaignClaims(this.store, this.campaignStats, env);
    this.store.open((work) => ctx.blockConcurrencyWhile(work));
  }

  /**
   * Creates or replaces the campaign. `text` is the definition as sent; with
   * `createOnly`, an existing campaign is left as it is (412 campaign_exists).
   */
  putCampaign(campaignId: string, text: string, { createOnly = false } = {}): Promise<Reply> {
    return this.updates.putCampaign(campaignId, text, createOnly);
  }

  setPaused(paused: boolean): Promise<Reply> {
    return this.updates.setPaused(paused);
  }

  /** One draw for a player (campaign-draws.ts): all or nothing, safe to retry with the same request id. */
  draw(input: DrawInput): Promise<Reply> {
    return this.draws.draw(input);
  }

  /** A player's draws today and in the campaign and the pity countdown; reads only. */
  playerStatus(player: string, ticketVerified: boolean): Promise<Reply> {
    return this.draws.playerStatus(player, ticketVerified);
  }

  getClaim(token: string): Promise<Reply> {
    return this.claims.getClaim(token);
  }

  putClaim(token: string, shipping: Shipping): Promise<Reply> {
    return this.claims.putClaim(token, shipping);
  }

  /** The operator's view: definition, status and today's counters. */
  async adminView(): Promise<Reply> {
    const record = this.store.record();
    if (!record) return notFound();
    return adminViewReply(record, this.campaignStats, this.publisher, Date.now());
  }

  /** Per day and prize, and draws per minute over the last 24 hours, from counters. */
  async stats(): Promise<Reply> {
    const record = this.store.record();
    if (!record) return notFound();
    return statsReply(record, this.campaignStats, this.store, Date.now());
  }

  /** One page of wins in draw order, shipping still sealed (campaign-exports.ts); null before the first PUT. */
  async winnersPage(query: WinnersQuery): Promise<WinnersPage | null> {
    if (!this.store.record()) return null;
    return winnersPage(this.store.sql, query);
  }

  /**
   * The alarm: publishes the stock snapshot (about 1 s after draws), then, when
   * one is due, runs a housekeeping pass and sets the alarm for the next one.
   */
  async alarm(): Promise<void> {
    this.publisher.snapshotStarted();
    const record = this.store.record();
    if (!record) return;
    await this.publisher.publishSnapshot(record);
    const nowMs = Date.now();
    const campaignToday = () => clockAt(campaignHandle(record), nowMs).day;
    const nextPass = this.housekeeping.runIfDue(record, nowMs, campaignToday);
    if (nextPass > 0) await this.publisher.alarmNoLaterThan(nextPass);
  }
}
