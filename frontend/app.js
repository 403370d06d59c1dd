// The player page: loads the campaign from API v1, computes status and odds
// with the browser's copy of the C++ core, and wires up the box, the prizes,
// the rules, "My prizes" and the simulation.

import { api } from "./api.js";
import { loadCore } from "./shared/core-browser.js";
import { openingText, errorText } from "./errors.js";
import {
  t,
  setLanguage,
  pickLanguage,
  lang,
  onLanguageChange,
  translateStatic,
  fmtDay,
  fmtList,
  fmtLocal,
  fmtRelative,
  offsetLabel,
} from "./i18n.js";
import { state, on, emit, nowSeconds, status, prizeName } from "./state.js";
import { viewerOnCampaignClock } from "./campaign-clock.js";
import { playerFor, linkedIdentity as savedLinkedIdentity, setLinkedIdentity } from "./store.js";
import { applyTheme } from "./theme.js";
import { oddsPercent, renderPrizeCards, withOddsTexts } from "./prizes.js";
import { h, clear, showError, announce } from "./ui.js";
import { initDraw, updatePlay } from "./draw.js";
import { initMine, renderMine } from "./mine.js";
import { initSimulation } from "./simulate.js";

const REFRESH_MS = 10_000;
const CORE_TIMEOUT_MS = 15_000;
const $ = (selector) => document.querySelector(selector);

