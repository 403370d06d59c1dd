// Times the core in wasm and compares it with native.
//
// Loads the WASI benchmark reactor (bench/wasi_bench.cpp, built by the wasi
// preset into build/wasi/bench/blindbox_bench.wasm) with Node's built-in WASI,
// runs each workload for a short warm-up and then for about a second on
// process.hrtime.bigint(), and prints decisions per second. The goal is the
// WASI build within 3x of native, so when a native figure is at hand (given
// with --native, or measured by running build/native/bench/blindbox_bench
// --json when it exists) the ratio is printed next to each workload.
//
//   node bench/wasi_bench.mjs [--wasm FILE] [--native DECISIONS_PER_S | --no-native]
//
// --native sets the native figure for the pure odds decide only; running the
// native benchmark gives one for every workload.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { WASI } from "node:wasi";

const repository = dirname(dirname(fileURLToPath(import.meta.url)));
const defaultWasm = join(repository, "build/wasi/bench/blindbox_bench.wasm");
const nativeBench = join(repository, "build/native/bench/blindbox_bench");
const goalRatio = 3;
const warmUpNs = 200_000_000n;
const measuredNs = 1_000_000_000n;

// The wasm exports and the native benchmark's names for the same workloads.
const workloads = [
  { name: "decide_odds_20", fn: "bench_decide", chunk: 1 << 16, description: "decide, odds model, 20 prizes" },
  {
    name: "draw_odds_20",
    fn: "bench_draw",
    chunk: 1 << 12,
    description: "draw through MemoryCounters, odds model, 20 prizes",
  },
  { name: "decide_deck_20", fn: "bench_decide_deck", chunk: 1 << 16, description: "decide, deck model, 20 prizes" },
];

function usage(message) {
  if (message) console.error(`wasi_bench: ${message}`);
  console.error("usage: node bench/wasi_bench.mjs [--wasm FILE] " + "[--native DECISIONS_PER_S | --no-native]");
  process.exit(2);
}

function parseArguments(argv) {
  const options = { wasm: defaultWasm, native: undefined, runNative: true };
  for (let i = 0; i < argv.length; ++i) {
    const argument = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${argument} needs a value`));
    if (argument === "--wasm") {
      options.wasm = value();
    } else if (argument === "--native") {
      const text = value();
      const figure = Number(text);
      if (!/^\d+(\.\d+)?$/.test(text) || !(figure > 0)) usage(`--native must be a positive number`);
      options.native = figure;
    } else if (argument === "--no-native") {
      options.runNative = false;
    } else if (argument === "--help" || argument === "-h") {
      usage();
    } else {
      usage(`unknown argument '${argument}'`);
    }
  }
  return options;
}

// Native decisions per second by workload name, or an empty map.
function nativeFigures(options) {
  if (options.native !== undefined) return new Map([["decide_odds_20", options.native]]);
  if (!options.runNative) return new Map();
  if (!existsSync(nativeBench)) {
    console.log(`(no native figure: ${nativeBench} is not built)`);
    return new Map();
  }
  console.log(`running ${nativeBench} --json ...`);
  const report = JSON.parse(execFileSync(nativeBench, ["--json"], { encoding: "utf8" }));
  return new Map(report.benchmarks.map((b) => [b.name, b.decisions_per_second]));
}

async function loadBenchmark(path) {
  if (!existsSync(path)) {
    console.error(`wasi_bench: ${path} not found; build it with\n  cmake --preset wasi && cmake --build --preset wasi`);
    process.exit(1);
  }
  const wasi = new WASI({ version: "preview1", args: [], env: {} });
  const module = await WebAssembly.compile(readFileSync(path));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  wasi.initialize(instance); // a reactor: runs the constructors, no main
  const exports = instance.exports;
  if (exports.bench_prepare() !== 0) {
    console.error("wasi_bench: bench_prepare() failed: a benchmark campaign is invalid");
    process.exit(1);
  }
  return exports;
}

// Runs `run(chunk)` for the warm-up, then for about a second.
function measure(run, chunk) {
  let wins = 0;
  const warmUpStart = process.hrtime.bigint();
  while (process.hrtime.bigint() - warmUpStart < warmUpNs) wins += run(chunk) >>> 0;
  let decisions = 0;
  let elapsed = 0n;
  const start = process.hrtime.bigint();
  do {
    wins += run(chunk) >>> 0;
    decisions += chunk;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < measuredNs);
  const seconds = Number(elapsed) / 1e9;
  return { decisions, seconds, wins, perSecond: decisions / seconds };
}

const options = parseArguments(process.argv.slice(2));
const native = nativeFigures(options);
const bench = await loadBenchmark(options.wasm);

let checksum = 0;
let missedGoal = false;
for (const workload of workloads) {
  const result = measure(bench[workload.fn], workload.chunk);
  checksum += result.wins;
  let line =
    `wasm ${workload.description}: ${Math.round(result.perSecond)} decisions/s ` +
    `(${result.decisions} in ${result.seconds.toFixed(3)} s)`;
  const nativePerSecond = native.get(workload.name);
  if (nativePerSecond) {
    const ratio = nativePerSecond / result.perSecond;
    line += `; native ${Math.round(nativePerSecond)}/s, native/wasm ${ratio.toFixed(2)}x`;
    if (ratio > goalRatio) {
      line += ` (over the goal of ${goalRatio}x)`;
      missedGoal = true;
    }
  }
  console.log(line);
}
console.log(`checksum: ${checksum} wins`);
if (missedGoal) console.log(`some workloads are more than ${goalRatio}x slower than native`);
