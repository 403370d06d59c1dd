/**
 * Retention: the housekeeping passes the campaign object's alarm runs
 * (kv-schema/README.md, "Retention"). A pass is synchronous and bounded.
 *
 * What a pass prunes or compacts:
 *   - per-day counters (draws/DAY/PLAYER, and the core's request marks
 *     request/DAY/...) of days that can no longer be drawn (before the
 *     campaign's today and before the date at UTC-12:00), and request marks
 *     without a day that older objects may hold: deleted;
 *   - an entry's stored reply and its claim's sealed token, REQUEST_KEPT_MS
 *     after the draw: set to '' (watermark: housekeeping row
 *     replies_dropped_through);
 *   - entries, from RESULTS_RETENTION_DAYS (default DEFAULT_RETENTION_DAYS)
 *     days after the campaign's last day, on the UTC-12:00 calendar:
 *     compacted (watermark: compacted_through);
 *   - minute_draws older than the stats' 24 hours: deleted.
 * Bounds: the first three touch at most HOUSEKEEPING_BATCH rows each per
 * pass, each in its own transaction; the minute_draws delete at most one row
 * per minute since the last pass.
 *
 * When: at an alarm, once a pass is due. A pass that stopped at a bound is
 * due again HOUSEKEEPING_CONTINUE_MS later. One with nothing left over is due
 * when the next thing falls due (the next 12:00 UTC while day counters
 * remain, a stored reply's deadline, the compaction day), but not sooner than
 * HOUSEKEEPING_INTERVAL_MS later or that 12:00 UTC, whichever comes first;
 * with nothing to wait for, none is due until new draws set the alarm. A
 * changed definition makes a pass due at the next alarm (dueAtNextAlarm). A
 * failed pass is logged and due again HOUSEKEEPING_INTERVAL_MS later; it
 * never stops the alarm's stock snapshot. The due time is kept in memory
 * only: a restarted object runs a pass at its next alarm.
 */
import { MINUTE_DRAWS_KEPT_MS } from "./campaign-stats";
import { calendar } from "./core-calls";
import type { Env } from "./env";
import type { CampaignRecord } from "./views";

/** Rows deleted or rewritten per kind of work per pass. */
const HOUSEKEEPING_BATCH = 2000;
/** A pass with nothing left over runs again at most this often (sooner when a day ends or a deadline passes). */
const HOUSEKEEPING_INTERVAL_MS = 3600 * 1000;
/** The alarm's delay when a pass stopped at HOUSEKEEPING_BATCH. */
const HOUSEKEEPING_CONTINUE_MS = 1000;
/**
 * A draw's stored reply and sealed claim token are kept this long: the retry
 * window (RETRY_TOKEN_WINDOW_MS in campaign-draws.ts) and as much again as a
 * margin. Later a retry gets the draw rebuilt from its entry; the request
 * id's hash stays as long as the entry (until compaction), so the same id
 * never draws twice.
 */
export const REQUEST_KEPT_MS = 48 * 3600 * 1000;
/** Entries are compacted this many days after the campaign's last day unless RESULTS_RETENTION_DAYS says otherwise. */
export const DEFAULT_RETENTION_DAYS = 90;

/** The housekeeping of one campaign object, over its SQLite storage. */
export class Housekeeping {
  private readonly sql: SqlStorage;
  /** When the alarm next runs a pass (ms); 0: at the next alarm (kept in memory only). */
  private dueAt = 0;
  private retentionWarned = false;

  constructor(
    private readonly storage: Pick<DurableObjectStorage, "sql" | "transactionSync">,
    private readonly env: Pick<Env, "RESULTS_RETENTION_DAYS">,
  ) {
    this.sql = storage.sql;
  }

  /** A changed definition may move the campaign's last day: the next alarm runs a pass. */
  dueAtNextAlarm(): void {
    this.dueAt = 0;
  }

  /**
   * At an alarm: runs a pass when one is due. Returns when the next pass is
   * due (set the alarm for it), or 0: none until new draws.
   */
  runIfDue(record: CampaignRecord, nowMs: number, campaignToday: () => string): number {
    if (this.dueAt <= nowMs) {
      try {
        this.dueAt = this.pass(record, nowMs, campaignToday) ?? 0;
      } catch (error) {
        // Never the snapshot's problem: log, and try again in a while.
        console.error(`housekeeping failed: ${(error as Error)?.stack ?? error}`);
        this.dueAt = nowMs + HOUSEKEEPING_INTERVAL_MS;
      }
    }
    return this.dueAt;
  }

