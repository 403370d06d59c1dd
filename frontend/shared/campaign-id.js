// What a campaign id and a prize id are, for the player page and the
// console: 1 to 64 of a-z 0-9 _ -, starting with a letter or digit, the one
// pattern kv-schema/campaign.schema.json gives both (the Worker imports it
// too: host/src/campaign-lookup.ts, host/src/routes/winners.ts). No imports.

export const CAMPAIGN_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * Whether `id` is a well-formed campaign id.
 * @param {unknown} id
 * @returns {id is string}
 */
export function isCampaignId(id) {
  return typeof id === "string" && CAMPAIGN_ID_PATTERN.test(id);
}

/**
 * Whether `id` is a well-formed prize id (the schema's prize_id: the same pattern as a campaign id).
 * @param {unknown} id
 * @returns {id is string}
 */
export function isPrizeId(id) {
  return typeof id === "string" && CAMPAIGN_ID_PATTERN.test(id);
}
