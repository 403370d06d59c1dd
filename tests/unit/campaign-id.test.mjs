// What a campaign id is (frontend/shared/campaign-id.js), as the Worker and
// kv-schema/campaign.schema.json define it: 1 to 64 of a-z 0-9 _ -,
// starting with a letter or a digit.

import assert from "node:assert/strict";
import { test } from "node:test";
import { isCampaignId } from "../../frontend/shared/campaign-id.js";

test("lower-case letters, digits, _ and - make an id, from 1 to 64 of them", () => {
  for (const id of ["a", "7", "spring-2026", "box_1", "0-_", "a".repeat(64)]) assert.ok(isCampaignId(id), id);
});

test("an id starts with a letter or a digit", () => {
  assert.equal(isCampaignId("-spring"), false);
  assert.equal(isCampaignId("_spring"), false);
});

test("no capitals, spaces, dots, slashes or other letters", () => {
  for (const id of ["Spring", "spring 2026", "spring.2026", "a/b", "春", "é"])
    assert.equal(isCampaignId(id), false, id);
});

test("an empty id or one longer than 64 is not one", () => {
  assert.equal(isCampaignId(""), false);
  assert.equal(isCampaignId("a".repeat(65)), false);
});

test("only a string can be an id", () => {
  for (const id of [undefined, null, 42, ["a"], { id: "a" }]) assert.equal(isCampaignId(id), false);
});
