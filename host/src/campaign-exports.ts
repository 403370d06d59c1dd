/**
 * Wins for fulfilment, as the campaign object exports them: bounded pages
 * of claims in draw order, shipping details still sealed (the Worker opens
 * them: routes/winners.ts turns a page into JSON or CSV).
 * May import nothing but the SQL storage type.
 */

/** Wins per winners page (JSON and CSV) at most: one object call each, bounded work. */
export const WINNERS_PAGE_MAX = 1000;

/** A row of `claims` with its entry's prize name (a type, not an interface: SqlStorage.exec's rows are records). */
export type WinnerRow = {
  entry_id: number;
  day: string;
  prize_id: string;
  prize_name: string;
  player: string;
  won_at: number;
  shipping_sealed: string | null;
};

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

/**
 * One page of wins in draw order: at most `limit` (1..WINNERS_PAGE_MAX)
 * after the cursor, only of `day` and/or `prize` when given (filtered here,
 * by index, so a page is short only at the end). `next_cursor` continues
 * after the page's last win; null after the last page.
 */
export function winnersPage(sql: SqlStorage, query: WinnersQuery): WinnersPage {
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
  const rows = sql
    .exec<WinnerRow>(
      `SELECT c.entry_id, c.day, c.prize_id, e.prize_name, c.player, c.won_at, c.shipping_sealed
       FROM claims c JOIN entries e ON e.id = c.entry_id
       WHERE ${where.join(" AND ")} ORDER BY c.entry_id LIMIT ?`,
      ...bindings,
      limit + 1,
    )
    .toArray();
  const more = rows.length > limit;
  if (more) rows.length = limit;
  return { winners: rows, next_cursor: more ? String(rows[rows.length - 1].entry_id) : null };
}
