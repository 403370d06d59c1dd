// Runs the real Worker under `wrangler dev` (workerd, with its own Durable
// Object and KV storage) for the edge tests and benchmarks. No mocks: each
// test file starts a service on its own port with its own state folder.
//
//   const service = await startService({ port: 8790 });
//   await service.fetch("/api/v1/health");
//   await service.restart();   // same state folder: storage must survive
//   await service.kill();      // SIGKILL, as a crash; then await service.relaunch()
//   await service.stop();
//
// wrangler dev runs at log level "warn" unless told otherwise: its request
// lines ("[wrangler:info] GET /api/... 200 OK") are left out. A test that
// must see what an access log records starts it with { logLevel: "info" }.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const ADMIN_KEY = "test-admin-key-0f3a9c2e7b5d4186a2c9";
export const TICKET_SECRET = "test-ticket-secret";
export const SEAL_KEY = "test-seal-key-5b8e1d7c3a9f4e20b6d1";

/** The environment that keeps wrangler offline and quiet (no metrics, no fetches, no banner), for every wrangler command. */
export const WRANGLER_OFFLINE = {
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
  XDG_CONFIG_HOME: join(root, ".wrangler", "config"),
};

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `signal` to the process group `group`; false when the group is gone. */
function signalGroup(group, signal) {
  try {
    process.kill(-group, signal);
    return true;
  } catch {
    return false;
  }
}

/** wrangler dev's command line for one service: its port, state folder, log level and variables. */
function wranglerDevArgs({ port, stateDir, logLevel, vars }) {
  const args = [
    "dev",
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--inspector-port",
    String(port + 10000),
    "--persist-to",
    stateDir,
    "--show-interactive-dev-session=false",
    "--log-level",
    logLevel,
  ];
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  return args;
}

/** Resolves once the service on `port` answers its health check; fails if wrangler dev exits first or after 60 s. */
async function waitUntilReady(port, child, output) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`wrangler dev did not become ready in 60 s:\n${output()}`);
}

