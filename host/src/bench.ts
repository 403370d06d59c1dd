/**
 * The benchmark build of the Worker: the production Worker (index.ts) plus
 * POST /api/v1/_bench/counter, a trivial Durable Object counter that
 * bench/edge_bench.mjs measures draws against (this runtime's own limit).
 *
 * It is its own entry, selected by the wrangler environment "bench"
 * (wrangler.toml: `[env.bench]`, main = this file; edge_bench.mjs sets
 * CLOUDFLARE_ENV=bench), rather than a flag inside the production code: the
 * production bundle is built from index.ts, which never imports this file,
 * so it holds no benchmark code at all (.ci/test checks the dry-run bundle),
 * and nothing a variable could switch on by mistake. The object class keeps
 * its name (CampaignObject), so the same binding and migrations apply.
 * May import the production Worker's pieces; nothing imports it.
 */
import { CampaignObject as ProductionCampaignObject } from "./campaign-object";
import type { Env } from "./env";
import { json } from "./http";
import { routes } from "./index";
import { migrate } from "./migrations";
import { type Route, createWorker } from "./router";

export class CampaignObject extends ProductionCampaignObject {
  private benchReady = false;

  /**
   * A trivial counter, for the benchmark's baseline (this runtime's own limit);
   * `grouped` first joins a commit group as draws do, for comparison.
   */
  async benchIncrement(grouped = false): Promise<number> {
    if (grouped) await this.draws.commitGroup();
    if (!this.benchReady) migrate(this.store.storage);
    this.benchReady = true;
    const sql = this.store.sql;
    sql.exec(
      "INSERT INTO counters (name, value) VALUES ('bench', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1",
    );
    return sql.exec<{ value: number }>("SELECT value FROM counters WHERE name = 'bench'").one().value;
  }
}

/** POST /api/v1/_bench/counter[?group=1]: the counter after one increment, in the object named "_bench". */
async function benchCounter(request: Request, env: Env): Promise<Response> {
  // In this build the CAMPAIGNS binding's class is the subclass above (same name, this entry's export).
  const namespace = env.CAMPAIGNS as unknown as DurableObjectNamespace<CampaignObject>;
  const stub = namespace.get(namespace.idFromName("_bench"));
  const grouped = new URL(request.url).searchParams.get("group") === "1";
  return json({ value: await stub.benchIncrement(grouped) });
}

const benchRoutes: readonly Route[] = [
  ...routes,
  { method: "POST", pattern: /^\/api\/v1\/_bench\/counter$/, handler: benchCounter },
];

export default createWorker(benchRoutes) satisfies ExportedHandler<Env>;
