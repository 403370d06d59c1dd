/**
 * The core's counters for one draw, over a campaign object's `counters` table.
 *
 * Reads go to storage, each counter at most once; changes are kept here and
 * written by `write()`, all in one statement, inside the draw's transaction
 * (campaign-draws.ts). Nothing else runs between the reads and the write:
 * the whole draw is one synchronous section of a single-threaded object, so
 * the values the core decided on are the values the write replaces.
 */
import type { Counters } from "./core";

export class DrawCounters implements Counters {
  private readonly values = new Map<string, number>();
  private readonly changed = new Set<string>();

  constructor(private readonly sql: SqlStorage) {}

  get(name: string): number {
    let value = this.values.get(name);
    if (value === undefined) {
      value =
        this.sql.exec<{ value: number }>("SELECT value FROM counters WHERE name = ?", name).toArray()[0]?.value ?? 0;
      this.values.set(name, value);
    }
    return value;
  }

  addWithin(name: string, delta: number, cap: number): boolean {
    const next = this.get(name) + delta;
    if (next < 0 || next > cap) return false;
    this.values.set(name, next);
    this.changed.add(name);
    return true;
  }

  markOnce(name: string): boolean {
    return this.addWithin(name, 1, 1);
  }

  /** Stores every change, in one statement. */
  write(): void {
    if (this.changed.size === 0) return;
    const names = [...this.changed];
    this.sql.exec(
      `INSERT INTO counters (name, value) VALUES ${names.map(() => "(?, ?)").join(", ")}
       ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
      ...names.flatMap((name) => [name, this.values.get(name)!]),
    );
    this.changed.clear();
  }
}
