/**
 * The operator's routes of API v1 (kv-schema/openapi.yaml), behind admin()
 * (index.ts): creating or replacing a campaign, its admin view, pausing and
 * resuming, stats, and the list of campaigns. Winners are in winners.ts.
 * May import the HTTP helpers and the campaign lookup; the object is reached
 * only through its stub.
 */
import { campaignStub, forgetCampaignRecord } from "../campaign-lookup";
import type { Env } from "../env";
import { ApiError, json, readJson, reply } from "../http";
import type { Handler } from "../router";

const CAMPAIGN_BODY_LIMIT = 256 * 1024;

export async function putCampaign(request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  const stub = campaignStub(env, campaignId);
  // If-None-Match: * asks to create only (RFC 9110 13.1.2): an existing campaign is left alone.
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null && ifNoneMatch.trim() !== "*") {
    throw new ApiError(400, "invalid_request", 'If-None-Match may only be "*" (create only)');
  }
  // Read (type, size, UTF-8, well-formed text) here; the core validates the definition itself.
  const { text } = await readJson(request, CAMPAIGN_BODY_LIMIT);
  const response = await stub.putCampaign(campaignId, text, { createOnly: ifNoneMatch !== null });
  forgetCampaignRecord(campaignId);
  return reply(response);
}

export async function getAdminCampaign(_request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  return reply(await campaignStub(env, campaignId).adminView());
}

/** POST .../pause (true) or .../resume (false). */
export function pause(paused: boolean): Handler {
  return async (_request, env, [campaignId]) => {
    const response = await campaignStub(env, campaignId).setPaused(paused);
    forgetCampaignRecord(campaignId);
    return reply(response);
  };
}

export async function getStats(_request: Request, env: Env, [campaignId]: string[]): Promise<Response> {
  return reply(await campaignStub(env, campaignId).stats());
}

/** Campaign ids, from KV (eventually consistent: a campaign created a moment ago may be missing). */
export async function listCampaigns(_request: Request, env: Env): Promise<Response> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.CAMPAIGN_KV.list({ prefix: "campaign/", cursor });
    for (const key of page.keys) {
      const id = key.name.slice("campaign/".length);
      if (!id.includes("/")) ids.push(id);
    }
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return json({ campaigns: ids.sort() });
}
