// The page's shared state and a tiny event bus between its modules.

export const state = {
  id: "", // campaign id from the address
  player: "", // who draws: from the address (tickets) or this browser's id
  ticket: null,
  campaign: null, // GET /api/v1/campaigns/{id} -> campaign
  core: null, // the Emscripten core, once loaded
  coreFailed: false,
  clock: null, // {day, status, seconds_since_open, next_open_unix?} now, from the core
  calendar: null, // today's opening and closing on the campaign's and the viewer's clock (bb_calendar), from the core
  odds: null, // bb_odds now, from the core (or the API's figures if the core failed)
  skew: 0, // server clock minus ours, in ms, when the server says its time
};

const listeners = new Map();

export function on(event, listener) {
  if (!listeners.has(event)) listeners.set(event, new Set());
  listeners.get(event).add(listener);
}

export function emit(event, detail) {
  for (const listener of listeners.get(event) ?? []) listener(detail);
}

/** Unix seconds now, on the server's clock when ours is off. */
export function nowSeconds() {
  return Math.floor((Date.now() + state.skew) / 1000);
}

export function definition() {
  return state.campaign?.definition ?? null;
}

/** The campaign's effective status now: the core's clock, or the API's. */
export function status() {
  return state.clock?.status ?? state.campaign?.status ?? null;
}

export const reducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

/** A prize's name by id, from today's table or any table of the campaign. */
export function prizeName(id) {
  const found = state.odds?.prizes?.find((p) => p.id === id);
  if (found) return found.name;
  const definition = state.campaign?.definition ?? {};
  for (const table of [definition.prize_table, ...Object.values(definition.date_overrides ?? {})]) {
    const prize = table?.prizes?.find((p) => p.id === id);
    if (prize) return prize.name;
  }
  return id;
}
