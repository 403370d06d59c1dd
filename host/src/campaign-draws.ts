/**
 * Draws and players' standing, for the campaign object (campaign-object.ts).
 *
 * A draw runs the core's bb_draw with its counter imports reading the
 * `counters` table (draw-counters.ts), then writes the entry, the counters'
 * changes, the stats' counters (campaign-stats.ts) and a win's claim in one
 * `transactionSync`, with no await in between: a draw is all or nothing,
 * and its reply leaves only after its writes are durable (the output gate).
 * The request id makes a retry safe: a repeated (player, request_id) gets
 * the original reply (replay), never a second draw. The core detects a
 * repeat on the draw's day (its request/DAY/... marks, deleted with the
 * day's counters by housekeeping); the entries' unique index, any later. Draws that arrive
 * together run in one turn of the event loop (commitGroup).
 *
 * May import the store, stats, the core's calls, sealing and the replies;
 * nothing of HTTP or KV (the caller schedules the snapshot).
 */
import { prizeView } from "./campaign-definition";
import { type Reply, apiError, notFound, ticketNeeded } from "./campaign-replies";
import type { CampaignStats } from "./campaign-stats";
import type { CampaignStore } from "./campaign-store";
import { type DrawResult, campaignHandle, drawWith, newClaimToken, playerStanding, prizesOn } from "./core-calls";
import { DrawCounters } from "./draw-counters";
import type { Env } from "./env";
import { seal, sealSecrets, unseal } from "./sealing";
import type { CampaignRecord } from "./views";

export interface DrawInput {
  player: string;
  /** SHA-256 (hex) of the client's request_id: the id itself is never stored. */
  request_hash: string;
  /** The Worker checked the player's ticket (campaigns with identity "ticket"). */
  ticket_verified: boolean;
}

/**
 * How long a retried draw request gets its original reply with the claim
 * token; later retries get the draw without it (the winner finds the prize
 * with "My prizes"), so a request id found long after cannot open a claim.
 */
export const RETRY_TOKEN_WINDOW_MS = 24 * 3600 * 1000;

/** A claim token ready for a draw, and the same token sealed for replays. */
interface ClaimToken {
  token: string;
  sealed: string;
}

/** An entry a request made, with its claim's sealed token (entryFor). */
type EntryRow = {
  id: number;
  reply: string;
  day: string;
  outcome: "win" | "blank";
  prize_id: string | null;
  prize_name: string | null;
  by_pity: number;
  drawn_at: number;
  token_sealed: string | null;
};

/** A draw's reply as stored in its entry: without its id and without the claim token. */
type StoredDraw = Record<string, unknown>;

export class CampaignDraws {
  /** Claim tokens made and sealed ahead of draws, not yet used (see claimTokenForDraw). */
  private readonly claimTokens: ClaimToken[] = [];
  /** Draws waiting for the next commit group to start (see commitGroup). */
  private groupWaiting: Array<() => void> = [];

  constructor(
    private readonly store: CampaignStore,
    private readonly stats: CampaignStats,
    private readonly env: Env,
    /** Told after each new entry (the object schedules a stock snapshot). */
    private readonly drawn: () => Promise<void>,
  ) {}

