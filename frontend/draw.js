// The blind box: the "Open a box" button, the draw request with its retries,
// the animation, and the result (a prize with its claim code, or a blank).
//
// Every attempt has one request_id, kept across retries and across reloads
// (in localStorage until a reply arrives): the server answers a repeated
// request_id with the original reply, so a lost reply never loses a win.

import { api, errorOf } from "./api.js";
import { errorText, openingText } from "./errors.js";
import { t } from "./i18n.js";
import { mountShipping } from "./shipping.js";
import { state, emit, on, status, reducedMotion } from "./state.js";
import * as store from "./store.js";
import { h, clear, prizePicture, copyButton, announce, showError, clearError } from "./ui.js";

const RETRIES = 3;
const SHAKE_MS = 1400; // at least this long before the lid opens
const POP_MS = 700; // the lid opening, before the result shows
const CALM_MS = 500; // reduced motion: a short fade instead

const $ = (selector) => document.querySelector(selector);
let button;
let stage;
let errorSlot;
let attempt = null; // {request_id, player}: the attempt whose reply we still need
let busy = false;
let lastDraw = null;
let offerPending = false; // the "finish opening it" notice, after a reload
let pity = null; // the player's pity countdown ({after, streak, draws_until_guaranteed}), from the service

export function initDraw() {
  button = $(".open-box");
  stage = $(".stage");
  errorSlot = $("#draw-error");
  button.addEventListener("click", () => open());
  const pending = store.pendingDraw(state.id);
  if (pending && pending.player === state.player) {
    attempt = { request_id: pending.request_id, player: pending.player };
    offerPending = true;
  }
  on("language", () => {
    if (lastDraw) renderResult(lastDraw, { announceIt: false });
    renderPending();
  });
  renderPending();
  updatePlay();
  loadPlayerStatus();
}

/**
 * Asks the service how many boxes this player has left today and how far the
 * pity prize is, so the page can say so before the first box of the visit.
 * Without an answer the page says nothing of it; drawing works all the same.
 */
async function loadPlayerStatus() {
  if (!state.player || (state.campaign?.identity === "ticket" && !state.ticket)) return;
  const reply = await api.playerStatus(state.id, state.player, state.ticket);
  if (!reply.ok || !reply.data) return;
  store.setDrawsLeft(state.id, state.player, reply.data.day, reply.data.draws_left_today);
  pity = reply.data.pity;
  updatePlay();
}

/** Why the box cannot be opened now, or "" when it can. */
function blockedReason() {
  if (!state.campaign) return t("reasonLoading");
  if (state.campaign.identity === "ticket" && (!state.ticket || !state.player)) return t("reasonNoTicket");
  switch (status()) {
    case "open":
      return "";
    case "scheduled": {
      const next = state.clock?.next_open_unix;
      const iso = next !== undefined && next !== null ? new Date(next * 1000).toISOString() : state.campaign.opens_at;
      return t("reasonScheduled", openingText(iso));
    }
    case "paused":
      return t("reasonPaused");
    case "ended":
      return t("reasonEnded");
    default:
      return t("reasonLoading");
  }
}

export function updatePlay() {
  if (!button) return;
  const reason = blockedReason();
  button.disabled = reason !== "";
  button.setAttribute("aria-disabled", String(reason !== "" || busy));
  $(".open-box-label").textContent = busy ? t("opening") : lastDraw ? t("openAnother") : t("openBox");
  $("#box-reason").textContent = busy ? "" : reason;
  $("#box-reason").hidden = busy || reason === "";
  const day = state.clock?.day ?? state.campaign?.day;
  const left = state.player ? store.drawsLeft(state.id, state.player, day) : null;
  // A blank's result already says how many are left.
  const shownInResult = lastDraw?.outcome === "blank" && $(".result").dataset.outcome === "blank";
  const leftText =
    left === null || reason !== "" || busy || shownInResult ? "" : left === 0 ? t("noneLeft") : t("drawsLeft", left);
  $("#box-left").textContent = leftText;
  $("#box-left").hidden = leftText === "";
  const until = pity?.draws_until_guaranteed;
  const pityText =
    !Number.isInteger(until) || reason !== "" || busy || left === 0
      ? ""
      : until === 1
        ? t("pityNext")
        : t("pityWithin", until);
  $("#box-pity").textContent = pityText;
  $("#box-pity").hidden = pityText === "";
}

