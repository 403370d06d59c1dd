// The player page's address: the campaign id, and a ticket campaign's player
// id and ticket. /?campaign=ID, with the player id and ticket in the fragment
// (/?campaign=ID#player=...&ticket=..., or /#campaign=ID&player=...&ticket=...),
// which never reaches a server, or, from older links, in the query. Read
// once at start-up, kept for this tab (store.js), and taken out of the
// address. Uses store.js only.

import { linkedIdentity as savedLinkedIdentity, setLinkedIdentity } from "./store.js";

/**
 * The campaign id ("" when the address names none) and the player id and
 * ticket a link brought or this tab kept (each or null).
 * @returns {{campaignId: string, player: string | null, ticket: string | null}}
 */
export function readAddress() {
  const query = new URLSearchParams(location.search);
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ""));
  /** @param {string[]} names */
  const fromAddress = (...names) => {
    for (const params of [fragment, query]) {
      for (const name of names) {
        const value = params.get(name)?.trim();
        if (value) return value;
      }
    }
    return null;
  };
  const campaignId = (query.get("campaign") ?? query.get("c") ?? fromAddress("campaign", "c") ?? "").trim();
  const fromLink = { player: fromAddress("player"), ticket: fromAddress("ticket") };
  dropIdentityFromAddress(query, fragment, campaignId);
  const linked = linkedIdentity(campaignId, fromLink);
  return { campaignId, player: linked.player, ticket: linked.ticket };
}

/**
 * Removes the player id and ticket from the address bar and this history
 * entry at once: a ticket is a bearer credential and a player id may be an
 * email or a phone number, so they must not stay in the history, be
 * bookmarked, or be sent again with a reload's request line. The campaign
 * id, which is public, stays (in the query, where an in-page link such as
 * #play cannot replace it).
 * @param {URLSearchParams} query
 * @param {URLSearchParams} fragment
 * @param {string} campaignId
 */
function dropIdentityFromAddress(query, fragment, campaignId) {
  const secret = ["player", "ticket"];
  const moved = [...secret, "campaign", "c"];
  if (!secret.some((name) => query.has(name)) && !moved.some((name) => fragment.has(name))) return;
  const search = new URLSearchParams(query);
  for (const name of secret) search.delete(name);
  if (campaignId && !search.has("campaign") && !search.has("c")) search.set("campaign", campaignId);
  const hash = new URLSearchParams(fragment);
  for (const name of moved) hash.delete(name);
  const searchText = search.toString();
  const hashText = hash.toString();
  history.replaceState(
    history.state,
    "",
    `${location.pathname}${searchText ? `?${searchText}` : ""}${hashText ? `#${hashText}` : ""}`,
  );
}

/**
 * The player id and ticket for this tab: those the link brought, kept in
 * sessionStorage so that a reload still has them, or else those kept before.
 * @param {string} campaignId
 * @param {{player: string | null, ticket: string | null}} fromLink
 */
function linkedIdentity(campaignId, fromLink) {
  if (!campaignId) return fromLink;
  if (fromLink.player || fromLink.ticket) {
    setLinkedIdentity(campaignId, fromLink);
    return fromLink;
  }
  return savedLinkedIdentity(campaignId) ?? fromLink;
}
