/**
 * A campaign object's storage: its SQLite tables (migrations.ts makes and
 * upgrades them; kv-schema/README.md describes them), the campaign record
 * kept in the `meta` table (the counters are read through the core:
 * draw-counters.ts).
 *
 * The record is read from storage once and kept in memory; every change goes
 * through saveRecord(). May import the schema (migrations.ts), sealing's
 * hash and the record's types; nothing of HTTP, the core or KV.
 */
import type { CampaignDefinition } from "./campaign-definition";
import { hasTables, migrate } from "./migrations";
import { sha256Hex } from "./sealing";
import type { CampaignRecord } from "./views";

export class CampaignStore {
  readonly sql: SqlStorage;
  private cachedRecord: CampaignRecord | null | undefined = undefined;

  constructor(readonly storage: DurableObjectStorage) {
    this.sql = storage.sql;
  }

  /**
   * At the object's start. Tables are made by the first PUT (createTables), so
   * requests for campaigns that do not exist store nothing; here old tables
   * are brought up to date, and request ids stored in clear are hashed before
   * any request runs (`blockConcurrencyWhile` is the object's).
   */
  open(blockConcurrencyWhile: (work: () => Promise<void>) => Promise<void>): void {
    if (!hasTables(this.sql)) return;
    migrate(this.storage);
    if (this.metaValue("request_ids") !== "sha256") void blockConcurrencyWhile(() => this.hashStoredRequestIds());
  }

  /** Makes or upgrades the tables (the first PUT); a new campaign's entries hash request ids from the first draw on. */
  createTables(isNew: boolean): void {
    migrate(this.storage);
    if (isNew) this.setMeta("request_ids", "sha256");
  }

  /**
   * Entries store the SHA-256 of a request id, never the id (a request id and
   * a player id together would open the claim within the retry window).
   * Campaigns drawn before that rule stored ids in clear: hashed here once,
   * then meta "request_ids" says "sha256".
   */
  private async hashStoredRequestIds(): Promise<void> {
    const rows = this.sql
      .exec<{ id: number; request_id: string }>("SELECT id, request_id FROM entries WHERE request_id IS NOT NULL")
      .toArray();
    const hashes = await Promise.all(rows.map((row) => sha256Hex(row.request_id)));
    this.storage.transactionSync(() => {
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

  /** The stored campaign, or null before the first PUT. */
  record(): CampaignRecord | null {
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
            // Validated by the core before it was saved.
            definition: JSON.parse(definition) as CampaignDefinition,
          };
    return this.cachedRecord;
  }

  saveRecord(record: CampaignRecord): void {
    this.storage.transactionSync(() => {
      this.setMeta("id", record.id);
      this.setMeta("version", String(record.version));
      this.setMeta("paused", record.paused ? "1" : "0");
      this.setMeta("updated_at", record.updated_at);
      this.setMeta("definition", JSON.stringify(record.definition));
    });
    this.cachedRecord = record;
  }
}
