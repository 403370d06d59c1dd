/**
 * How the Worker finds a campaign: its Durable Object (campaignStub) and its
 * record in KV (campaignRecord), kept briefly in the isolate: a known
 * campaign for a second (to spare KV reads under load), an unknown one for a
 * few seconds (so requests for made-up ids never reach an object, and cost
 * one KV read per isolate every few seconds at most). A change made through
 * this isolate forgets both (forgetCampaignRecord).
 * May import the HTTP errors, the Env, the KV shapes and the shared
 * campaign-id rule (frontend/shared/campaign-id.js).
 */
import { isCampaignId } from "../../frontend/shared/campaign-id.js";
import type { Env } from "./env";
import { ApiError } from "./http";
import { type CampaignRecord, kvKeys } from "./views";

const recordCache = new Map<string, { record: CampaignRecord | null; until: number }>();
const KNOWN_CAMPAIGN_TTL_MS = 1000;
const UNKNOWN_CAMPAIGN_TTL_MS = 5000;

export function campaignNotFound(): ApiError {
  return new ApiError(404, "campaign_not_found", "no campaign with that id");
}

/** The campaign's object; 404 campaign_not_found for an id no campaign can have. */
export function campaignStub(env: Env, campaignId: string) {
  if (!isCampaignId(campaignId)) throw campaignNotFound();
  return env.CAMPAIGNS.get(env.CAMPAIGNS.idFromName(campaignId));
}

/** The campaign's record from KV (or the isolate's copy of it), or null when there is none. */
export async function campaignRecord(env: Env, campaignId: string): Promise<CampaignRecord | null> {
  if (!isCampaignId(campaignId)) return null;
  const cached = recordCache.get(campaignId);
  if (cached && cached.until > Date.now()) return cached.record;
  const record = await env.CAMPAIGN_KV.get<CampaignRecord>(kvKeys.campaign(campaignId), "json");
  const ttl = record ? KNOWN_CAMPAIGN_TTL_MS : UNKNOWN_CAMPAIGN_TTL_MS;
  recordCache.set(campaignId, { record, until: Date.now() + ttl });
  return record;
}

/** After a change through this isolate: the next request reads KV again. */
export function forgetCampaignRecord(campaignId: string): void {
  recordCache.delete(campaignId);
}