/** Stops wrangler dev: SIGTERM to its process group, SIGKILL after 5 s; resolves once it has exited. */
async function halt(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  signalGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

// A crash: SIGKILL to the whole process group (wrangler dev and the runtime
// it started), no chance to flush or close anything; waits until the group is gone.
async function crash(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const group = child.pid;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  signalGroup(group, "SIGKILL");
  await exited;
  // The rest of the group (wrangler's own node process, the runtime) can take
  // a second or two to go, holding the port meanwhile: wait until the group
  // is empty, at most 5 s (a zombie nobody reaps would keep it non-empty).
  for (let i = 0; i < 50; i++) {
    if (!signalGroup(group, 0)) return;
    await sleep(100);
  }
}

export async function startService({ port, vars = {}, persistDir, logLevel = "warn" } = {}) {
  const stateDir = persistDir ?? mkdtempSync(join(tmpdir(), "blindbox-state-"));
  const ownsState = persistDir === undefined;
  const allVars = { ADMIN_KEY, TICKET_SECRET, SEAL_KEY, ADDRESS_RATE_LIMIT: "off", ...vars };
  let child = null;
  let output = "";

  const launch = async () => {
    output = "";
    child = spawn(
      join(root, "node_modules", ".bin", "wrangler"),
      wranglerDevArgs({ port, stateDir, logLevel, vars: allVars }),
      { cwd: root, env: { ...process.env, ...WRANGLER_OFFLINE }, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    await waitUntilReady(port, child, () => output);
  };

  await launch();
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    output: () => output,
    /** The process group of wrangler dev and the runtime processes it started (null after kill(), until relaunch()). */
    processGroup: () => child?.pid ?? null,
    fetch: (path, init) => fetch(base + path, init),
    async restart() {
      await halt(child);
      await launch();
    },
    /** SIGKILLs wrangler dev and the runtime (a crash) and waits until they are gone; relaunch() starts them again. */
    async kill() {
      await crash(child);
      child = null; // nothing left to halt: stop() after kill() just cleans up
    },
    /** Starts the service again on the same state folder, after kill(); resolves once it answers. */
    async relaunch() {
      await launch();
    },
    async stop() {
      await halt(child);
      if (ownsState) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** Today's date (YYYY-MM-DD) in a UTC offset given in minutes, shifted by `days`. */
export function localDate(offsetMinutes, days = 0) {
  return new Date(Date.now() + offsetMinutes * 60_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A campaign open all day today in +08:00, for tests; `changes` are merged in at the top level. */
export function campaignOpenToday(id, changes = {}) {
  return {
    id,
    title: `Test campaign ${id}`,
    utc_offset: "+08:00",
    window: { first_day: localDate(480, -1), last_day: localDate(480, 30) },
    limits: { draws_per_day: 3 },
    prize_table: {
      prizes: [
        { id: "gold", name: "Gold", stock: 5, odds: "1/10" },
        { id: "silver", name: "Silver", stock: 50, odds: "0.2" },
      ],
    },
    ...changes,
  };
}

/** JSON request helpers against a service. */
export function client(service) {
  const retries = { count: 0 };
  const call = async (method, path, body, headers = {}) => {
    const init = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.headers["content-type"] = "application/json";
      init.body = typeof body === "string" ? body : JSON.stringify(body);
    }
    let response;
    try {
      response = await service.fetch(path, init);
    } catch (error) {
      // A keep-alive connection the server closed (after a load test, say): reads are safe to repeat once.
      if (method !== "GET") throw error;
      response = await service.fetch(path, init);
    }
    let text = await response.text();
    // wrangler dev's local proxy answers 503 "Your worker restarted
    // mid-request" when its own connection to the runtime fails (under
    // hundreds of simultaneous requests, or while it reloads). It is not the
    // service's answer, and the message asks for a retry: a client repeats
    // the request, which for a draw carries the same request_id, so the retry
    // gets the original reply if the first attempt did reach the service.
    for (let retry = 0; retry < 3 && response.status === 503; retry++) {
      if (!text.startsWith("Your worker restarted mid-request")) break;
      retries.count++;
      await sleep(100 * (retry + 1));
      response = await service.fetch(path, init);
      text = await response.text();
    }
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON (CSV, for one)
    }
    return { status: response.status, json, text, headers: response.headers };
  };
  const admin = { authorization: `Bearer ${ADMIN_KEY}` };
  return {
    retries,
    call,
    putCampaign: (campaign, headers = {}) =>
      call("PUT", `/api/v1/admin/campaigns/${campaign.id}`, campaign, { ...admin, ...headers }),
    draw: (id, body) => call("POST", `/api/v1/campaigns/${id}/draws`, body),
    admin: (method, path, body) => call(method, `/api/v1/admin/campaigns/${path}`, body, admin),
  };
}

/**
 * A body streamed in chunks (Transfer-Encoding: chunked, no Content-Length),
 * the way a client sends what it has not finished producing. It stops sending
 * once a reply arrives: the service may answer 413 before the end.
 */
export function sendChunked(base, method, path, headers, chunks) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(base + path, { method, headers: { ...headers, "transfer-encoding": "chunked" } });
    let answered = false;
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error("no reply within 20 s"));
    }, 20_000);
    request.on("response", (response) => {
      answered = true;
      const parts = [];
      response.on("data", (part) => parts.push(part));
      response.on("end", () => {
        clearTimeout(timer);
        request.destroy();
        resolve({
          status: response.statusCode,
          contentType: response.headers["content-type"] ?? "",
          text: Buffer.concat(parts).toString("utf8"),
        });
      });
    });
    request.on("error", (error) => {
      if (answered) return;
      clearTimeout(timer);
      reject(error);
    });
    (async () => {
      for (const chunk of chunks) {
        if (answered) return;
        if (!request.write(chunk)) await new Promise((resolve) => request.once("drain", resolve));
        await sleep(2);
      }
      if (!answered) request.end();
    })().catch(() => {});
  });
}

/**
 * The records of a CSV the service wrote (RFC 4180, as csvRow in
 * host/src/csv.ts writes it): fields split by commas; a quoted field may
 * hold commas, doubled quotes and line breaks; every record ends in CRLF, the
 * last one too. A quote inside an unquoted field, a bare CR or LF, an
 * unterminated quote or a last record without its CRLF fails the test.
 */
export function parseCsv(text) {
  const records = [];
  let record = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      assert.equal(field, "", `a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else {
      assert.ok(c !== "\r" && c !== "\n", `a bare line break at ${i}`);
      field += c;
    }
  }
  assert.equal(quoted, false, "an unterminated quoted field");
  assert.ok(field === "" && record.length === 0, "the last record does not end with CRLF");
  return records;
}