  /**
   * One draw for a player. The core decides against the counters as stored;
   * from the core's call to the transaction nothing awaits, so no other
   * request of this object runs in between.
   */
  async draw(input: DrawInput): Promise<Reply> {
    const current = this.store.record();
    if (!current) return notFound();
    if (current.definition.identity === "ticket" && !input.ticket_verified) return ticketNeeded();
    await this.commitGroup();
    const candidate = this.claimTokens.pop() ?? (await this.claimTokenForDraw());
    // Read again after a possible await: a new definition may have landed meanwhile.
    const record = this.store.record()!;
    const nowMs = Date.now();
    const counters = new DrawCounters(this.store.sql);
    // The core marks the request for its day and answers a repeat that day
    // "duplicate_request"; the entries' unique index on (player, request_id)
    // catches a repeat on a later day. Either way the entry gives the reply.
    const result = drawWith(campaignHandle(record), counters, {
      now: Math.floor(nowMs / 1000),
      player: input.player,
      request_id: input.request_hash,
      paused: record.paused,
      claim_token: candidate.token,
    });
    const priorReply = () => {
      this.claimTokens.push(candidate);
      const prior = this.entryFor(input.player, input.request_hash);
      return prior ? this.replay(prior, nowMs) : null;
    };
    if (result.status !== "win" && result.status !== "blank") {
      // A repeated request is answered as it was first, even if it could not be drawn now.
      const replayed = await priorReply();
      if (replayed) return replayed;
      if (result.status === "duplicate_request")
        throw new Error("the core knows a draw's request, yet no entry has it");
      return refusalReply(result);
    }
    const draw: StoredDraw = {
      day: result.day,
      outcome: result.status,
      ...(result.status === "win" && result.prize
        ? { prize: prizeView(prizesOn(record, counters, result.day), result.prize.id, result.prize.name) }
        : {}),
      by_pity: result.by_pity,
      draws_left_today: result.draws_left_today,
    };
    const entryId = this.recordDraw(record, input, result, draw, counters, candidate, nowMs);
    if (entryId === null) {
      const replayed = await priorReply();
      if (!replayed) throw new Error("a draw's request id is taken, yet no entry has it");
      return replayed;
    }
    const won = result.status === "win";
    if (!won) this.claimTokens.push(candidate);
    await this.drawn();
    return { status: 200, body: { draw: withToken({ id: String(entryId), ...draw }, won ? candidate.token : null) } };
  }

