/**
 * CampaignObject: one Durable Object per campaign, the only source of truth
 * for its counters, entries and claims.
 *
 * Storage is the object's SQLite database (tables in kv-schema/README.md,
 * created by MIGRATIONS in migrations.ts). A draw runs the core's bb_draw
 * with its counter imports reading the `counters` table (draw-counters.ts),
 * then writes the entry, the counters' changes, the stats' counters
 * (campaign-stats.ts) and a win's claim in one
 * `ctx.storage.transactionSync`, with no await in between: a draw is
 * all-or-nothing, and the reply leaves only after its writes are durable
 * (Durable Objects' output gate). Draws that arrive together run in one turn
 * of the event loop, so the runtime commits them together (commitGroup).
 *
 * After changes the object publishes what edge locations read to KV: the
 * campaign (definition, version, paused) at once, and a stock snapshot at most
 * about once a second (an alarm), which says when it was taken. The same
 * alarm runs the retention passes when one is due (housekeeping.ts).
 *
 * Methods are called over RPC by the Worker (index.ts) and return a `Reply`
 * (status + JSON body) or plain data; nothing here parses HTTP.
 */
import { DurableObject } from "cloudflare:workers";
import { CoreError, withCore } from "./core";
import { CampaignStats } from "./campaign-stats";
import { DrawCounters } from "./draw-counters";
import { Housekeeping } from "./housekeeping";
import { hasTables, migrate } from "./migrations";
import { type CampaignRecord, type StockSnapshot, kvKeys, onlyKnown, publicView } from "./views";
import { seal, sealSecrets, sha256Hex, unseal } from "./sealing";
import type { Env } from "./env";

export { DEFAULT_RETENTION_DAYS, REQUEST_KEPT_MS } from "./housekeeping";
export { SCHEMA_VERSION } from "./migrations";

export interface Reply {
  status: number;
  body: unknown;
}

export interface DrawInput {
  player: string;
  /** SHA-256 (hex) of the client's request_id: the id itself is never stored. */
  request_hash: string;
  /** The Worker checked the player's ticket (campaigns with identity "ticket"). */
  ticket_verified: boolean;
}

/** A claim token ready for a draw, and the same token sealed for replays. */
interface ClaimToken {
  token: string;
  sealed: string;
}

export interface Shipping {
  name: string;
  phone: string;
  address: string;
}

export interface WinnerRow {
  entry_id: number;
  day: string;
  prize_id: string;
  prize_name: string;
  player: string;
  won_at: number;
  shipping_sealed: string | null;
}

/** Which winners page: after `cursor` (a previous page's next_cursor; null: from the first win). */
export interface WinnersQuery {
  cursor: string | null;
  limit: number;
  day?: string | null;
  prize?: string | null;
}

