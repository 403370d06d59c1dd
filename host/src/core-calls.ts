/**
 * The core's calls the Worker makes, each with the type of its JSON result
 * (wasm/abi/blindbox.h documents requests and results; kv-schema/odds.schema.json
 * the odds report). Every use of the core in host/src goes through here, so
 * no untyped result reaches the rest. May import core.ts and the definition
 * and record types; nothing about HTTP or storage.
 */
import { type Counters, withCore } from "./core";
import type { CampaignRecord } from "./views";

/** Where a moment falls for a campaign (bb_clock). */
export interface Clock {
  day: string;
  status: "scheduled" | "open" | "paused" | "ended";
  /** When the campaign next opens (unix seconds), if it will. */
  next_open_unix?: number;
}

/** The public summary of a loaded campaign (bb_campaign_load, bb_campaign_describe). */
export interface CampaignSummary {
  id: string;
  [member: string]: unknown;
}

/** One prize of an odds report (odds.schema.json, $defs/prize_odds). */
export interface PrizeOdds {
  id: string;
  name: string;
  value?: string;
  image?: string;
  stock_total: number;
  stock_left: number;
  released: unknown;
  available: unknown;
  odds: unknown;
}

/** bb_odds' result (odds.schema.json, $defs/odds_report). */
export interface OddsReport {
  prizes: PrizeOdds[];
  win: unknown;
  boxes_total?: number;
  boxes_left?: number;
}

/** The stock an odds report is computed against, and when. */
export interface OddsRequest {
  now?: number;
  day?: string;
  issued: Record<string, number>;
  boxes_opened: number;
  /** "skip": counts of prizes not in the day's table are left out (a snapshot taken under an earlier definition). */
  other_prizes?: "skip";
}

/** One prize of a day's table with its stock that day (bb_day_stock). */
export interface DayStockPrize {
  id: string;
  name: string;
  value?: string;
  image?: string;
  stock: number;
  issued: number;
  left: number;
}

/** bb_day_stock's result: the day's table in order, with the deck's boxes for deck campaigns. */
export interface DayStock {
  day: string;
  prizes: DayStockPrize[];
  boxes?: number;
  boxes_opened?: number;
  boxes_left?: number;
}

/** bb_change_check's result: whether a proposed definition may replace the current one today. */
export interface ChangeCheck {
  day: string;
  problem: { field: string; message: string } | null;
  changes: unknown[];
}

/** bb_calendar's request (days and clock times on a UTC offset's calendar). */
export interface CalendarRequest {
  utc_offset: string;
  now?: number;
  day?: string;
  add_days?: number;
  times?: string[];
}

/** bb_calendar's result, for the members the Worker asks for. */
export interface CalendarReply {
  utc_offset_minutes: number;
  /** With "now": the date then. */
  today?: string;
  /** With "now" or "day": that day (or today) plus add_days. */
  day?: string;
  /** With "times": each time on `day`, and its moment when known. */
  times?: Array<{ at: string; unix?: number }>;
}

export type DrawStatus =
  | "win"
  | "blank"
  | "duplicate_request"
  | "not_open"
  | "daily_limit_reached"
  | "campaign_limit_reached"
  | "boxes_exhausted";

/** bb_draw's result; `prize` and `claim_token_hash` come with a win. */
export interface DrawResult {
  status: DrawStatus;
  day: string;
  clock: Clock;
  prize?: { id: string; name: string };
  by_pity: boolean;
  draws_today: number;
  /** The player's allowance after a win or a blank. */
  draws_left_today?: number;
  draws_left_in_campaign?: number | null;
  draws_until_guaranteed?: number | null;
  /** With daily_limit_reached: the limit reached. */
  draws_per_day?: number;
  /** With campaign_limit_reached: the limit reached. */
  draws_per_campaign?: number;
  player_draw_number: number;
  entropy: string;
  claim_token_hash?: string;
}

export interface DrawRequest {
  now: number;
  player: string;
  /** Marks the request for the day: a repeat that day is answered "duplicate_request". */
  request_id: string;
  paused: boolean;
  claim_token: string;
}

