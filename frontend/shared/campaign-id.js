// What a campaign id is, for the player page and the console: 1 to 64 of
// a-z 0-9 _ -, starting with a letter or digit (the Worker imports it too:
// host/src/campaign-lookup.ts; kv-schema/campaign.schema.json defines it). No imports.

export const CAMPAIGN_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * Whether `id` is a well-formed campaign id.
 * @param {unknown} id
 * @returns {id is string}
 */
export function isCampaignId(id) {
  return typeof id === "string" && CAMPAIGN_ID_PATTERN.test(id);
}
