/**
 * The campaign's aggregate counters, kept by draws and claims so that
 * `stats` and the admin view never count entries (kv-schema/README.md,
 * tables day_totals, claimed_totals and minute_draws).
 *
 * Writes happen inside the transaction that makes the counted change, so a
 * counter never disagrees with the rows it counts: countDraw in the draw's
 * (with its entry), countClaim in the one that stores a claim's first
 * shipping details (campaign-claims.ts). day_totals and claimed_totals are
 * never deleted; minute_draws rows older than MINUTE_DRAWS_KEPT_MS are
 * deleted by housekeeping (housekeeping.ts). Reads cost one row per day (and
 * prize) or per minute, never one per draw.
 */

/** Draws per minute are kept for the stats' last 24 hours. */
export const MINUTE_DRAWS_KEPT_MS = 24 * 3600 * 1000;

export class CampaignStats {
  constructor(private readonly sql: SqlStorage) {}

  /**
   * Counts a draw in the stats' counters; inside the draw's transaction.
   * `newPlayer`: the player's first draw of the day (the core's day counter went from 0 to 1).
   */
  countDraw(day: string, nowMs: number, won: boolean, newPlayer: boolean): void {
    this.sql.exec(
      `INSERT INTO day_totals (day, draws, players, wins) VALUES (?, 1, ?, ?)
       ON CONFLICT (day) DO UPDATE SET draws = draws + 1, players = players + excluded.players, wins = wins + excluded.wins`,
      day,
      newPlayer ? 1 : 0,
      won ? 1 : 0,
    );
    this.sql.exec(
      "INSERT INTO minute_draws (minute, draws) VALUES (?, 1) ON CONFLICT (minute) DO UPDATE SET draws = draws + 1",
      Math.floor(nowMs / 60000),
    );
  }

  /** Counts a claim of `day` and `prize` whose winner sent shipping details for the first time; inside that transaction. */
  countClaim(day: string, prizeId: string): void {
    this.sql.exec(
      `INSERT INTO claimed_totals (day, prize_id, claimed) VALUES (?, ?, 1)
           ON CONFLICT (day, prize_id) DO UPDATE SET claimed = claimed + 1`,
      day,
      prizeId,
    );
  }

  /** Every day with draws, and `today`, in order. */
  days(today: string): string[] {
    return this.sql
      .exec<{ day: string }>("SELECT day FROM day_totals UNION SELECT ? AS day ORDER BY day", today)
      .toArray()
      .map((row) => row.day);
  }

  /** Draws, players and wins on `day`, from the counters the draws keep (day_totals). */
  dayTotals(day: string): { draws: number; players: number; wins: number } {
    const row = this.sql
      .exec<{ draws: number; players: number; wins: number }>(
        "SELECT draws, players, wins FROM day_totals WHERE day = ?",
        day,
      )
      .toArray()[0];
    return { draws: row?.draws ?? 0, players: row?.players ?? 0, wins: row?.wins ?? 0 };
  }

  /** Wins of `day` with shipping details on file, by prize (claimed_totals). */
  claimedByPrize(day: string): Record<string, number> {
    const claimed: Record<string, number> = {};
    for (const row of this.sql.exec<{ prize_id: string; claimed: number }>(
      "SELECT prize_id, claimed FROM claimed_totals WHERE day = ?",
      day,
    )) {
      claimed[row.prize_id] = row.claimed;
    }
    return claimed;
  }

  /** Draws per minute from the minute that holds "24 hours ago" on, oldest first. */
  drawsPerMinute(nowMs: number): Array<{ minute: string; draws: number }> {
    // The minute that holds "24 hours ago" and every one after it.
    const since = Math.floor((nowMs - MINUTE_DRAWS_KEPT_MS) / 60000);
    return this.sql
      .exec<{ minute: number; draws: number }>(
        "SELECT minute, draws FROM minute_draws WHERE minute >= ? ORDER BY minute",
        since,
      )
      .toArray()
      .map((row) => ({ minute: new Date(row.minute * 60000).toISOString(), draws: row.draws }));
  }
}