function renderPending() {
  const element = $(".pending");
  if (!attempt || busy || !offerPending) {
    element.hidden = true;
    element.replaceChildren();
    return;
  }
  element.hidden = false;
  clear(
    element,
    h("p", {}, t("pendingNotice")),
    h(
      "button",
      { type: "button", class: "button button-secondary button-small", onclick: () => open() },
      t("pendingResume"),
    ),
  );
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a box: a new attempt, or the one whose reply was lost. */
async function open() {
  if (busy || blockedReason() !== "") return;
  // "Try again" and "Finish opening it" disappear now: keep the focus on the box's button.
  if ($(".pending").contains(document.activeElement) || errorSlot.contains(document.activeElement)) button.focus();
  busy = true;
  offerPending = false;
  attempt ??= { request_id: crypto.randomUUID(), player: state.player };
  store.setPendingDraw(state.id, { ...attempt, started: new Date().toISOString() });
  renderPending();
  clearError(errorSlot);
  clear($(".result"));
  delete $(".result").dataset.outcome;
  $(".result").classList.remove("result-win", "result-blank");
  clearShipping();
  const calm = reducedMotion();
  stage.dataset.state = calm ? "calm" : "shaking";
  stage.closest(".play").setAttribute("aria-busy", "true");
  updatePlay();
  announce(t("announceOpening"));

  const started = performance.now();
  const outcome = await send(attempt);
  const wait = (calm ? CALM_MS : SHAKE_MS) - (performance.now() - started);
  if (wait > 0) await sleep(wait);

  if (outcome.draw) {
    const draw = outcome.draw;
    attempt = null;
    store.setPendingDraw(state.id, null);
    if (Number.isInteger(draw.draws_left_today))
      store.setDrawsLeft(state.id, state.player, draw.day, draw.draws_left_today);
    if (draw.outcome === "win" && draw.claim_token) {
      store.saveWin({
        campaign: state.id,
        player: state.player,
        day: draw.day,
        prize: draw.prize,
        code: draw.claim_token,
        won_at: new Date().toISOString(),
      });
    }
    stage.dataset.state = draw.outcome === "win" ? "win" : "blank";
    if (draw.outcome === "win" && !calm) confetti();
    await sleep(calm ? 150 : POP_MS);
    busy = false;
    lastDraw = draw;
    renderResult(draw, { announceIt: true });
    emit("drawn", draw);
    loadPlayerStatus();
  } else {
    busy = false;
    stage.dataset.state = "idle";
    if (outcome.error) {
      const error = outcome.error;
      // Refusals make no entry: the next click is a new attempt. A rate limit is the same attempt, later.
      store.setPendingDraw(state.id, null);
      if (error.code !== "rate_limited") attempt = null;
      if (error.code === "draw_limit_reached" && error.limit !== "campaign") {
        store.setDrawsLeft(state.id, state.player, state.clock?.day ?? state.campaign?.day, 0);
      }
      const retry = error.code === "rate_limited" || error.code === "internal_error" ? retryButton : null;
      showError(errorSlot, { code: error.code, text: () => errorText(error), action: retry });
      if (error.code === "campaign_not_open" || error.code === "boxes_exhausted") emit("refresh");
    } else {
      // No reply after every retry: keep the attempt (and its request_id) for "Try again".
      showError(errorSlot, { code: "network", text: () => t("errNetworkDraw"), action: retryButton });
    }
  }
  stage.closest(".play").removeAttribute("aria-busy");
  renderPending();
  updatePlay();
}

function retryButton() {
  return h(
    "button",
    { type: "button", class: "button button-secondary button-small", onclick: () => open() },
    t("retry"),
  );
}

/** POSTs the draw, retrying lost replies with the same request_id. */
async function send({ request_id, player }) {
  const body = { player, request_id };
  if (state.ticket) body.ticket = state.ticket;
  for (let failures = 0; ; failures++) {
    const reply = await api.draw(state.id, body);
    if (reply.ok && reply.data?.draw) return { draw: reply.data.draw };
    const error = errorOf(reply);
    // Lost, or a server error that may have happened after the draw was stored: ask again, same request_id.
    if (error.code === "network") {
      if (failures >= RETRIES) return { lost: true };
    } else if (reply.status < 500 || failures >= RETRIES) {
      return { error };
    }
    const attemptNumber = failures + 1;
    showError(errorSlot, { code: "network", text: () => t("errRetrying", attemptNumber, RETRIES) });
    if (stage.dataset.state === "shaking") stage.dataset.state = "waiting";
    await sleep(1000 * 2 ** failures);
  }
}

function confetti() {
  const layer = stage.querySelector(".confetti");
  const colors = ["var(--primary)", "var(--accent)", "#ff5d8f", "#3ec1d3", "#ffd23f", "#8ac926"];
  const pieces = [];
  for (let i = 0; i < 42; i++) {
    const angle = Math.PI * (0.1 + 0.8 * Math.random());
    const distance = 90 + Math.random() * 120;
    pieces.push(
      h("span", {
        class: i % 3 === 0 ? "bit bit-round" : "bit",
        style: [
          `--x:${Math.round(Math.cos(angle) * distance * (Math.random() < 0.5 ? -1 : 1))}px`,
          `--y:${Math.round(-Math.sin(angle) * distance - 30)}px`,
          `--r:${Math.round(Math.random() * 720 - 360)}deg`,
          `--d:${Math.round(Math.random() * 180)}ms`,
          `--c:${colors[i % colors.length]}`,
        ].join(";"),
      }),
    );
  }
  clear(layer, pieces);
  setTimeout(() => layer.replaceChildren(), 2600);
}

function clearShipping() {
  const mount = $("#result-shipping");
  if (mount) mount.replaceChildren();
}

function renderResult(draw, { announceIt }) {
  const result = $(".result");
  result.dataset.outcome = draw.outcome === "win" ? "win" : "blank";
  result.classList.toggle("result-win", draw.outcome === "win");
  result.classList.toggle("result-blank", draw.outcome !== "win");
  if (draw.outcome === "win") {
    const prize = draw.prize ?? {};
    const code = draw.claim_token ?? "";
    clear(
      result,
      h("h3", { class: "result-title" }, t("winTitle")),
      h(
        "div",
        { class: "result-prize" },
        prizePicture(prize, { size: "large" }),
        h(
          "div",
          {},
          h("p", { class: "result-prize-name" }, prize.name ?? ""),
          prize.value ? h("p", { class: "result-prize-value" }, prize.value) : null,
          draw.by_pity ? h("p", { class: "badge badge-accent" }, t("byPity")) : null,
        ),
      ),
      h(
        "div",
        { class: "claim" },
        h("p", { class: "label", id: "claim-code-label" }, t("codeLabel")),
        h(
          "div",
          { class: "code-field" },
          h("code", { "data-testid": "claim-code", "aria-labelledby": "claim-code-label" }, code),
          copyButton(() => code, { "data-testid": "copy-code" }),
        ),
        h("p", { class: "muted small" }, t("codeHelp")),
      ),
    );
    if (announceIt) {
      mountShipping($("#result-shipping"), { code, shipping: null });
    }
  } else {
    const left = draw.draws_left_today;
    const pity = state.campaign?.pity;
    clear(
      result,
      h("h3", { class: "result-title" }, t("blankTitle")),
      h("p", {}, t("blankBody")),
      Number.isInteger(left)
        ? h("p", { class: "result-left" }, left === 0 ? t("noneLeft") : t("drawsLeft", left))
        : null,
      pity ? h("p", { class: "muted small" }, t("blankPity", pity.after)) : null,
    );
  }
}
