import type { CampaignObject } from "./campaign-object";

/** Bindings and secrets (wrangler.toml; secrets in .dev.vars locally, `wrangler secret put` deployed). */
export interface Env {
  /** One Durable Object per campaign, named by the campaign id. */
  CAMPAIGNS: DurableObjectNamespace<CampaignObject>;
  /** What edge locations read: campaign records and stock snapshots. */
  CAMPAIGN_KV: KVNamespace;
  /** Draws and claims per player per campaign. */
  PLAYER_RATE_LIMITER: RateLimit;
  /** Pictures operators upload, served under /media/. */
  MEDIA: R2Bucket;
  /** Static files from frontend/. */
  ASSETS: Fetcher;
  /** Bearer key of the operator API. Without it the operator API refuses everyone. */
  ADMIN_KEY: string;
  /** Shared with the operator's login system; signs player tickets. */
  TICKET_SECRET: string;
  /** Key for sealing claim tokens and shipping details at rest. */
  SEAL_KEY: string;
  /** The SEAL_KEY before the last rotation: values sealed under it still open. */
  SEAL_KEY_PREVIOUS?: string;
  /** "on" enables /api/v1/_bench/* (local benchmarks only). */
  BENCH_ENDPOINTS?: string;
}

export interface RateLimit {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}
