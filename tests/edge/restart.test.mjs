// A restart of the runtime between draws keeps every counter, entry and claim.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { campaignOpenToday, client, startService } from "./harness.mjs";

let service;
let api;
const stateDir = mkdtempSync(join(tmpdir(), "blindbox-restart-"));

before(async () => {
  service = await startService({ port: 8795, persistDir: stateDir });
  api = client(service);
});

after(async () => {
  await service?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

test("a restart between draws keeps every counter, entry and claim", async () => {
  const campaign = campaignOpenToday("survivor", {
    limits: { draws_per_day: 2 },
    pity: { after: 1, prizes: ["cheap"] },
    prize_table: {
      prizes: [
        { id: "rare", name: "Rare", stock: 3, odds: "1/2" },
        { id: "cheap", name: "Cheap", stock: 100, odds: "0" },
      ],
    },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  await api.admin("POST", "survivor/pause");
  await api.admin("POST", "survivor/resume");

  const before = [];
  for (let i = 0; i < 12; i++) {
    const reply = await api.draw("survivor", { player: `p${i % 6}`, request_id: `r${i}` });
    assert.equal(reply.status, 200);
    before.push(reply.json);
  }
  const winner = before.findIndex((body) => body.draw.outcome === "win");
  assert.ok(winner >= 0, "some draw won");
  const winnerPlayer = `p${winner % 6}`;
  const token = before[winner].draw.claim_token;
  const shipping = { name: "Li Lei", phone: "+86 138 0000 0000", address: "1 Spring Road, Hangzhou" };
  const claimPath = `/api/v1/campaigns/survivor/claims/${winnerPlayer}`;
  assert.equal((await api.call("PUT", claimPath, shipping, { authorization: `Bearer ${token}` })).status, 200);

  const viewBefore = (await api.admin("GET", "survivor")).json;
  const statsBefore = (await api.admin("GET", "survivor/stats")).json;
  const csvBefore = (await api.admin("GET", "survivor/winners.csv")).text;

  await service.restart();

  const viewAfter = (await api.admin("GET", "survivor")).json;
  assert.deepEqual(viewAfter.today, viewBefore.today);
  assert.equal(viewAfter.version, viewBefore.version);
  assert.equal(viewAfter.paused, false);
  const statsAfter = (await api.admin("GET", "survivor/stats")).json;
  assert.deepEqual(statsAfter.days, statsBefore.days);
  assert.equal((await api.admin("GET", "survivor/winners.csv")).text, csvBefore);

  // Every player drew twice: the daily limit still holds.
  for (let p = 0; p < 6; p++) {
    const reply = await api.draw("survivor", { player: `p${p}`, request_id: "after-restart" });
    assert.equal(reply.status, 409);
    assert.equal(reply.json.error.code, "draw_limit_reached");
  }
  // Retried requests get their original replies, claim tokens included.
  for (let i = 0; i < 12; i++) {
    const reply = await api.draw("survivor", { player: `p${i % 6}`, request_id: `r${i}` });
    assert.deepEqual(reply.json, before[i]);
  }
  // The claim still opens with its token, with the shipping details on file.
  const claim = await api.call("GET", claimPath, undefined, { authorization: `Bearer ${token}` });
  assert.equal(claim.status, 200);
  assert.deepEqual(claim.json.shipping, shipping);
  // The public view still knows the stock.
  const rareIssued = viewBefore.today.prizes.find((p) => p.id === "rare").issued;
  const view = await api.call("GET", "/api/v1/campaigns/survivor");
  assert.equal(view.json.campaign.prizes.find((p) => p.id === "rare").stock_left, 3 - rareIssued);
});
