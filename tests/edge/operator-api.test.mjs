// The operator API the console uses: campaign list, winners for fulfilment,
// picture uploads to R2 (local storage under wrangler dev).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ADMIN_KEY, campaignOpenToday, client, startService } from "./harness.mjs";

let service;
let api;
const admin = { authorization: `Bearer ${ADMIN_KEY}` };

before(async () => {
  service = await startService({ port: 8802 });
  api = client(service);
});

after(async () => {
  await service?.stop();
});

// A real 1x1 PNG.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf" +
    "c000000301010018dd8db40000000049454e44ae426082",
  "hex",
);

const upload = (id, body, type) =>
  service.fetch(`/api/v1/admin/campaigns/${id}/media`, {
    method: "POST",
    headers: { ...admin, "content-type": type },
    body,
  });

test("an uploaded picture is stored and served from the edge under its content hash", async () => {
  assert.equal((await api.putCampaign(campaignOpenToday("pictures"))).status, 201);
  const reply = await upload("pictures", PNG, "image/png");
  assert.equal(reply.status, 201);
  const { url, size, content_type } = await reply.json();
  assert.match(url, /^\/media\/pictures\/[0-9a-f]{64}\.png$/);
  assert.equal(size, PNG.length);
  assert.equal(content_type, "image/png");
  const served = await service.fetch(url);
  assert.equal(served.status, 200);
  assert.equal(served.headers.get("content-type"), "image/png");
  assert.match(served.headers.get("cache-control"), /immutable/);
  assert.deepEqual(Buffer.from(await served.arrayBuffer()), PNG);
  // The same bytes get the same name.
  assert.equal((await (await upload("pictures", PNG, "image/png")).json()).url, url);
});

test("uploads that are not pictures, or too large, are refused with a clear message", async () => {
  const notPng = await upload("pictures", Buffer.from("hello, not a picture at all"), "image/png");
  assert.equal(notPng.status, 415);
  assert.equal((await notPng.json()).error.message, "the file is not a PNG picture");
  const svg = await upload("pictures", "<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml");
  assert.equal(svg.status, 415);
  assert.equal((await svg.json()).error.code, "unsupported_media_type");
  const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
  const tooBig = await upload("pictures", big, "image/png");
  assert.equal(tooBig.status, 413);
  const tooBigError = (await tooBig.json()).error;
  assert.equal(tooBigError.code, "payload_too_large");
  assert.match(tooBigError.message, /at most 2 MB/, "the message names the limit");
  const anonymous = await service.fetch("/api/v1/admin/campaigns/pictures/media", {
    method: "POST",
    headers: { "content-type": "image/png" },
    body: PNG,
  });
  assert.equal(anonymous.status, 401);
  assert.equal((await service.fetch("/media/pictures/not-a-hash.png")).status, 404);
});

test("the campaign list and the winners list serve the console", async () => {
  const campaign = campaignOpenToday("fulfilment", {
    prize_table: {
      prizes: [
        { id: "mug", name: "Mug", stock: 2, odds: "1" },
        { id: "pen", name: "Pen", stock: 100, odds: "0" },
      ],
    },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  const list = await api.call("GET", "/api/v1/admin/campaigns", undefined, admin);
  assert.equal(list.status, 200);
  assert.ok(list.json.campaigns.includes("fulfilment"));

  const wins = [];
  for (const player of ["ann", "ben", "cat"]) {
    wins.push((await api.draw("fulfilment", { player, request_id: "fulfilment-draw-01" })).json.draw);
  }
  assert.deepEqual(
    wins.map((d) => d.outcome),
    ["win", "win", "blank"],
  );
  const shipping = { name: "Ann", phone: "+1 555 0100", address: "1 Main St, Springfield" };
  const put = await api.call("PUT", "/api/v1/campaigns/fulfilment/claim", shipping, {
    authorization: `Bearer ${wins[0].claim_token}`,
  });
  assert.equal(put.status, 200);

  const all = await api.admin("GET", "fulfilment/winners");
  assert.equal(all.status, 200);
  assert.deepEqual(
    all.json.winners.map((w) => [w.player, w.prize.id, w.claimed]),
    [
      ["ann", "mug", true],
      ["ben", "mug", false],
    ],
  );
  assert.deepEqual(all.json.winners[0].shipping, shipping);
  assert.equal(all.json.winners[1].shipping, null);
  assert.equal(all.json.next_cursor, null);
  const day = wins[0].day;
  assert.equal((await api.admin("GET", `fulfilment/winners?day=${day}&prize=pen`)).json.winners.length, 0);
  assert.equal((await api.admin("GET", `fulfilment/winners?day=${day}&prize=mug`)).json.winners.length, 2);
  assert.equal((await api.admin("GET", "fulfilment/winners?day=1999-01-01")).json.winners.length, 0);
  assert.equal((await api.admin("GET", "fulfilment/winners?cursor=-3")).status, 400);
  assert.equal((await api.admin("GET", "fulfilment/winners?limit=0")).status, 400);
  // Pages: one win per page, each naming the next; the last says null.
  const first = await api.admin("GET", "fulfilment/winners?limit=1");
  assert.deepEqual(
    first.json.winners.map((w) => w.player),
    ["ann"],
  );
  assert.equal(typeof first.json.next_cursor, "string");
  const second = await api.admin(
    "GET",
    `fulfilment/winners?limit=1&cursor=${encodeURIComponent(first.json.next_cursor)}`,
  );
  assert.deepEqual(
    second.json.winners.map((w) => w.player),
    ["ben"],
  );
  assert.equal(second.json.next_cursor, null);
  assert.equal((await api.call("GET", "/api/v1/admin/campaigns/fulfilment/winners")).status, 401);
});