// The address: /?campaign=ID, with a ticket campaign's player id and ticket
// in the fragment (/?campaign=ID#player=...&ticket=..., or
// /#campaign=ID&player=...&ticket=...), which never reaches a server, or, from
// older links, in the query. Read once, kept for this tab, and taken out of
// the address (linkedIdentity).
const query = new URLSearchParams(location.search);
const fragment = new URLSearchParams(location.hash.replace(/^#/, ""));
const fromAddress = (...names) => {
  for (const params of [fragment, query]) {
    for (const name of names) {
      const value = params.get(name)?.trim();
      if (value) return value;
    }
  }
  return null;
};
state.id = (query.get("campaign") ?? query.get("c") ?? fromAddress("campaign", "c") ?? "").trim();
const linked = linkedIdentity();
state.ticket = linked.ticket;
const urlPlayer = linked.player;

let refreshTimer = null;
let lastRulesKey = "";
let lastStatus = null;

// ---------------------------------------------------------------- start

/**
 * The player id and ticket a link brought ({player, ticket}, each or null).
 * They are kept for this tab (sessionStorage), so that a reload still has
 * them, and removed from the address bar and this history entry at once: a
 * ticket is a bearer credential and a player id may be an email or a phone
 * number, so they must not stay in the history, be bookmarked, or be sent
 * again with a reload's request line. The campaign id, which is public,
 * stays (moved to the query, where an in-page link such as #play cannot
 * replace it).
 */
function linkedIdentity() {
  const fromLink = { player: fromAddress("player"), ticket: fromAddress("ticket") };
  const secret = ["player", "ticket"];
  const moved = [...secret, "campaign", "c"];
  if (secret.some((name) => query.has(name)) || moved.some((name) => fragment.has(name))) {
    const search = new URLSearchParams(query);
    for (const name of secret) search.delete(name);
    if (state.id && !search.has("campaign") && !search.has("c")) search.set("campaign", state.id);
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
  if (!state.id) return fromLink;
  if (fromLink.player || fromLink.ticket) {
    setLinkedIdentity(state.id, fromLink);
    return fromLink;
  }
  return savedLinkedIdentity(state.id) ?? fromLink;
}

setLanguage(pickLanguage());
translateStatic();
$(".lang-toggle").addEventListener("click", () => setLanguage(lang() === "en" ? "zh" : "en", { persist: true }));
onLanguageChange(() => {
  translateStatic();
  lastRulesKey = "";
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
  compute();
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
  compute();
  renderAll();
  return true;
}

/** Status and odds now, from the core; the API's own figures if the core could not load. */
function compute() {
  const campaign = state.campaign;
  if (!campaign) return;
  if (state.core) {
    try {
      const now = nowSeconds();
      const clock = state.core.clock(campaign.definition, { now, paused: campaign.status === "paused" });
      // A snapshot of another day says nothing of today's stock (the day may have turned since).
      const sameDay = campaign.stock?.day === clock.day;
      const odds = state.core.odds(campaign.definition, {
        now,
        issued: sameDay ? (campaign.stock.issued ?? {}) : {},
        boxes_opened: sameDay ? (campaign.stock.boxes_opened ?? 0) : 0,
      });
      state.odds = withOddsTexts(state.core, odds);
      state.calendar = campaignCalendar(now);
      state.clock = clock;
      return;
    } catch (error) {
      state.coreFailed = true;
      state.coreError = error;
      state.core = null;
    }
  }
  state.clock = null;
  state.calendar = null;
  if (!state.coreFailed) {
    state.odds = null; // the core is still loading: the prizes wait for it
    return;
  }
  state.odds = {
    day: campaign.day,
    pool: campaign.pool,
    prizes: campaign.prizes,
    win: campaign.win_odds,
    boxes_total: campaign.boxes_total,
    boxes_left: campaign.boxes_left,
    fromApi: true,
  };
}

/**
 * Today on the campaign's clock (bb_calendar): its opening and closing times
 * as moments and on the viewer's clock, and the campaign's offset in minutes.
 */
function campaignCalendar(now) {
  const window = state.campaign.window ?? state.campaign.definition?.window ?? {};
  return state.core.calendar({
    utc_offset: state.campaign.utc_offset ?? "Z",
    now,
    times: [window.opens_at ?? "00:00", window.closes_at ?? "24:00"],
    viewer_offset_minutes: -new Date(now * 1000).getTimezoneOffset(),
  });
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

// ---------------------------------------------------------------- header and status

function localized(texts) {
  if (!texts || typeof texts !== "object") return "";
  return (texts[lang()] ?? "").trim();
}

function renderHeader() {
  const campaign = state.campaign;
  const theme = campaign.theme ?? campaign.definition?.theme ?? {};
  applyTheme(theme);
  const headline = localized(theme.headline) || campaign.title;
  const title = $(".hero-title");
  if (title.textContent !== headline) title.textContent = headline;
  document.title = headline === campaign.title ? `${campaign.title} · blindbox` : `${headline} · ${campaign.title}`;
  const intro = localized(theme.intro);
  $(".hero-intro").textContent = intro;
  $(".hero-intro").hidden = !intro;
  const logo = $(".hero-logo");
  if (theme.logo) {
    if (logo.getAttribute("src") !== theme.logo) {
      logo.src = theme.logo;
      logo.onerror = () => (logo.hidden = true);
    }
    logo.alt = campaign.title;
    logo.hidden = false;
  } else {
    logo.hidden = true;
  }
  const boxImage = $(".box-image");
  if (theme.box_image) {
    if (boxImage.getAttribute("src") !== theme.box_image) {
      boxImage.src = theme.box_image;
      boxImage.onerror = () => {
        boxImage.hidden = true;
        $(".box-art").hidden = false;
      };
    }
    boxImage.hidden = false;
    $(".box-art").hidden = true;
  } else {
    boxImage.hidden = true;
    $(".box-art").hidden = false;
  }
}

/**
 * "22:00 (UTC+08:00)" and, when the player's zone differs, their own time
 * too: today's closing moment on the campaign's clock, from the core (until
 * the core is in, the campaign's time alone).
 */
function closingText() {
  const window = state.campaign.window ?? {};
  const close = window.closes_at ?? "24:00";
  const campaignTime = `${close} ${offsetLabel(state.campaign.utc_offset)}`;
  const closeUnix = state.calendar?.times?.[1]?.unix;
  if (!Number.isInteger(closeUnix)) return campaignTime;
  const closeMs = closeUnix * 1000;
  if (viewerOnCampaignClock(closeMs) !== false) return campaignTime;
  return `${campaignTime} (${t("yourTime", fmtLocal(closeMs, { date: false }))})`;
}

function renderStatus() {
  const element = $(".status");
  const current = status();
  if (!current) return;
  element.hidden = false;
  element.dataset.status = current;
  const window = state.campaign.window ?? {};
  let label = "";
  let detail = "";
  switch (current) {
    case "open":
      label = t("statusOpen");
      detail =
        (window.opens_at ?? "00:00") === "00:00" && (window.closes_at ?? "24:00") === "24:00"
          ? t("statusOpenAllDay")
          : t("statusOpenDetail", closingText());
      break;
    case "scheduled": {
      label = t("statusScheduled");
      const next = state.clock?.next_open_unix;
      const iso = next !== undefined && next !== null ? new Date(next * 1000).toISOString() : state.campaign.opens_at;
      const ms = Date.parse(iso ?? "");
      if (!Number.isNaN(ms)) {
        const campaignTime = viewerOnCampaignClock(ms) !== false ? "" : openingText(iso).replace(/^.*\((.*)\)$/, "$1");
        detail = t("statusScheduledDetail", fmtLocal(ms), campaignTime, fmtRelative(ms, Date.now() + state.skew));
      }
      break;
    }
    case "paused":
      label = t("statusPaused");
      detail = t("statusPausedDetail");
      break;
    default:
      label = t("statusEnded");
      detail = t("statusEndedDetail");
  }
  const labelElement = element.querySelector(".status-label");
  const detailElement = element.querySelector(".status-detail");
  if (labelElement.textContent !== label) labelElement.textContent = label;
  if (detailElement.textContent !== detail) detailElement.textContent = detail;
  // A change of status while the page is open (it opens, pauses, ends) is said aloud; a ticking countdown is not.
  if (lastStatus !== null && lastStatus !== current) announce(`${label}. ${detail}`);
  lastStatus = current;
}

// ---------------------------------------------------------------- prizes

function renderPrizes() {
  const odds = state.odds;
  const list = $(".prize-list");
  if (!odds) {
    if (list.dataset.key !== "loading") {
      clear(
        list,
        h(
          "li",
          { class: "prize-loading muted" },
          h("span", { class: "spinner", "aria-hidden": "true" }),
          t("oddsLoading"),
        ),
      );
      list.dataset.key = "loading";
    }
    return;
  }
  const key = `${lang()}|${odds.day}|${odds.prizes.map((p) => `${p.id}:${p.name}:${p.image ?? ""}:${p.value ?? ""}`).join(",")}`;
  const pity = state.campaign.pity
    ? { ids: new Set(state.campaign.pity.prizes), after: state.campaign.pity.after }
    : null;
  renderPrizeCards(list, odds.prizes, { key, pity, t });
  // Where the figures come from: the browser's core, or the API's (when the core could not start).
  list.dataset.oddsSource = odds.fromApi ? "api" : "core";

  $(".prizes-day").textContent = t("prizesToday", fmtDay(odds.day));
  const win = odds.win ?? {};
  const total = $(".win-total");
  const parts = [
    h("p", { class: "win-total-label" }, t("winAny")),
    h(
      "div",
      { class: "win-total-values" },
      h(
        "p",
        {},
        h("span", { class: "label" }, t("oddsDisclosed")),
        h(
          "strong",
          {
            "data-odds-total": "disclosed",
            "data-fraction": win.disclosed?.fraction,
            title: t("exactly", win.disclosed?.fraction ?? ""),
          },
          oddsPercent(win.disclosed),
        ),
      ),
      h(
        "p",
        {},
        h("span", { class: "label" }, t("oddsEffective")),
        h(
          "strong",
          {
            "data-odds-total": "effective",
            "data-fraction": win.effective?.fraction,
            title: t("exactly", win.effective?.fraction ?? ""),
          },
          oddsPercent(win.effective),
        ),
      ),
    ),
  ];
  if (odds.boxes_total !== undefined && odds.boxes_total !== null) {
    parts.push(h("p", { class: "boxes-left" }, t("boxesLeft", odds.boxes_left, odds.boxes_total)));
  }
  clear(total, parts);

  const asOf = Date.parse(state.campaign.stock_as_of ?? "");
  const note = [Number.isNaN(asOf) ? t("stockFresh") : t("stockAsOf", fmtLocal(asOf, { date: false }))];
  if (odds.fromApi) note.push(" ", t("coreFailed"));
  $(".prizes-note").textContent = note.join("");
}

// ---------------------------------------------------------------- rules

function renderRules() {
  const campaign = state.campaign;
  const definition = campaign.definition ?? {};
  const viewerHours = state.calendar?.times?.map((time) => time.viewer).join("–") ?? "";
  const key = `${lang()}|${state.odds?.boxes_total}|${viewerHours}|${JSON.stringify(definition)}`;
  if (key === lastRulesKey) return;
  lastRulesKey = key;
  const window = campaign.window ?? definition.window ?? {};
  const zone = offsetLabel(campaign.utc_offset);
  const rules = [];
  rules.push(["calendar", t("rulesWindow", fmtDay(window.first_day), fmtDay(window.last_day))]);
  const opens = window.opens_at ?? "00:00";
  const closes = window.closes_at ?? "24:00";
  if (opens === "00:00" && closes === "24:00") {
    rules.push(["clock", t("rulesAllDay", zone)]);
  } else {
    // The same hours on the player's clock (the core's), when their zone differs.
    const sameClock = viewerOnCampaignClock(Date.now()) !== false;
    rules.push(["clock", t("rulesHours", opens, closes, zone, sameClock ? "" : viewerHours)]);
  }
  const limits = campaign.limits ?? {};
  rules.push(["ticket", t("rulesPerDay", limits.draws_per_day ?? 1, limits.draws_per_campaign ?? null)]);
  if (campaign.pool === "deck") {
    rules.push(["box", t("rulesPoolDeck", state.odds?.boxes_total ?? definition.prize_table?.boxes)]);
    rules.push(["chart", `${t("rulesDeck")} ${t("rulesEffective")}`]);
  } else {
    rules.push(["box", t("rulesPoolOdds")]);
    rules.push([
      "chart",
      `${campaign.sold_out === "redistribute" ? t("rulesRedistribute") : t("rulesLose")} ${t("rulesEffective")}`,
    ]);
    rules.push(["pace", campaign.pacing === "even" ? t("rulesPacingEven") : t("rulesPacingNone")]);
  }
  if (campaign.pity) {
    const names = campaign.pity.prizes.map((id) => prizeName(id));
    rules.push(["star", t("rulesPity", campaign.pity.after, fmtList(names))]);
  }
  const overrides = Object.keys(definition.date_overrides ?? {}).sort();
  if (overrides.length > 0) {
    const shown = overrides.slice(0, 6).map((day) => fmtDay(day, "medium"));
    if (overrides.length > 6) shown.push("…");
    rules.push(["calendar", t("rulesOverrides", fmtList(shown))]);
  }
  rules.push(["person", campaign.identity === "ticket" ? t("rulesTicket") : t("rulesOpen")]);
  clear(
    $(".rule-list"),
    rules.map(([icon, text]) =>
      h(
        "li",
        { class: `rule rule-${icon}` },
        h("span", { class: "rule-icon", "aria-hidden": "true" }),
        h("p", {}, text),
      ),
    ),
  );
}

// ---------------------------------------------------------------- no campaign

function showNotice(title, ...body) {
  $("#layout").hidden = true;
  const notice = $("#notice");
  notice.hidden = false;
  $("#notice-title").textContent = title;
  clear(notice.querySelector(".notice-body"), body);
  $(".status").hidden = true;
}

function showNoCampaign() {
  const render = () => {
    const example = `${location.origin}${location.pathname}?campaign=spring-festival`;
    $(".hero-title").textContent = "blindbox";
    showNotice(
      t("noCampaignTitle"),
      h("p", {}, t("noCampaignBody")),
      h("p", { class: "example" }, h("code", {}, example)),
      h("p", { class: "muted" }, t("noCampaignHint")),
    );
  };
  render();
  onLanguageChange(render);
}

function showNotFound(error) {
  const render = () => {
    $(".hero-title").textContent = "blindbox";
    showNotice(t("notFoundTitle"), h("div", { class: "error-slot" }));
    showError(document.querySelector("#notice .error-slot"), { code: error.code, text: () => errorText(error) });
  };
  render();
  onLanguageChange(render);
}

function showLoadFailed(error) {
  const render = () => {
    $(".hero-title").textContent = "blindbox";
    const retry = h(
      "button",
      { type: "button", class: "button button-primary", onclick: () => location.reload() },
      t("reload"),
    );
    showNotice(t("loadFailedTitle"), h("div", { class: "error-slot" }), retry);
    showError(document.querySelector("#notice .error-slot"), { code: error.code, text: () => errorText(error) });
  };
  render();
  onLanguageChange(render);
}
