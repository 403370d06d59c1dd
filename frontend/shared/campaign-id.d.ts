// Types of campaign-id.js, for the Worker's TypeScript (host/src/campaign-lookup.ts).

export declare const CAMPAIGN_ID_PATTERN: RegExp;

/** Whether `id` is a well-formed campaign id. */
export declare function isCampaignId(id: unknown): id is string;