/** bb_player_status' result. */
export interface PlayerStanding {
  day: string;
  clock: Clock;
  draws_today: number;
  draws_left_today: number;
  draws_total: number;
  draws_left_in_campaign: number | null;
  pity: unknown;
}

const unixSeconds = (nowMs: number) => Math.floor(nowMs / 1000);

/** The handle of a stored campaign's definition, loaded into the core once per version. */
export function campaignHandle(record: CampaignRecord): number {
  return withCore((core) => core.campaign(record.id, record.version, () => JSON.stringify(record.definition)));
}

/** Loads a definition as sent: its handle (release with unloadCampaign) and summary; CoreError when invalid. */
export function loadCampaign(text: string): { handle: number; summary: CampaignSummary } {
  const { status, result } = withCore((core) => core.call<CampaignSummary>("campaign_load", [], text));
  return { handle: status, summary: result };
}

export function unloadCampaign(handle: number): void {
  withCore((core) => core.call<unknown>("campaign_unload", [handle]));
}

export function describeCampaign(handle: number): CampaignSummary {
  return withCore((core) => core.call<CampaignSummary>("campaign_describe", [handle]).result);
}

/** The campaign's clock at `nowMs`; `paused` only when the caller knows it. */
export function clockAt(handle: number, nowMs: number, paused?: boolean): Clock {
  const request = JSON.stringify({ now: unixSeconds(nowMs), paused });
  return withCore((core) => core.call<Clock>("clock", [handle], request).result);
}

export function oddsFor(handle: number, request: OddsRequest): OddsReport {
  return withCore((core) => core.call<OddsReport>("odds", [handle], JSON.stringify(request)).result);
}

/** A day's stock ({now} or {day}), read through `counters` (bb_day_stock only reads). */
export function dayStock(handle: number, counters: Counters, request: { now: number } | { day: string }): DayStock {
  return withCore((core) =>
    core.withCounters(counters, () => core.call<DayStock>("day_stock", [handle], JSON.stringify(request)).result),
  );
}

/** The prizes of `day`'s table under the stored definition (names, values, images), or undefined without one. */
export function prizesOn(record: CampaignRecord | null, counters: Counters, day: string): DayStockPrize[] | undefined {
  return record ? dayStock(campaignHandle(record), counters, { day }).prizes : undefined;
}

/**
 * Whether the loaded definition `proposed` may replace the one in force
 * (`current`, a handle) at `nowMs`, given today's counters (read only).
 */
export function changeCheck(proposed: number, counters: Counters, nowMs: number, current: number): ChangeCheck {
  const request = JSON.stringify({ now: unixSeconds(nowMs), current });
  return withCore((core) =>
    core.withCounters(counters, () => core.call<ChangeCheck>("change_check", [proposed], request).result),
  );
}

/** Days and times on a UTC offset's calendar (bb_calendar): the core's date arithmetic. */
export function calendar(request: CalendarRequest): CalendarReply {
  return withCore((core) => core.call<CalendarReply>("calendar", [], JSON.stringify(request)).result);
}

/** One draw, its counters read and changed through `counters` (written by the caller). */
export function drawWith(handle: number, counters: Counters, request: DrawRequest): DrawResult {
  return withCore((core) =>
    core.withCounters(counters, () => core.call<DrawResult>("draw", [handle], JSON.stringify(request)).result),
  );
}

/** A player's standing, read through `counters` (player_status only reads). */
export function playerStanding(
  handle: number,
  counters: Counters,
  request: { now: number; player: string; paused: boolean },
): PlayerStanding {
  return withCore((core) =>
    core.withCounters(
      counters,
      () => core.call<PlayerStanding>("player_status", [handle], JSON.stringify(request)).result,
    ),
  );
}

export function newClaimToken(): string {
  return withCore((core) => core.call<{ token: string }>("claim_token_new", []).result.token);
}

export function claimTokenHash(token: string): string {
  return withCore((core) => core.call<{ hash: string }>("claim_token_hash", [], token).result.hash);
}

/** True when `token` matches `hash` (compared in constant time by the core). */
export function claimTokenMatches(token: string, hash: string): boolean {
  return (
    withCore((core) => core.call<unknown>("claim_token_matches", [], JSON.stringify({ token, hash })).status) === 1
  );
}
