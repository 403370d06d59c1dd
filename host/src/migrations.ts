/**
 * The campaign object's storage schema: MIGRATIONS, applied in order.
 *
 * The tables are described in kv-schema/README.md, which copies every
 * migration exactly (tests/edge/storage-schema.test.mjs checks it). A later
 * change of the tables is a new entry appended here, never an edit of an
 * existing one (objects that already applied it would not see the edit).
 * `schema_version` holds the number applied; migrate() applies the rest in
 * one transaction and records the new number.
 *
 * An object stores nothing until its campaign's first PUT (which migrates);
 * on later starts the object migrates when it has tables (hasTables).
 */

const MIGRATIONS: string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
   CREATE TABLE entries (
     id INTEGER PRIMARY KEY,
     day TEXT NOT NULL,
     player TEXT NOT NULL,
     request_id TEXT,
     drawn_at INTEGER NOT NULL,
     outcome TEXT NOT NULL CHECK (outcome IN ('win', 'blank')),
     prize_id TEXT,
     prize_name TEXT,
     by_pity INTEGER NOT NULL DEFAULT 0,
     player_draw_number INTEGER NOT NULL,
     entropy TEXT NOT NULL,
     campaign_version INTEGER NOT NULL,
     reply TEXT NOT NULL);
   CREATE UNIQUE INDEX entries_by_request ON entries (player, request_id) WHERE request_id IS NOT NULL;
   CREATE INDEX entries_by_day ON entries (day);
   CREATE INDEX entries_by_time ON entries (drawn_at);
   CREATE TABLE claims (
     entry_id INTEGER PRIMARY KEY REFERENCES entries (id),
     player TEXT NOT NULL,
     day TEXT NOT NULL,
     prize_id TEXT NOT NULL,
     won_at INTEGER NOT NULL,
     token_hash TEXT NOT NULL,
     token_sealed TEXT NOT NULL,
     shipping_sealed TEXT,
     shipping_updated_at INTEGER);
   CREATE INDEX claims_by_player ON claims (player);`,
  `CREATE TABLE day_totals (
     day TEXT PRIMARY KEY,
     draws INTEGER NOT NULL,
     players INTEGER NOT NULL,
     wins INTEGER NOT NULL) WITHOUT ROWID;
   CREATE TABLE claimed_totals (
     day TEXT NOT NULL,
     prize_id TEXT NOT NULL,
     claimed INTEGER NOT NULL,
     PRIMARY KEY (day, prize_id)) WITHOUT ROWID;
   CREATE TABLE minute_draws (minute INTEGER PRIMARY KEY, draws INTEGER NOT NULL);
   CREATE TABLE housekeeping (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
   CREATE INDEX claims_by_day ON claims (day, entry_id);
   CREATE INDEX claims_by_prize ON claims (prize_id, entry_id);
   CREATE INDEX claims_by_day_prize ON claims (day, prize_id, entry_id);
   DROP INDEX entries_by_day;
   INSERT INTO day_totals (day, draws, players, wins)
     SELECT day, COUNT(*), COUNT(DISTINCT player), SUM(outcome = 'win') FROM entries GROUP BY day;
   INSERT INTO claimed_totals (day, prize_id, claimed)
     SELECT day, prize_id, COUNT(*) FROM claims WHERE shipping_sealed IS NOT NULL GROUP BY day, prize_id;
   INSERT INTO minute_draws (minute, draws)
     SELECT drawn_at / 60000, COUNT(*) FROM entries
     WHERE drawn_at >= (CAST(strftime('%s', 'now') AS INTEGER) - 86400) * 1000 GROUP BY drawn_at / 60000;`,
  `CREATE INDEX claims_by_token ON claims (token_hash);`,
];

/** Schema version of the object's tables (the number of MIGRATIONS applied). */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The tables exist (a campaign was PUT here once). */
export function hasTables(sql: SqlStorage): boolean {
  return sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").toArray().length > 0;
}

/** Creates schema_version if missing, then applies every migration after the stored version, in one transaction. */
export function migrate(storage: Pick<DurableObjectStorage, "sql" | "transactionSync">): void {
  const sql = storage.sql;
  sql.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  const current = sql.exec<{ version: number }>("SELECT version FROM schema_version").toArray()[0]?.version ?? 0;
  if (current >= MIGRATIONS.length) return;
  storage.transactionSync(() => {
    for (let version = current; version < MIGRATIONS.length; version++) sql.exec(MIGRATIONS[version]);
    sql.exec("DELETE FROM schema_version");
    sql.exec("INSERT INTO schema_version (version) VALUES (?)", MIGRATIONS.length);
  });
}