export interface WinnersPage {
  winners: WinnerRow[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next_cursor: string | null;
}

const SNAPSHOT_INTERVAL_MS = 1000;
/**
 * How long a retried draw request gets its original reply with the claim
 * token; later retries get the draw without it (the winner finds the prize
 * with "My prizes"), so a request id found long after cannot open a claim.
 */
export const RETRY_TOKEN_WINDOW_MS = 24 * 3600 * 1000;

/** Wins per winners page (JSON and CSV) at most: one object call each, bounded work. */
export const WINNERS_PAGE_MAX = 1000;

export class CampaignObject extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private cachedRecord: CampaignRecord | null | undefined = undefined;
  private snapshotPending = false;
  /** Claim tokens made and sealed ahead of draws, not yet used (see newClaimToken). */
  private readonly claimTokens: ClaimToken[] = [];
  private benchReady = false;
  /** Draws waiting for the next commit group to start (see commitGroup). */
  private groupWaiting: Array<() => void> = [];
  /** The stats' counters, kept by draws and claims (campaign-stats.ts). */
  private readonly campaignStats: CampaignStats;
  /** The retention passes the alarm runs (housekeeping.ts). */
  private readonly housekeeping: Housekeeping;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.campaignStats = new CampaignStats(this.sql);
    this.housekeeping = new Housekeeping(ctx.storage, env);
    // Tables are made by the first PUT (migrate), so requests for campaigns
    // that do not exist store nothing; later starts bring old tables up to date.
    if (hasTables(this.sql)) {
      migrate(ctx.storage);
      if (this.metaValue("request_ids") !== "sha256") void ctx.blockConcurrencyWhile(() => this.hashStoredRequestIds());
    }
  }

  /**
   * Entries store the SHA-256 of a request id, never the id (a request id and
   * a player id together would open the claim within the retry window).
   * Campaigns drawn before that rule stored ids in clear: hashed here once,
   * before any request runs, then meta "request_ids" says "sha256".
   */
  private async hashStoredRequestIds(): Promise<void> {
    const rows = this.sql
      .exec<{ id: number; request_id: string }>("SELECT id, request_id FROM entries WHERE request_id IS NOT NULL")
      .toArray();
    const hashes = await Promise.all(rows.map((row) => sha256Hex(row.request_id)));
    this.ctx.storage.transactionSync(() => {
      rows.forEach((row, index) => {
        this.sql.exec("UPDATE entries SET request_id = ? WHERE id = ?", hashes[index], row.id);
      });
      this.setMeta("request_ids", "sha256");
    });
  }

  private metaValue(key: string): string | null {
    return this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  private setMeta(key: string, value: string): void {
    this.sql.exec(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      key,
      value,
    );
  }

  /**
   * The stored campaign, or null before the first PUT. Read from storage once
   * and kept in memory; every change goes through saveRecord().
   */
  private record(): CampaignRecord | null {
    if (this.cachedRecord !== undefined) return this.cachedRecord;
    if (!hasTables(this.sql)) return null;
    const definition = this.metaValue("definition");
    this.cachedRecord =
      definition === null
        ? null
        : {
            id: this.metaValue("id") ?? "",
            version: Number(this.metaValue("version") ?? "0"),
            paused: this.metaValue("paused") === "1",
            updated_at: this.metaValue("updated_at") ?? "",
            definition: JSON.parse(definition),
          };
    return this.cachedRecord;
  }

  private saveRecord(record: CampaignRecord): void {
    this.ctx.storage.transactionSync(() => {
      this.setMeta("id", record.id);
      this.setMeta("version", String(record.version));
      this.setMeta("paused", record.paused ? "1" : "0");
      this.setMeta("updated_at", record.updated_at);
      this.setMeta("definition", JSON.stringify(record.definition));
    });
    this.cachedRecord = record;
  }

  private handle(record: CampaignRecord) {
    return withCore((core) => core.campaign(record.id, record.version, () => JSON.stringify(record.definition)));
  }

  /** Issued counts and boxes opened on `day`, from the counters. */
  private stockOn(day: string): { issued: Record<string, number>; boxes_opened: number } {
    const issued: Record<string, number> = {};
    const prefix = `issued/${day}/`;
    for (const row of this.sql.exec<{ name: string; value: number }>(
      "SELECT name, value FROM counters WHERE name >= ? AND name < ?",
      prefix,
      `${prefix}\uffff`,
    )) {
      issued[row.name.slice(prefix.length)] = row.value;
    }
    const boxes = this.sql
      .exec<{ value: number }>("SELECT value FROM counters WHERE name = ?", `opened/${day}`)
      .toArray();
    return { issued, boxes_opened: boxes[0]?.value ?? 0 };
  }

  private snapshot(record: CampaignRecord, nowMs: number): StockSnapshot {
    const handle = this.handle(record);
    const clock = withCore(
      (core) => core.call("clock", [handle], JSON.stringify({ now: Math.floor(nowMs / 1000) })).result,
    );
    return {
      campaign: record.id,
      version: record.version,
      day: clock.day,
      ...this.stockOn(clock.day),
      taken_at: new Date(nowMs).toISOString(),
    };
  }

  private async publishRecord(record: CampaignRecord): Promise<void> {
    await this.env.CAMPAIGN_KV.put(kvKeys.campaign(record.id), JSON.stringify(record));
  }

  private async publishSnapshot(record: CampaignRecord): Promise<void> {
    await this.env.CAMPAIGN_KV.put(kvKeys.stock(record.id), JSON.stringify(this.snapshot(record, Date.now())));
  }

  private async scheduleSnapshot(): Promise<void> {
    if (this.snapshotPending) return;
    this.snapshotPending = true;
    await this.alarmNoLaterThan(Date.now() + SNAPSHOT_INTERVAL_MS);
  }

  /** Sets the object's one alarm to `at`, unless it is already set to go off sooner. */
  private async alarmNoLaterThan(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  /** A changed definition may move the campaign's last day: the next alarm runs a housekeeping pass. */
  private async scheduleHousekeeping(): Promise<void> {
    this.housekeeping.dueAtNextAlarm();
    await this.scheduleSnapshot();
  }

  /**
   * The alarm: publishes the stock snapshot (about 1 s after draws), then, when
   * one is due, runs a housekeeping pass and sets the alarm for the next one.
   */
  async alarm(): Promise<void> {
    this.snapshotPending = false;
    const record = this.record();
    if (!record) return;
    await this.publishSnapshot(record);
    const nowMs = Date.now();
    const nextPass = this.housekeeping.runIfDue(record, nowMs, () => this.campaignToday(record, nowMs));
    if (nextPass > 0) await this.alarmNoLaterThan(nextPass);
  }

  /** The campaign's day now, by the core's clock. */
  private campaignToday(record: CampaignRecord, nowMs: number): string {
    const handle = this.handle(record);
    return withCore(
      (core) => core.call("clock", [handle], JSON.stringify({ now: Math.floor(nowMs / 1000) })).result.day,
    );
  }

  /**
   * Creates or replaces the campaign. `text` is the definition as sent; with
   * `createOnly`, an existing campaign is left as it is (412 campaign_exists).
   */
  async putCampaign(campaignId: string, text: string, { createOnly = false } = {}): Promise<Reply> {
    let summary: any;
    let handle: number;
    try {
      ({ status: handle, result: summary } = withCore((core) => core.call("campaign_load", [], text)));
    } catch (error) {
      if (error instanceof CoreError && error.status === -1) {
        return {
          status: 400,
          body: {
            error: { code: "invalid_campaign", message: error.message, field: error.field, errors: error.errors },
          },
        };
      }
      throw error;
    }
    // The day the new definition is on now, from the validation's own handle,
    // released before anything else: a refused definition leaves no trace.
    const nowMs = Date.now();
    let day: string;
    try {
      day = withCore(
        (core) => core.call("clock", [handle], JSON.stringify({ now: Math.floor(nowMs / 1000) })).result.day,
      );
    } finally {
      withCore((core) => core.call("campaign_unload", [handle]));
    }
    if (summary.id !== campaignId) {
      return apiError(
        400,
        "invalid_campaign",
        `the definition's id "${summary.id}" is not "${campaignId}" from the URL`,
        "/id",
      );
    }
    const definition = JSON.parse(text);
    const previous = this.record();
    if (previous && createOnly) {
      return apiError(
        412,
        "campaign_exists",
        `a campaign "${campaignId}" already exists; leave out If-None-Match to replace it`,
        "/id",
      );
    }
    const next: CampaignRecord = {
      id: campaignId,
      version: (previous?.version ?? 0) + 1,
      paused: previous?.paused ?? false,
      updated_at: new Date(nowMs).toISOString(),
      definition,
    };
    // Stock may not go below what was already won today (nor boxes below those opened).
    if (previous) {
      const problem = stockProblem(next, day, this.stockOn(day));
      if (problem) return apiError(409, "stock_below_issued", problem.message, problem.field);
    }

    migrate(this.ctx.storage);
    // A new campaign's entries hash their request ids from the first draw on.
    if (!previous) this.setMeta("request_ids", "sha256");
    this.saveRecord(next);
    await this.publishRecord(next);
    await this.publishSnapshot(next);
    if (previous) await this.scheduleHousekeeping();
    return { status: previous ? 200 : 201, body: { campaign: summary, version: next.version } };
  }

  async setPaused(paused: boolean): Promise<Reply> {
    const record = this.record();
    if (!record) return notFound();
    const next = { ...record, paused, updated_at: new Date().toISOString() };
    this.saveRecord(next);
    await this.publishRecord(next);
    const view = publicView(next, this.snapshot(next, Date.now()), Date.now());
    return { status: 200, body: { status: view.campaign.status, paused } };
  }

  /**
   * One draw for a player. The core decides against the counters as stored;
   * the entry, the counters' changes and a win's claim are then written in
   * one transaction, all or nothing. The request id makes a retry safe: a
   * repeated (player, request_id) gets the original reply, never a second draw.
   * From the core's call to the transaction nothing awaits, so no other
   * request of this object runs in between.
   */
  async draw(input: DrawInput): Promise<Reply> {
    const current = this.record();
    if (!current) return notFound();
    if (current.definition.identity === "ticket" && !input.ticket_verified) {
      return apiError(401, "invalid_ticket", "this campaign needs a ticket", "/ticket");
    }
    await this.commitGroup();
    const candidate = this.claimTokens.pop() ?? (await this.newClaimToken());
    // Read again after a possible await: a new definition may have landed meanwhile.
    const record = this.record()!;
    const nowMs = Date.now();
    const handle = this.handle(record);
    // The request id is not passed to the core: the entries' unique index on
    // (player, request_id) is the record of which requests were drawn.
    const request = {
      now: Math.floor(nowMs / 1000),
      player: input.player,
      paused: record.paused,
      claim_token: candidate.token,
    };
    const counters = new DrawCounters(this.sql);
    const result = withCore((core) =>
      core.withCounters(counters, () => core.call("draw", [handle], JSON.stringify(request)).result),
    );
    const priorReply = () => {
      this.claimTokens.push(candidate);
      const prior = this.entryFor(input.player, input.request_hash);
      return prior ? this.replay(prior, nowMs) : null;
    };
    if (result.status !== "win" && result.status !== "blank") {
      // A repeated request is answered as it was first, even if it could not be drawn now.
      return (await priorReply()) ?? refusalReply(result, record);
    }
    // The reply as sent, without its id (the entry's own) and without the
    // claim token (kept only sealed), for retries.
    const draw = {
      day: result.day,
      outcome: result.status,
      ...(result.status === "win" ? { prize: this.prizeView(result.day, result.prize.id, result.prize.name) } : {}),
      by_pity: result.by_pity,
      draws_left_today: Math.max(0, (record.definition.limits?.draws_per_day ?? 1) - result.draws_today),
    };
    const entryId = this.ctx.storage.transactionSync(() => {
      // First, so that a repeated request id writes nothing at all.
      const entry = this.sql
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
      this.campaignStats.countDraw(result.day, nowMs, result.status === "win", result.draws_today === 1);
      if (result.status === "win") {
        this.sql.exec(
          `INSERT INTO claims (entry_id, player, day, prize_id, won_at, token_hash, token_sealed)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          entry.id,
          input.player,
          result.day,
          result.prize.id,
          nowMs,
          result.claim_token_hash,
          candidate.sealed,
        );
      }
      return entry.id;
    });
    if (entryId === null) {
      const replayed = await priorReply();
      if (!replayed) throw new Error("a draw's request id is taken, yet no entry has it");
      return replayed;
    }
    const won = result.status === "win";
    if (!won) this.claimTokens.push(candidate);
    await this.scheduleSnapshot();
    return { status: 200, body: { draw: withToken({ id: String(entryId), ...draw }, won ? candidate.token : null) } };
  }

  /** A player's draws today and in the campaign and the pity countdown, as the core counts them; reads only. */
  async playerStatus(player: string, ticketVerified: boolean): Promise<Reply> {
    const record = this.record();
    if (!record) return notFound();
    if (record.definition.identity === "ticket" && !ticketVerified) {
      return apiError(401, "invalid_ticket", "this campaign needs a ticket", "/ticket");
    }
    const handle = this.handle(record);
    const request = { now: Math.floor(Date.now() / 1000), player, paused: record.paused };
    // DrawCounters writes only when asked to: the core's player_status only reads.
    const status = withCore((core) =>
      core.withCounters(
        new DrawCounters(this.sql),
        () => core.call("player_status", [handle], JSON.stringify(request)).result,
      ),
    );
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
  private commitGroup(): Promise<void> {
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
  private async newClaimToken(): Promise<ClaimToken> {
    const { token } = withCore((core) => core.call("claim_token_new", []).result) as { token: string };
    return { token, sealed: await seal(this.env, token) };
  }

  /** The entry a player's request (by the hash of its id) made, or null. */
  private entryFor(player: string, requestHash: string): any | null {
    return (
      this.sql
        .exec(
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
   * RETRY_TOKEN_WINDOW_MS of the draw, without it later. Replies stored
   * before the id was left out of them carry it already (same value). Once
   * housekeeping has dropped the stored reply (REQUEST_KEPT_MS), the draw is
   * rebuilt from its entry, with no draws left on its day (that day is over).
   */
  private async replay(entry: any, nowMs: number): Promise<Reply> {
    const withinWindow = nowMs - entry.drawn_at <= RETRY_TOKEN_WINDOW_MS;
    const token =
      entry.outcome === "win" && withinWindow && entry.token_sealed
        ? await unseal(sealSecrets(this.env), entry.token_sealed)
        : null;
    const draw =
      entry.reply !== ""
        ? JSON.parse(entry.reply)
        : {
            day: entry.day,
            outcome: entry.outcome,
            ...(entry.outcome === "win" ? { prize: this.prizeView(entry.day, entry.prize_id, entry.prize_name) } : {}),
            by_pity: entry.by_pity === 1,
            draws_left_today: 0,
          };
    return { status: 200, body: { draw: withToken({ id: String(entry.id), ...draw }, token) } };
  }

  /** A prize as players see it, from the campaign's current definition when it still has it. */
  private prizeView(day: string, prizeId: string, name: string): Record<string, unknown> {
    const definition = this.record()?.definition;
    const table = definition?.date_overrides?.[day] ?? definition?.prize_table;
    const prize = table?.prizes?.find((p: any) => p.id === prizeId);
    const view: Record<string, unknown> = { id: prizeId, name: prize?.name ?? name };
    if (prize?.value) view.value = prize.value;
    if (prize?.image) view.image = prize.image;
    return view;
  }

  /**
   * The claim that `token` opens, or null. The token names its claim by
   * itself (144 random bits): the row is found by the token's SHA-256
   * (claims_by_token), then confirmed by the core in constant time.
   */
  private claimFor(token: string): any | null {
    const hash = withCore((core) => core.call<{ hash: string }>("claim_token_hash", [], token).result.hash);
    const rows = this.sql
      .exec("SELECT c.*, e.prize_name FROM claims c JOIN entries e ON e.id = c.entry_id WHERE c.token_hash = ?", hash)
      .toArray();
    let found: any = null;
    for (const row of rows) {
      const matches = withCore(
        (core) => core.call("claim_token_matches", [], JSON.stringify({ token, hash: row.token_hash })).status,
      );
      if (matches === 1 && found === null) found = row;
    }
    return found;
  }

  /** A claim as its winner sees it. */
  private claimReply(claim: any, shipping: Shipping | null, shippingUpdatedAt: number | null): Reply {
    return {
      status: 200,
      body: {
        prize: this.prizeView(claim.day, claim.prize_id, claim.prize_name),
        day: claim.day,
        won_at: new Date(claim.won_at).toISOString(),
        shipping,
        shipping_updated_at: shippingUpdatedAt ? new Date(shippingUpdatedAt).toISOString() : null,
      },
    };
  }

  async getClaim(token: string): Promise<Reply> {
    if (!this.record()) return notFound();
    const claim = this.claimFor(token);
    if (!claim) return claimNotFound();
    const shipping = claim.shipping_sealed
      ? JSON.parse(await unseal(sealSecrets(this.env), claim.shipping_sealed))
      : null;
    return this.claimReply(claim, shipping, claim.shipping_updated_at);
  }

  async putClaim(token: string, shipping: Shipping): Promise<Reply> {
    if (!this.record()) return notFound();
    const claim = this.claimFor(token);
    if (!claim) return claimNotFound();
    const sealed = await seal(this.env, JSON.stringify(shipping));
    const nowMs = Date.now();
    this.saveShipping(claim, sealed, nowMs);
    return this.claimReply(claim, shipping, nowMs);
  }

  /** The operator's view: definition, status and today's counters. */
  async adminView(): Promise<Reply> {
    const record = this.record();
    if (!record) return notFound();
    const nowMs = Date.now();
    const snapshot = this.snapshot(record, nowMs);
    const view = publicView(record, snapshot, nowMs);
    const day = snapshot.day;
    const totals = this.campaignStats.dayTotals(day);
    const claimed = this.campaignStats.claimedByPrize(day);
    return {
      status: 200,
      body: {
        campaign: record.definition,
        version: record.version,
        paused: record.paused,
        updated_at: record.updated_at,
        status: view.campaign.status,
        today: {
          day,
          ...totals,
          prizes: view.campaign.prizes.map((prize: any) => ({
            id: prize.id,
            name: prize.name,
            stock_total: prize.stock_total,
            issued: prize.stock_total - prize.stock_left,
            stock_left: prize.stock_left,
            claimed: claimed[prize.id] ?? 0,
          })),
        },
      },
    };
  }

  /**
   * Stores a claim's sealed shipping details; the first time, counts the claim
   * in claimed_totals. Synchronous: two PUTs of one claim cannot both count it.
   */
  private saveShipping(
    claim: { entry_id: number; day: string; prize_id: string },
    sealed: string,
    nowMs: number,
  ): void {
    this.ctx.storage.transactionSync(() => {
      const first =
        this.sql.exec("SELECT 1 FROM claims WHERE entry_id = ? AND shipping_sealed IS NULL", claim.entry_id).toArray()
          .length > 0;
      this.sql.exec(
        "UPDATE claims SET shipping_sealed = ?, shipping_updated_at = ? WHERE entry_id = ?",
        sealed,
        nowMs,
        claim.entry_id,
      );
      if (first) this.campaignStats.countClaim(claim.day, claim.prize_id);
    });
  }

  /**
   * Per day and prize, and draws per minute over the last 24 hours, from
   * counters: the cost grows with days and prizes, never with draws.
   */
  async stats(): Promise<Reply> {
    const record = this.record();
    if (!record) return notFound();
    const nowMs = Date.now();
    const days = this.campaignStats.days(this.campaignToday(record, nowMs));
    const handle = this.handle(record);
    const perDay = days.map((day) => {
      const stock = this.stockOn(day);
      const odds = withCore(
        (core) =>
          core.call(
            "odds",
            [handle],
            JSON.stringify({
              day,
              issued: onlyKnown(stock.issued, record.definition, day),
              boxes_opened: stock.boxes_opened,
            }),
          ).result,
      );
      const claimed = this.campaignStats.claimedByPrize(day);
      return {
        day,
        ...this.campaignStats.dayTotals(day),
        prizes: odds.prizes.map((prize: any) => ({
          id: prize.id,
          name: prize.name,
          stock_total: prize.stock_total,
          issued: stock.issued[prize.id] ?? 0,
          claimed: claimed[prize.id] ?? 0,
        })),
      };
    });
    const perMinute = this.campaignStats.drawsPerMinute(nowMs);
    return { status: 200, body: { campaign: record.id, days: perDay, draws_per_minute: perMinute } };
  }

  /**
   * One page of wins in draw order, shipping still sealed: at most `limit`
   * (1..WINNERS_PAGE_MAX) after the cursor, only of `day` and/or `prize` when
   * given (filtered here, by index, so a page is short only at the end).
   * `next_cursor` continues after the page's last win; null after the last page.
   */
  async winnersPage(query: WinnersQuery): Promise<WinnersPage | null> {
    if (!this.record()) return null;
    const after = query.cursor === null ? 0 : Number(query.cursor);
    if (!Number.isSafeInteger(after) || after < 0) throw new Error("a winners cursor is an entry id");
    const limit = Math.min(Math.max(Math.floor(query.limit), 1), WINNERS_PAGE_MAX);
    const where = ["c.entry_id > ?"];
    const bindings: unknown[] = [after];
    if (query.day) {
      where.push("c.day = ?");
      bindings.push(query.day);
    }
    if (query.prize) {
      where.push("c.prize_id = ?");
      bindings.push(query.prize);
    }
    const rows = this.sql
      .exec<any>(
        `SELECT c.entry_id, c.day, c.prize_id, e.prize_name, c.player, c.won_at, c.shipping_sealed
         FROM claims c JOIN entries e ON e.id = c.entry_id
         WHERE ${where.join(" AND ")} ORDER BY c.entry_id LIMIT ?`,
        ...bindings,
        limit + 1,
      )
      .toArray() as WinnerRow[];
    const more = rows.length > limit;
    if (more) rows.length = limit;
    return { winners: rows, next_cursor: more ? String(rows[rows.length - 1].entry_id) : null };
  }

  /**
   * A trivial counter, for the benchmark's baseline (this runtime's own limit);
   * `grouped` first joins a commit group as draws do, for comparison.
   */
  async benchIncrement(grouped = false): Promise<number> {
    if (grouped) await this.commitGroup();
    if (!this.benchReady) migrate(this.ctx.storage);
    this.benchReady = true;
    this.sql.exec(
      "INSERT INTO counters (name, value) VALUES ('bench', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1",
    );
    return this.sql.exec<{ value: number }>("SELECT value FROM counters WHERE name = 'bench'").one().value;
  }
}

/** A draw reply with the claim token in its place (after the prize), for wins. */
function withToken(draw: Record<string, unknown>, token: string | null): Record<string, unknown> {
  if (token === null) return draw;
  const { by_pity, draws_left_today, ...head } = draw;
  return { ...head, claim_token: token, by_pity, draws_left_today };
}

function apiError(status: number, code: string, message: string, field?: string, details: object = {}): Reply {
  return { status, body: { error: { code, message, ...(field !== undefined ? { field } : {}), ...details } } };
}

function notFound(): Reply {
  return apiError(404, "campaign_not_found", "no campaign with that id");
}

function claimNotFound(): Reply {
  return apiError(404, "claim_not_found", "no claim for that code");
}

function refusalReply(result: any, record: CampaignRecord): Reply {
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
        draws_per_day: record.definition.limits?.draws_per_day ?? 1,
      });
    case "campaign_limit_reached":
      return apiError(409, "draw_limit_reached", "no draws left in this campaign", undefined, {
        limit: "campaign",
        draws_per_campaign: record.definition.limits?.draws_per_campaign,
      });
    case "boxes_exhausted":
      return apiError(409, "boxes_exhausted", "every box of today has been opened");
    default:
      throw new Error(`unexpected draw status ${result.status}`);
  }
}

/** Why a new definition cannot replace the current one today, or null. */
function stockProblem(
  next: CampaignRecord,
  day: string,
  snapshot: { issued: Record<string, number>; boxes_opened: number },
): { field: string; message: string } | null {
  const overridden = next.definition.date_overrides?.[day] !== undefined;
  const base = overridden ? `/date_overrides/${day}` : "/prize_table";
  const table = overridden ? next.definition.date_overrides[day] : next.definition.prize_table;
  const prizes: any[] = table?.prizes ?? [];
  for (const [prizeId, issued] of Object.entries(snapshot.issued)) {
    if (issued === 0) continue;
    const index = prizes.findIndex((p) => p.id === prizeId);
    if (index < 0) {
      return {
        field: `${base}/prizes`,
        message: `prize "${prizeId}" was already won ${issued} time(s) today (${day}); keep it with stock of at least ${issued}`,
      };
    }
    if (prizes[index].stock < issued) {
      return {
        field: `${base}/prizes/${index}/stock`,
        message: `stock ${prizes[index].stock} is below the ${issued} already won today (${day})`,
      };
    }
  }
  if (next.definition.pool === "deck" && snapshot.boxes_opened > (table?.boxes ?? 0)) {
    return { field: `${base}/boxes`, message: `${snapshot.boxes_opened} boxes were already opened today (${day})` };
  }
  return null;
}
