// Nothing over-issued, nothing contradictory, under concurrency: the rules
// of stock, limits and replies, checked against the real runtime.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { campaignOpenToday, client, startService } from "./harness.mjs";

let service;
let api;

before(async () => {
  service = await startService({ port: 8794 });
  api = client(service);
});

after(async () => {
  await service?.stop();
});

test("500 concurrent draws at a prize with stock 5 and odds 1 make exactly 5 winners", async () => {
  const campaign = campaignOpenToday("stampede", {
    prize_table: { prizes: [{ id: "only", name: "The only prize", stock: 5, odds: "1" }] },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);

  const replies = await Promise.all(
    Array.from({ length: 500 }, (_, i) => api.draw("stampede", { player: `p${i}`, request_id: "stampede-draw-once" })),
  );
  assert.deepEqual([...new Set(replies.map((reply) => reply.status))], [200]);
  const wins = replies.filter((reply) => reply.json.draw.outcome === "win");
  const blanks = replies.filter((reply) => reply.json.draw.outcome === "blank");
  assert.equal(wins.length, 5);
  assert.equal(blanks.length, 495);
  for (const blank of blanks) assert.equal(blank.json.draw.claim_token, undefined);

  const view = await api.admin("GET", "stampede");
  const prize = view.json.today.prizes.find((p) => p.id === "only");
  assert.equal(prize.issued, 5);
  assert.equal(prize.stock_left, 0);
  assert.equal(view.json.today.draws, 500);
  assert.equal(view.json.today.wins, 5);

  // Every winner's token opens that winner's claim, and only that one: the
  // token alone names it (shipping sent with each token is filed under its
  // winner in the operator's list).
  const winners = replies
    .map((reply, i) => ({ player: `p${i}`, draw: reply.json.draw }))
    .filter(({ draw }) => draw.outcome === "win");
  assert.equal(
    new Set(winners.map(({ draw }) => draw.claim_token)).size,
    winners.length,
    "every win has its own token",
  );
  const claimPath = "/api/v1/campaigns/stampede/claim";
  for (const { player, draw } of winners) {
    const auth = { authorization: `Bearer ${draw.claim_token}` };
    const claim = await api.call("GET", claimPath, undefined, auth);
    assert.equal(claim.status, 200);
    assert.equal(claim.json.prize.id, "only");
    const put = await api.call(
      "PUT",
      claimPath,
      { name: `Winner ${player}`, phone: "12345678", address: `${player} Street 1` },
      auth,
    );
    assert.equal(put.status, 200, put.text);
  }
  const listed = (await api.admin("GET", "stampede/winners")).json.winners;
  assert.deepEqual(
    listed.map((row) => [row.player, row.shipping?.name]).sort(),
    winners.map(({ player }) => [player, `Winner ${player}`]).sort(),
    "each token's shipping went to its own winner's claim",
  );
  const [first] = winners;
  const altered = first.draw.claim_token.replace(/^./, (c) => (c === "A" ? "B" : "A"));
  const crossed = await api.call("GET", claimPath, undefined, { authorization: `Bearer ${altered}` });
  assert.equal(crossed.status, 404);
});

test("200 concurrent draws for one player with a limit of 1 make one entry, and every reply agrees", async () => {
  const campaign = campaignOpenToday("one-shot", {
    limits: { draws_per_day: 1 },
    prize_table: { prizes: [{ id: "only", name: "The only prize", stock: 1000, odds: "1/2" }] },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);

  const replies = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      api.draw("one-shot", { player: "eager", request_id: `eager-draw-${String(i).padStart(5, "0")}` }),
    ),
  );
  const drawn = replies.filter((reply) => reply.status === 200);
  const limited = replies.filter((reply) => reply.status === 409);
  const throttled = replies.filter((reply) => reply.status === 429);
  assert.equal(drawn.length, 1, "exactly one draw");
  const others = replies.filter((reply) => ![200, 409, 429].includes(reply.status));
  assert.deepEqual(
    others.map((reply) => `${reply.status} ${reply.text.slice(0, 200)}`),
    [],
    "every reply is a draw, a limit or a rate limit",
  );
  for (const reply of limited) {
    assert.equal(reply.json.error.code, "draw_limit_reached");
    assert.ok(!reply.text.includes("claim_token"), "a refusal reveals no token");
  }
  for (const reply of throttled) assert.equal(reply.json.error.code, "rate_limited");

  const stats = await api.admin("GET", "one-shot/stats");
  const today = stats.json.days.find((day) => day.draws > 0);
  assert.equal(today.draws, 1);
  assert.equal(today.players, 1);
  assert.equal(today.wins, drawn[0].json.draw.outcome === "win" ? 1 : 0);
});

test("concurrent retries of one request all get the one original reply", async () => {
  const campaign = campaignOpenToday("retry-storm", {
    limits: { draws_per_day: 5 },
    prize_table: { prizes: [{ id: "only", name: "The only prize", stock: 100, odds: "1" }] },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  const replies = await Promise.all(
    Array.from({ length: 15 }, () => api.draw("retry-storm", { player: "impatient", request_id: "tap-to-open-box-1" })),
  );
  assert.deepEqual([...new Set(replies.map((reply) => reply.status))], [200]);
  const bodies = new Set(replies.map((reply) => JSON.stringify(reply.json)));
  assert.equal(bodies.size, 1, "identical replies");
  assert.equal(replies[0].json.draw.outcome, "win");
  const view = await api.admin("GET", "retry-storm");
  assert.equal(view.json.today.draws, 1);
  assert.equal(view.json.today.prizes[0].issued, 1);
});
