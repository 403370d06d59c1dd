/**
 * The Worker's bindings and secrets, shared by the Worker and the campaign
 * object. Imports only the object's type (for its RPC stub).
 */
import type { CampaignObject } from "./campaign-object";

/** Bindings and secrets (wrangler.toml; secrets in .dev.vars locally, `wrangler secret put` deployed). */
export interface Env {
  /** One Durable Object per campaign, named by the campaign id. */
  CAMPAIGNS: DurableObjectNamespace<CampaignObject>;
  /** What edge locations read: campaign records and stock snapshots. */
  CAMPAIGN_KV: KVNamespace;
  /** Draws and player-status reads per player per campaign. */
  PLAYER_RATE_LIMITER: RateLimit;
  /** Draws, and claim requests, per client address per campaign (limit and period in wrangler.toml). */
  ADDRESS_RATE_LIMITER: RateLimit;
  /** "off" switches the per-address limits off (load tests from one address); on otherwise. */
  ADDRESS_RATE_LIMIT?: string;
  /** Pictures operators upload, served under /media/. */
  MEDIA: R2Bucket;
  /** Static files from frontend/. */
  ASSETS: Fetcher;
  /** Bearer key of the operator API, 32+ characters (secrets.ts); without it the operator API answers 500. */
  ADMIN_KEY?: string;
  /** Shared with the operator's login system; signs player tickets. */
  TICKET_SECRET: string;
  /** Key for sealing claim tokens and shipping details at rest, 32+ characters (secrets.ts). */
  SEAL_KEY?: string;
  /** The SEAL_KEY before the last rotation: values sealed under it still open. */
  SEAL_KEY_PREVIOUS?: string;
  /**
   * Days the results log (entries) is kept in full after a campaign's last
   * day, then compacted (kv-schema/README.md, "Retention"); default "90".
   */
  RESULTS_RETENTION_DAYS?: string;
}

export interface RateLimit {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}