  /**
   * One housekeeping pass (kv-schema/README.md, "Retention"), synchronous and
   * bounded: each kind of work touches at most HOUSEKEEPING_BATCH rows.
   * `campaignToday` is the campaign's day now, by the core's clock. Returns
   * when the next pass is due, or null when nothing will be due until new
   * draws (whose alarm then runs one).
   */
  private pass(record: CampaignRecord, nowMs: number, campaignToday: () => string): number | null {
    const cutoff = minDay(campaignToday(), earliestToday(nowMs));
    let more = this.pruneDayCounters(cutoff);
    more = this.dropStoredReplies(nowMs - REQUEST_KEPT_MS) || more;
    this.sql.exec("DELETE FROM minute_draws WHERE minute < ?", Math.floor((nowMs - MINUTE_DRAWS_KEPT_MS) / 60000));
    const compactFrom = this.compactionDay(record);
    if (compactFrom !== null && earliestToday(nowMs) >= compactFrom) more = this.compactEntries() || more;
    if (more) return nowMs + HOUSEKEEPING_CONTINUE_MS;

    // Nothing left over: when will there be something to do?
    const dayEnds = nextEarliestDayStart(nowMs);
    const due: number[] = [];
    if (this.firstRow("SELECT 1 FROM counters WHERE name >= 'draws/0' AND name < 'draws/a' LIMIT 1")) due.push(dayEnds);
    const oldest = this.firstRow<{ drawn_at: number }>(
      "SELECT drawn_at FROM entries WHERE id > ? ORDER BY id LIMIT 1",
      this.housekeepingValue("replies_dropped_through"),
    );
    if (oldest) due.push(oldest.drawn_at + REQUEST_KEPT_MS);
    if (
      compactFrom !== null &&
      this.firstRow("SELECT 1 FROM entries WHERE id > ? LIMIT 1", this.housekeepingValue("compacted_through"))
    ) {
      due.push(earliestDayStartMs(compactFrom));
    }
    if (due.length === 0) return null;
    // At most one pass an hour, except at the end of a day (yesterday's counters).
    return Math.max(Math.min(...due), Math.min(nowMs + HOUSEKEEPING_INTERVAL_MS, dayEnds));
  }

  private firstRow<T = Record<string, unknown>>(query: string, ...bindings: unknown[]): T | null {
    return (this.sql.exec(query, ...bindings).toArray()[0] as T | undefined) ?? null;
  }

  private housekeepingValue(name: string): number {
    return this.firstRow<{ value: number }>("SELECT value FROM housekeeping WHERE name = ?", name)?.value ?? 0;
  }

  private setHousekeepingValue(name: string, value: number): void {
    this.sql.exec(
      "INSERT INTO housekeeping (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
      name,
      value,
    );
  }

  /**
   * Deletes the per-day counters of days before `cutoff`, at most
   * HOUSEKEEPING_BATCH of each kind: players' draws (draws/DAY/PLAYER), the
   * core's request marks (request/DAY/LEN/PLAYER/ID: a repeat on a day no
   * longer drawable needs none, the entries' index still catches it), and
   * request marks of the format without a day (request/LEN/PLAYER/ID), which
   * nothing reads. True when more remain.
   */
  private pruneDayCounters(cutoff: string): boolean {
    let more = false;
    const ranges: Array<[string, string]> = [
      ["draws/0", `draws/${cutoff}`], // "draws/DAY/...": DAY starts with a digit, "draws/all/..." with "a"
      ["request/0000-00-00", `request/${cutoff}`],
    ];
    this.storage.transactionSync(() => {
      for (const [from, to] of ranges) {
        const last = this.firstRow<{ name: string }>(
          "SELECT name FROM counters WHERE name >= ? AND name < ? ORDER BY name LIMIT 1 OFFSET ?",
          from,
          to,
          HOUSEKEEPING_BATCH - 1,
        );
        if (last) {
          this.sql.exec("DELETE FROM counters WHERE name >= ? AND name <= ?", from, last.name);
          more = true;
        } else {
          this.sql.exec("DELETE FROM counters WHERE name >= ? AND name < ?", from, to);
        }
      }
      more = this.pruneUndatedRequestMarks() || more;
    });
    return more;
  }

  /** Deletes request marks without a day (request/LEN/...), at most HOUSEKEEPING_BATCH; true when more remain. */
  private pruneUndatedRequestMarks(): boolean {
    // A dated mark's second part is YYYY-MM-DD; an undated one's is LEN, digits then "/".
    // (Short patterns: the runtime's SQLite refuses GLOB patterns over 50 bytes.)
    const undated = "name GLOB 'request/[0-9]*' AND NOT name GLOB 'request/[0-9][0-9][0-9][0-9]-*'";
    const more = this.firstRow(`SELECT 1 FROM counters WHERE ${undated} LIMIT 1 OFFSET ?`, HOUSEKEEPING_BATCH) !== null;
    this.sql.exec(
      `DELETE FROM counters WHERE name IN (SELECT name FROM counters WHERE ${undated} LIMIT ?)`,
      HOUSEKEEPING_BATCH,
    );
    return more;
  }

