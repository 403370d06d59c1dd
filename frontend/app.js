// The player page's start-up: reads the address, loads the campaign from API
// v1 and the browser's copy of the C++ core, wires up the box, "My prizes"
// and the simulation, and keeps the page current (a refresh every few
// seconds, after a draw, when the tab comes back, when the language changes).
// Each refresh recomputes the figures (status-and-odds.js) and redraws the
// sections: header.js, status-line.js, prizes-section.js, rules-section.js,
// draw.js and mine.js; notices.js stands in for them when there is no
// campaign to show. The drawn box comes from box-art.js.

import { readAddress } from "./address.js";
import { api } from "./api.js";
import { boxArt } from "./box-art.js";
import { initDraw, updatePlay } from "./draw.js";
import { renderHeader } from "./header.js";
import { lang, onLanguageChange, pickLanguage, setLanguage, translateStatic } from "./i18n.js";
import { initMine, renderMine } from "./mine.js";
import { showLoadFailed, showNoCampaign, showNotFound } from "./notices.js";
import { renderPrizes } from "./prizes-section.js";
import { forgetRenderedRules, renderRules } from "./rules-section.js";
import { loadCore } from "./shared/core-browser.js";
import { initSimulation } from "./simulate.js";
import { emit, on, state } from "./state.js";
import { computeStatusAndOdds } from "./status-and-odds.js";
import { renderStatus } from "./status-line.js";
import { playerFor } from "./store.js";
import { applyTheme } from "./theme.js";

const REFRESH_MS = 10_000;
const CORE_TIMEOUT_MS = 15_000;
const $ = (selector) => document.querySelector(selector);

// The drawn box, before its picture (box-art.js); the stage is shown with the campaign.
$(".box-image").before(boxArt());

const address = readAddress();
state.id = address.campaignId;
state.ticket = address.ticket;
const urlPlayer = address.player;

let refreshTimer = null;

setLanguage(pickLanguage());
translateStatic();
$(".lang-toggle").addEventListener("click", () => setLanguage(lang() === "en" ? "zh" : "en", { persist: true }));
onLanguageChange(() => {
  translateStatic();
  forgetRenderedRules();
  renderAll();
  emit("language");
});

if (!state.id) {
  applyTheme(null);
  showNoCampaign();
} else {
  start();
}

async function start() {
  applyTheme(null);
  // The core computes every odds figure shown; if it cannot start, the API's own figures are shown instead.
  const core = Promise.race([
    loadCore(),
    new Promise((_, reject) => setTimeout(() => reject(new Error("the core took too long")), CORE_TIMEOUT_MS)),
  ]).then(
    (loaded) => {
      state.core = loaded;
      return loaded;
    },
    (error) => {
      state.coreFailed = true;
      state.coreError = error;
      return null;
    },
  );
  const loaded = await refresh({ first: true });
  if (!loaded) return;
  initDraw();
  initMine();
  initSimulation();
  on("drawn", () => {
    refresh();
    // The stock snapshot behind GET is published about a second after a draw.
    setTimeout(refresh, 2000);
  });
  on("refresh", () => refresh());
  stickyPlay();
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) refresh();
  });
  await core;
  computeStatusAndOdds();
  renderAll();
}

/** On wide screens the box stays in view while the prizes scroll, when it fits the window. */
function stickyPlay() {
  const play = $(".play");
  const update = () => play.classList.toggle("is-sticky", play.offsetHeight + 32 < window.innerHeight);
  new ResizeObserver(update).observe(play);
  window.addEventListener("resize", update);
  update();
}

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => (document.hidden ? scheduleRefresh() : refresh()), REFRESH_MS);
}

/** Loads the campaign (again) and recomputes everything; false if the page cannot go on. */
async function refresh({ first = false } = {}) {
  scheduleRefresh();
  const reply = await api.campaign(state.id);
  if (reply.error?.code === "network") {
    if (first) showLoadFailed({ code: "network" });
    return false;
  }
  if (!reply.ok) {
    const error = reply.data?.error ?? { code: "internal_error" };
    if (first || error.code === "campaign_not_found") {
      clearTimeout(refreshTimer);
      if (error.code === "campaign_not_found") showNotFound(error);
      else showLoadFailed(error);
    }
    return false;
  }
  state.campaign = reply.data.campaign;
  // A device clock far from the server's would show the wrong status and pacing.
  if (reply.serverDate !== null) {
    const skew = reply.serverDate - Date.now();
    state.skew = Math.abs(skew) > 30_000 ? skew : 0;
  }
  if (first) {
    state.player = urlPlayer ?? (state.campaign.identity === "ticket" ? "" : playerFor(state.id));
    $("#layout").hidden = false;
    $("#notice").hidden = true;
  }
  computeStatusAndOdds();
  renderAll();
  return true;
}

function renderAll() {
  if (!state.campaign) return;
  renderHeader();
  renderStatus();
  renderPrizes();
  renderRules();
  updatePlay();
  renderMine();
}
