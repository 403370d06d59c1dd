// What the page keeps in localStorage: the player id per open campaign, the
// prizes won in this browser (with their claim codes), the draws left today,
// and a draw attempt whose reply never came (so it can be finished later with
// the same request_id); and in sessionStorage, for the tab, the player id and
// ticket a link brought. Every access tolerates blocked storage.

const PREFIX = "blindbox:";

function read(key, fallback) {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

function write(key, value) {
  try {
    if (value === undefined) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // storage full or blocked: the page still works for this visit
  }
}

const memory = new Map(); // player ids when storage is blocked

/** A random player id: "p-" and 26 base32 characters (128 bits). */
export function newPlayerId() {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return `p-${out}`;
}

/** This browser's player id for an open campaign, made once. */
export function playerFor(campaign) {
  const key = `player:${campaign}`;
  let player = read(key, null) ?? memory.get(key);
  if (typeof player !== "string" || player.length === 0) {
    player = newPlayerId();
    write(key, player);
    memory.set(key, player);
  }
  return player;
}

/**
 * The player id and ticket a link brought to a campaign, kept for this tab
 * only (sessionStorage: gone when the tab closes), once the page has taken
 * them out of its address: {player, ticket}, each a string or null.
 */
export function linkedIdentity(campaign) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(`${PREFIX}linked:${campaign}`) ?? "null");
    if (!saved || typeof saved !== "object") return null;
    const text = (value) => (typeof value === "string" && value.length > 0 ? value : null);
    const identity = { player: text(saved.player), ticket: text(saved.ticket) };
    return identity.player || identity.ticket ? identity : null;
  } catch {
    return null;
  }
}

export function setLinkedIdentity(campaign, { player, ticket }) {
  try {
    sessionStorage.setItem(`${PREFIX}linked:${campaign}`, JSON.stringify({ player, ticket }));
  } catch {
    // storage blocked: a reload then needs the link again
  }
}

/**
 * Prizes won in this browser: [{campaign, player?, day, prize, code, won_at}]
 * (no player for a claim looked up by its code: the code alone names it).
 */
export function wins(campaign) {
  const all = read("wins", []);
  return Array.isArray(all) ? all.filter((win) => win && win.campaign === campaign) : [];
}

export function saveWin(win) {
  const all = read("wins", []);
  const list = Array.isArray(all) ? all : [];
  if (list.some((item) => item && item.code === win.code && item.campaign === win.campaign)) return;
  list.push(win);
  write("wins", list);
}

export function drawsLeft(campaign, player, day) {
  const saved = read(`left:${campaign}:${player}`, null);
  return saved && saved.day === day && Number.isInteger(saved.left) ? saved.left : null;
}

export function setDrawsLeft(campaign, player, day, left) {
  write(`left:${campaign}:${player}`, { day, left });
}

/** A draw attempt still waiting for its reply: {request_id, player, started}. */
export function pendingDraw(campaign) {
  const pending = read(`pending:${campaign}`, null);
  return pending && typeof pending.request_id === "string" ? pending : null;
}

export function setPendingDraw(campaign, pending) {
  write(`pending:${campaign}`, pending ?? undefined);
}
