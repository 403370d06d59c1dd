// The one API client's contract (frontend/shared/api.js), against a fake
// fetch: a request never throws; a reply from the API keeps its status and
// its error object as sent; a reply that never came, or that a gateway made
// (5xx without JSON), has status 0 and error.code "network".

import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { errorOf, networkFailure, request } from "../../frontend/shared/api.js";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** Answers every request with `respond(url, init)` and records the requests. */
function fakeFetch(respond) {
  const requests = [];
  globalThis.fetch = async (url, init) => {
    requests.push({ url, init });
    return respond(url, init);
  };
  return requests;
}

const json = (status, body, headers = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

test("a JSON reply is ok, parsed, and dated by its Date header", async () => {
  fakeFetch(() => json(200, { campaign: { id: "spring" } }, { date: "Wed, 02 Dec 2026 12:00:00 GMT" }));
  const reply = await request("/api/v1/campaigns/spring");
  assert.equal(reply.ok, true);
  assert.equal(reply.status, 200);
  assert.deepEqual(reply.data, { campaign: { id: "spring" } });
  assert.equal(reply.error, null);
  assert.equal(reply.serverDate, Date.UTC(2026, 11, 2, 12));
});

test("a reply without a Date header has no server date", async () => {
  fakeFetch(() => json(200, {}));
  assert.equal((await request("/x")).serverDate, null);
});

test("an API error keeps its HTTP status and its error object as sent, with fields of its own", async () => {
  const error = { code: "campaign_not_open", message: "paused", status: "paused" };
  fakeFetch(() => json(409, { error }));
  const reply = await request("/x");
  assert.equal(reply.ok, false);
  assert.equal(reply.status, 409);
  assert.deepEqual(reply.error, error);
  assert.deepEqual(errorOf(reply), error);
});

test("a 5xx with the API's JSON error is the API's error, not a lost reply", async () => {
  fakeFetch(() => json(500, { error: { code: "internal_error", message: "boom" } }));
  const reply = await request("/x");
  assert.equal(reply.status, 500);
  assert.equal(reply.error.code, "internal_error");
  assert.equal(reply.error.message, "boom");
});

test("a 5xx without JSON (a gateway's error page) counts as a lost reply", async () => {
  fakeFetch(() => new Response("<html>Bad gateway</html>", { status: 502, headers: { "content-type": "text/html" } }));
  const reply = await request("/x");
  assert.equal(reply.ok, false);
  assert.equal(reply.status, 0);
  assert.deepEqual(reply.error, { code: "network", message: "HTTP 502" });
  assert.equal(reply.data, null);
});

test("a 4xx without JSON is an http_error named by its status", async () => {
  fakeFetch(() => new Response("not here", { status: 404 }));
  const reply = await request("/x");
  assert.equal(reply.status, 404);
  assert.deepEqual(reply.error, { code: "http_error", message: "HTTP 404" });
});

test("a 4xx whose JSON has no error code gets one from its status", async () => {
  fakeFetch(() => json(400, { error: "bad" }));
  assert.deepEqual((await request("/x")).error, { code: "http_error", message: "HTTP 400" });
});

test("a lost reply (fetch rejects) resolves with status 0 and code network, never throws", async () => {
  fakeFetch(() => {
    throw new TypeError("Failed to fetch");
  });
  const reply = await request("/x", { method: "POST", body: {} });
  assert.deepEqual(reply, {
    ok: false,
    status: 0,
    data: null,
    headers: null,
    serverDate: null,
    error: { code: "network", message: "Failed to fetch" },
  });
});

/** A fetch that never answers: it rejects only when its signal aborts. */
function hangingFetch() {
  globalThis.fetch = (_url, init) =>
    new Promise((_resolve, reject) => {
      init.signal.addEventListener("abort", () => reject(new DOMException("The operation was aborted.", "AbortError")));
    });
}

test("a request that takes longer than its timeout is a lost reply", { timeout: 2000 }, async () => {
  hangingFetch();
  const reply = await request("/x", { timeout: 20 });
  assert.equal(reply.status, 0);
  assert.equal(reply.error.code, "network");
});

test("the caller's signal aborts the request, which then counts as lost", { timeout: 2000 }, async () => {
  hangingFetch();
  const controller = new AbortController();
  const pending = request("/x", { signal: controller.signal });
  controller.abort();
  const reply = await pending;
  assert.equal(reply.status, 0);
  assert.equal(reply.error.code, "network");
});

test("a body goes as JSON, a token as the bearer, never cached", async () => {
  const requests = fakeFetch(() => json(200, {}));
  await request("/draws", { method: "POST", body: { player: "p1" }, token: "secret" });
  const [{ url, init }] = requests;
  assert.equal(url, "/draws");
  assert.equal(init.method, "POST");
  assert.equal(init.body, '{"player":"p1"}');
  assert.equal(init.cache, "no-store");
  assert.deepEqual(init.headers, {
    accept: "application/json",
    "content-type": "application/json",
    authorization: "Bearer secret",
  });
});

test("a body given as JSON text goes as it is", async () => {
  const requests = fakeFetch(() => json(200, {}));
  await request("/x", { method: "PUT", body: '{"a":1}' });
  assert.equal(requests[0].init.body, '{"a":1}');
});

test("a raw body goes as it is with its content type; a GET has no body and no content type", async () => {
  const requests = fakeFetch(() => json(200, {}));
  const blob = new Blob(["png"]);
  await request("/upload", { method: "PUT", raw: blob, contentType: "image/png" });
  await request("/x");
  assert.equal(requests[0].init.body, blob);
  assert.equal(requests[0].init.headers["content-type"], "image/png");
  assert.equal(requests[1].init.body, undefined);
  assert.equal(requests[1].init.headers["content-type"], undefined);
});

test("with another accept, a successful reply carries the unread response", async () => {
  fakeFetch(() => new Response("a,b\n1,2\n", { status: 200, headers: { "content-type": "text/csv" } }));
  const reply = await request("/export", { accept: "text/csv" });
  assert.equal(reply.ok, true);
  assert.equal(reply.data, null);
  assert.equal(reply.error, null);
  assert.equal(await reply.response.text(), "a,b\n1,2\n");
});

test("with another accept, a failed reply still reads the API's JSON error", async () => {
  fakeFetch(() => json(403, { error: { code: "forbidden", message: "no" } }));
  const reply = await request("/export", { accept: "text/csv" });
  assert.equal(reply.error.code, "forbidden");
  assert.equal(reply.response, undefined);
});

test("errorOf gives a reply's error, or an unknown one when there is none", () => {
  assert.deepEqual(errorOf(null), { code: "unknown", message: "" });
  assert.deepEqual(errorOf({ error: null }), { code: "unknown", message: "" });
  assert.deepEqual(errorOf(networkFailure("offline")).code, "network");
});

test("a network failure's message comes from an Error, a text, or a default", () => {
  assert.equal(networkFailure(new Error("reset")).error.message, "reset");
  assert.equal(networkFailure("offline").error.message, "offline");
  assert.equal(networkFailure(undefined).error.message, "network failure");
});
