// A restart of the runtime between draws keeps every counter, entry and claim;
// a restart with a rotated SEAL_KEY still opens what the previous key sealed.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { SEAL_KEY, campaignOpenToday, client, startService } from "./harness.mjs";

const NEW_SEAL_KEY = "a-brand-new-seal-key-7d2f9e4a1c6b";

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
    const reply = await api.draw("survivor", {
      player: `p${i % 6}`,
      request_id: `restart-draw-${String(i).padStart(4, "0")}`,
    });
    assert.equal(reply.status, 200);
    before.push(reply.json);
  }
  const winner = before.findIndex((body) => body.draw.outcome === "win");
  assert.ok(winner >= 0, "some draw won");
  const token = before[winner].draw.claim_token;
  const shipping = { name: "Li Lei", phone: "+86 138 0000 0000", address: "1 Spring Road, Hangzhou" };
  const claimPath = "/api/v1/campaigns/survivor/claim";
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
    const reply = await api.draw("survivor", { player: `p${p}`, request_id: "after-restart-draw" });
    assert.equal(reply.status, 409);
    assert.equal(reply.json.error.code, "draw_limit_reached");
  }
  // Retried requests get their original replies, claim tokens included.
  for (let i = 0; i < 12; i++) {
    const reply = await api.draw("survivor", {
      player: `p${i % 6}`,
      request_id: `restart-draw-${String(i).padStart(4, "0")}`,
    });
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

test("SEAL_KEY rotation: with the old key as SEAL_KEY_PREVIOUS, sealed tokens and shipping still open; new ones use the new key", async () => {
  const campaign = campaignOpenToday("rotation", {
    limits: { draws_per_day: 5 },
    prize_table: { prizes: [{ id: "sure", name: "Sure Thing", stock: 100, odds: "1" }] },
  });
  assert.equal((await api.putCampaign(campaign)).status, 201);
  const shipping = { name: "Han Meimei", phone: "+86 139 0000 0000", address: "2 Autumn Lane, Suzhou" };
  const winAndShip = async (requestId) => {
    const won = await api.draw("rotation", { player: "hm", request_id: requestId });
    assert.equal(won.json.draw.outcome, "win", won.text);
    const auth = { authorization: `Bearer ${won.json.draw.claim_token}` };
    assert.equal((await api.call("PUT", "/api/v1/campaigns/rotation/claim", shipping, auth)).status, 200);
    return { reply: won.json, auth };
  };
  const underOldKey = await winAndShip("before-rotation-draw");
  const relaunch = async (vars) => {
    await service.stop();
    service = await startService({ port: 8795, persistDir: stateDir, vars });
    api = client(service);
  };

  await relaunch({ SEAL_KEY: NEW_SEAL_KEY, SEAL_KEY_PREVIOUS: SEAL_KEY });
  assert.deepEqual(
    (await api.draw("rotation", { player: "hm", request_id: "before-rotation-draw" })).json,
    underOldKey.reply,
  );
  const claims = await api.call("GET", "/api/v1/campaigns/rotation/claim", undefined, underOldKey.auth);
  assert.equal(claims.status, 200, claims.text);
  assert.deepEqual(claims.json.shipping, shipping);
  const underNewKey = await winAndShip("after-rotation-draw");
  assert.match((await api.admin("GET", "rotation/winners.csv")).text, /Han Meimei/);

  // Once the previous key is dropped, values sealed under the new key still open; old ones no longer do.
  await relaunch({ SEAL_KEY: NEW_SEAL_KEY });
  assert.deepEqual(
    (await api.draw("rotation", { player: "hm", request_id: "after-rotation-draw" })).json,
    underNewKey.reply,
  );
  const replayOld = await api.draw("rotation", { player: "hm", request_id: "before-rotation-draw" });
  assert.equal(replayOld.status, 500);
  assert.equal(replayOld.json.error.code, "internal_error");
});