  /**
   * Writes a decided draw in one transaction: the entry (first, so that a
   * repeated request id writes nothing at all: then null), the counters'
   * changes, the stats' counters and a win's claim. The entry's id otherwise.
   */
  private recordDraw(
    record: CampaignRecord,
    input: DrawInput,
    result: DrawResult,
    draw: StoredDraw,
    counters: DrawCounters,
    candidate: ClaimToken,
    nowMs: number,
  ): number | null {
    const sql = this.store.sql;
    return this.store.storage.transactionSync(() => {
      const entry = sql
        .exec<{ id: number }>(
          `INSERT INTO entries (day, player, request_id, drawn_at, outcome, prize_id, prize_name, by_pity,
                                player_draw_number, entropy, campaign_version, reply)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (player, request_id) WHERE request_id IS NOT NULL DO NOTHING
           RETURNING id`,
          result.day,
          input.player,
          input.request_hash,
          nowMs,
          result.status,
          result.prize?.id ?? null,
          result.prize?.name ?? null,
          result.by_pity ? 1 : 0,
          result.player_draw_number,
          result.entropy,
          record.version,
          JSON.stringify(draw),
        )
        .toArray()[0];
      if (!entry) return null;
      counters.write();
      this.stats.countDraw(result.day, nowMs, result.status === "win", result.draws_today === 1);
      if (result.status === "win" && result.prize) {
        sql.exec(
          `INSERT INTO claims (entry_id, player, day, prize_id, won_at, token_hash, token_sealed)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          entry.id,
          input.player,
          result.day,
          result.prize.id,
          nowMs,
          result.claim_token_hash ?? null,
          candidate.sealed,
        );
      }
      return entry.id;
    });
  }

  /** A player's draws today and in the campaign and the pity countdown, as the core counts them; reads only. */
  async playerStatus(player: string, ticketVerified: boolean): Promise<Reply> {
    const record = this.store.record();
    if (!record) return notFound();
    if (record.definition.identity === "ticket" && !ticketVerified) return ticketNeeded();
    const request = { now: Math.floor(Date.now() / 1000), player, paused: record.paused };
    // DrawCounters writes only when asked to: the core's player_status only reads.
    const status = playerStanding(campaignHandle(record), new DrawCounters(this.store.sql), request);
    return {
      status: 200,
      body: {
        player,
        day: status.day,
        status: status.clock.status,
        draws_today: status.draws_today,
        draws_left_today: status.draws_left_today,
        draws_total: status.draws_total,
        draws_left_in_campaign: status.draws_left_in_campaign,
        pity: status.pity,
      },
    };
  }

  /**
   * Group commit. A draw first waits for the next timer tick, with every other
   * draw that arrives meanwhile; then they all run, one after another, in the
   * same turn of the event loop. The runtime commits the writes of one turn
   * together (one implicit transaction, one sync to disk) instead of one
   * commit per request, which is most of a lone draw's cost. Each draw is
   * still its own transactionSync (all or nothing), and each reply still
   * leaves only once its writes are durable (the output gate).
   */
  commitGroup(): Promise<void> {
    return new Promise((resolve) => {
      if (this.groupWaiting.length === 0) {
        setTimeout(() => {
          const group = this.groupWaiting;
          this.groupWaiting = [];
          for (const start of group) start();
        }, 0);
      }
      this.groupWaiting.push(resolve);
    });
  }

  /**
   * A claim token for a draw, made and sealed ahead: sealing is asynchronous
   * and a draw, from the core's call to its transaction, is not. A token
   * leaves only with a win; after any other outcome it was neither shown nor
   * stored, so the draw gives it back (claimTokens) for the next one, and
   * most draws (blanks) make none.
   */
  private async claimTokenForDraw(): Promise<ClaimToken> {
    const token = newClaimToken();
    return { token, sealed: await seal(this.env, token) };
  }

  /** The entry a player's request (by the hash of its id) made, or null. */
  private entryFor(player: string, requestHash: string): EntryRow | null {
    return (
      this.store.sql
        .exec<EntryRow>(
          `SELECT e.id, e.reply, e.day, e.outcome, e.prize_id, e.prize_name, e.by_pity, e.drawn_at, c.token_sealed
           FROM entries e LEFT JOIN claims c ON c.entry_id = e.id
           WHERE e.player = ? AND e.request_id = ?`,
          player,
          requestHash,
        )
        .toArray()[0] ?? null
    );
  }

  /**
   * The original reply to a repeated request: with the claim token within
   * RETRY_TOKEN_WINDOW_MS of the draw, without it later. A stored reply
   * that holds its id already gets the same value again. Once housekeeping has
   * dropped the stored reply (REQUEST_KEPT_MS), the draw is rebuilt from its
   * entry, with no draws left on its day (that day is over).
   */
  private async replay(entry: EntryRow, nowMs: number): Promise<Reply> {
    const withinWindow = nowMs - entry.drawn_at <= RETRY_TOKEN_WINDOW_MS;
    const token =
      entry.outcome === "win" && withinWindow && entry.token_sealed
        ? await unseal(sealSecrets(this.env), entry.token_sealed)
        : null;
    const draw: StoredDraw =
      entry.reply !== ""
        ? (JSON.parse(entry.reply) as StoredDraw)
        : {
            day: entry.day,
            outcome: entry.outcome,
            ...(entry.outcome === "win"
              ? {
                  prize: prizeView(
                    prizesOn(this.store.record(), new DrawCounters(this.store.sql), entry.day),
                    entry.prize_id ?? "",
                    entry.prize_name ?? "",
                  ),
                }
              : {}),
            by_pity: entry.by_pity === 1,
            draws_left_today: 0,
          };
    return { status: 200, body: { draw: withToken({ id: String(entry.id), ...draw }, token) } };
  }
}

/** A draw reply with the claim token in its place (after the prize), for wins. */
function withToken(draw: StoredDraw, token: string | null): StoredDraw {
  if (token === null) return draw;
  const { by_pity, draws_left_today, ...head } = draw;
  return { ...head, claim_token: token, by_pity, draws_left_today };
}

/** The reply to a draw the core refused (closed, a limit reached, no boxes left). */
function refusalReply(result: DrawResult): Reply {
  switch (result.status) {
    case "not_open": {
      const status = result.clock.status;
      const opensAt =
        result.clock.next_open_unix !== undefined ? new Date(result.clock.next_open_unix * 1000).toISOString() : null;
      const message =
        status === "paused"
          ? "the campaign is paused"
          : status === "ended"
            ? "the campaign has ended"
            : `the campaign opens at ${opensAt}`;
      return apiError(403, "campaign_not_open", message, undefined, { status, opens_at: opensAt });
    }
    case "daily_limit_reached":
      return apiError(409, "draw_limit_reached", "no draws left today", undefined, {
        limit: "daily",
        draws_per_day: result.draws_per_day,
      });
    case "campaign_limit_reached":
      return apiError(409, "draw_limit_reached", "no draws left in this campaign", undefined, {
        limit: "campaign",
        draws_per_campaign: result.draws_per_campaign,
      });
    case "boxes_exhausted":
      return apiError(409, "boxes_exhausted", "every box of today has been opened");
    default:
      throw new Error(`unexpected draw status ${result.status}`);
  }
}