  /**
   * Entries drawn before `before` drop what only a retry within the window
   * needs: reply '' and the claim's sealed token '' (the request id's hash
   * stays, and the claim itself, token_hash and shipping). At most
   * HOUSEKEEPING_BATCH, in entry order. True when more remain.
   */
  private dropStoredReplies(before: number): boolean {
    const from = this.housekeepingValue("replies_dropped_through");
    const batch = this.sql
      .exec<{ id: number; drawn_at: number }>(
        "SELECT id, drawn_at FROM entries WHERE id > ? ORDER BY id LIMIT ?",
        from,
        HOUSEKEEPING_BATCH,
      )
      .toArray();
    let count = 0;
    while (count < batch.length && batch[count].drawn_at < before) count++;
    if (count === 0) return false;
    const through = batch[count - 1].id;
    this.storage.transactionSync(() => {
      this.sql.exec("UPDATE entries SET reply = '' WHERE id > ? AND id <= ?", from, through);
      this.sql.exec("UPDATE claims SET token_sealed = '' WHERE entry_id > ? AND entry_id <= ?", from, through);
      this.setHousekeepingValue("replies_dropped_through", through);
    });
    return count === HOUSEKEEPING_BATCH;
  }

  /** Days the results log is kept after the campaign's last day (RESULTS_RETENTION_DAYS), or null: kept for good. */
  private retentionDays(): number | null {
    const text = this.env.RESULTS_RETENTION_DAYS ?? String(DEFAULT_RETENTION_DAYS);
    if (/^(?:0|[1-9][0-9]{0,5})$/.test(text.trim())) return Number(text.trim());
    if (!this.retentionWarned) {
      console.error("RESULTS_RETENTION_DAYS is not a whole number of days: entries are kept for good");
      this.retentionWarned = true;
    }
    return null;
  }

  /** The first day (on the westernmost calendar) the campaign's entries are compacted, or null: never. */
  private compactionDay(record: CampaignRecord): string | null {
    const days = this.retentionDays();
    const lastDay = record.definition.window?.last_day;
    if (days === null || typeof lastDay !== "string") return null;
    return addDays(lastDay, days + 1);
  }

  /**
   * Compacts the next HOUSEKEEPING_BATCH entries: player '', request id NULL,
   * entropy '', reply ''; claims lose their sealed token. What the results
   * log needs stays (id, day, drawn_at, outcome, prize, by_pity,
   * player_draw_number, campaign_version), and the claims with their shipping
   * details. True when more remain.
   */
  private compactEntries(): boolean {
    const from = this.housekeepingValue("compacted_through");
    const batch = this.firstRow<{ through: number | null; count: number }>(
      "SELECT MAX(id) AS through, COUNT(*) AS count FROM (SELECT id FROM entries WHERE id > ? ORDER BY id LIMIT ?)",
      from,
      HOUSEKEEPING_BATCH,
    )!;
    if (batch.count === 0 || batch.through === null) return false;
    const through = batch.through;
    this.storage.transactionSync(() => {
      this.sql.exec(
        "UPDATE entries SET player = '', request_id = NULL, entropy = '', reply = '' WHERE id > ? AND id <= ?",
        from,
        through,
      );
      this.sql.exec("UPDATE claims SET token_sealed = '' WHERE entry_id > ? AND entry_id <= ?", from, through);
      this.setHousekeepingValue("compacted_through", through);
      if (this.housekeepingValue("replies_dropped_through") < through)
        this.setHousekeepingValue("replies_dropped_through", through);
    });
    return batch.count === HOUSEKEEPING_BATCH;
  }
}

// Days as "YYYY-MM-DD" (campaign days, or dates at UTC-12:00 where said);
// the date arithmetic is the core's (bb_calendar).

/** The westernmost utc_offset a campaign may have: no campaign's today is earlier than the date there. */
const WESTERNMOST_OFFSET = "-12:00";

function addDays(day: string, days: number): string {
  return calendar({ utc_offset: "Z", day, add_days: days }).day!;
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

/**
 * The date now at the westernmost utc_offset (-12:00): no campaign's today
 * is earlier, whatever utc_offset a later PUT gives it, so a day before this
 * one can never be drawn again.
 */
function earliestToday(nowMs: number): string {
  return calendar({ utc_offset: WESTERNMOST_OFFSET, now: Math.floor(nowMs / 1000) }).today!;
}

/** When `day` starts at UTC-12:00 (ms): when earliestToday() becomes `day`. */
function earliestDayStartMs(day: string): number {
  return calendar({ utc_offset: WESTERNMOST_OFFSET, day, times: ["00:00"] }).times![0].unix! * 1000;
}

/** When earliestToday() next changes (12:00 UTC). */
function nextEarliestDayStart(nowMs: number): number {
  const request = { utc_offset: WESTERNMOST_OFFSET, now: Math.floor(nowMs / 1000), add_days: 1, times: ["00:00"] };
  return calendar(request).times![0].unix! * 1000;
}
