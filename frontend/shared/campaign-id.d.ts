// Types of campaign-id.js, for the Worker's TypeScript (host/src/campaign-lookup.ts, routes/winners.ts).

export declare const CAMPAIGN_ID_PATTERN: RegExp;

/** Whether `id` is a well-formed campaign id. */
export declare function isCampaignId(id: unknown): id is string;

/** Whether `id` is a well-formed prize id (the same pattern as a campaign id). */
export declare function isPrizeId(id: unknown): id is string;
