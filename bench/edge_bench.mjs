// Draws per second and latency through `wrangler dev`, beside a trivial
// Durable Object counter endpoint measured in the same run: that counter is
// this runtime's own limit here, and the goal is draws at >= 80% of it.
//
//   node bench/edge_bench.mjs [--seconds 8] [--rounds 3] [--connections 32]
//
// Draws join a commit group (CampaignObject.commitGroup); the trivial counter
// does not, so the same counter with group commit is measured too: against it
// draws pay only for their own work.
//
// Starts the real Worker's benchmark build (wrangler.toml [env.bench]: the
// production Worker plus POST /api/v1/_bench/counter, host/src/bench.ts) on
// 127.0.0.1:8796 (own state folder, removed after),
// creates a 20-prize campaign with stock that never runs out, warms the
// endpoints up, then runs wrk (Debian's) against them in turn, `rounds` times,
// so that all see the same machine. For each run it prints requests/s,
// p50/p99 latency and the CPU time wrangler dev's processes (its proxy and the
// workerd runtime) spent per request; the summary compares the medians.
// Traffic goes to 127.0.0.1 only and stops by itself after the given seconds.

import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { campaignOpenToday, client, root, startService } from "../tests/edge/harness.mjs";

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const seconds = option("seconds", 8);
const rounds = option("rounds", 3);
const connections = option("connections", 32);

// 20 prizes, odds 0.0100 to 0.0195 (29.5% in all), stock that never runs out.
const prizes = Array.from({ length: 20 }, (_, i) => ({
  id: `p${i + 1}`,
  name: `Prize ${i + 1}`,
  stock: 1_000_000_000,
  odds: (0.01 + i * 0.0005).toFixed(4),
}));

const ticksPerSecond = 100; // USER_HZ on Linux

/** CPU seconds (user + system) used so far by the processes of a process group. */
function groupCpuSeconds(group) {
  let ticks = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / ticksPerSecond;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// wrangler reads the environment to run from CLOUDFLARE_ENV; the harness passes ours on.
process.env.CLOUDFLARE_ENV = "bench";
const service = await startService({ port: 8796 });
try {
  const api = client(service);
  const campaign = campaignOpenToday("bench", {
    limits: { draws_per_day: 1_000_000 },
    prize_table: { prizes },
  });
  const put = await api.putCampaign(campaign);
  if (put.status !== 201) throw new Error(`campaign not created: ${put.text}`);

  const drawScript = join(root, "bench/edge_draw.lua");
  let drawReplies = 0;
  const wrk = (label, args, duration = seconds) => {
    const isDraw = args.includes(drawScript);
    const cpuBefore = groupCpuSeconds(service.processGroup());
    const out = execFileSync("wrk", ["-t2", `-c${connections}`, `-d${duration}s`, "--latency", ...args], {
      encoding: "utf8",
    });
    const cpu = groupCpuSeconds(service.processGroup()) - cpuBefore;
    const requests = Number(out.match(/(\d+) requests in/)[1]);
    const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]);
    const p50 = out.match(/50%\s+([\d.]+\w+)/)[1];
    const p99 = out.match(/99%\s+([\d.]+\w+)/)[1];
    const non2xx = Number(out.match(/Non-2xx or 3xx responses:\s+(\d+)/)?.[1] ?? 0);
    const cpuPerRequest = (1e6 * cpu) / requests;
    if (isDraw) drawReplies += requests - non2xx;
    console.log(
      `${label.padEnd(22)} ${rps.toFixed(0).padStart(6)} req/s  p50 ${p50.padStart(8)}  p99 ${p99.padStart(8)}` +
        `  CPU ${cpuPerRequest.toFixed(0).padStart(5)} us/req${non2xx ? `  non-2xx ${non2xx}` : ""}`,
    );
    return { rps, cpuPerRequest };
  };
  const counterArgs = ["-s", join(root, "bench/edge_counter.lua"), `${service.base}/api/v1/_bench/counter`];
  const groupedCounterArgs = [
    "-s",
    join(root, "bench/edge_counter.lua"),
    `${service.base}/api/v1/_bench/counter?group=1`,
  ];
  let runs = 0;
  const drawArgs = () => ["-s", drawScript, service.base, "--", "bench", String(++runs)];
  // Warm both paths (the JIT, the object's storage), then alternate.
  wrk("warm-up (counter)", counterArgs, 3);
  wrk("warm-up (draw)", drawArgs(), 3);
  wrk("warm-up (grouped)", groupedCounterArgs, 3);
  const counter = [];
  const groupedCounter = [];
  const draws = [];
  for (let round = 0; round < rounds; round++) {
    counter.push(wrk("DO counter (baseline)", counterArgs));
    draws.push(wrk("draw (unique players)", drawArgs()));
    groupedCounter.push(wrk("DO counter, grouped", groupedCounterArgs));
  }
  const rps = (runs) => median(runs.map((run) => run.rps));
  const cpu = (runs) => median(runs.map((run) => run.cpuPerRequest)).toFixed(0);
  const percent = (runs, of) => `${((100 * rps(runs)) / rps(of)).toFixed(0)}%`;
  console.log(
    `draws reach ${percent(draws, counter)} of the counter baseline ` +
      `(medians of ${rounds}: ${rps(draws).toFixed(0)} vs ${rps(counter).toFixed(0)} req/s; goal >= 80%) ` +
      `and ${percent(draws, groupedCounter)} of the counter with group commit like draws ` +
      `(${rps(groupedCounter).toFixed(0)} req/s); CPU per request: draw ${cpu(draws)}, ` +
      `counter ${cpu(counter)}, grouped counter ${cpu(groupedCounter)} us`,
  );
  // Every draw request was a new player's first draw: each 200 must be an entry.
  const view = await api.admin("GET", "bench");
  const recorded = view.json.today.draws;
  console.log(`draws recorded by the campaign: ${recorded}; 200 replies wrk saw to draws: ${drawReplies}`);
  if (recorded < drawReplies) throw new Error(`${drawReplies - recorded} draws were answered but not recorded`);
} finally {
  await service.stop();
}
