// Every string the player page shows, in English and Simplified Chinese, and
// the formatting of numbers, dates and odds. Odds are never floats here: the
// core's exact decimal text is shifted into a percentage as a string.

import { applyLanguage } from "./language.js";

export { pickLanguage } from "./language.js";

const en = {
  skip: "Skip to the box",
  langToggle: "中文",
  langToggleLang: "zh-CN",
  langToggleTitle: "切换到简体中文",
  loading: "Loading the campaign…",
  noCampaignTitle: "Which campaign would you like to open?",
  noCampaignBody:
    "This page shows one blind-box campaign. Open it from the link the shop gave you, or put the campaign's id at the end of the address, like this:",
  noCampaignHint: "The id is in the shop's announcement, usually a short name such as “spring-festival”.",
  notFoundTitle: "We couldn't find this campaign",
  loadFailedTitle: "The campaign didn't load",
  reload: "Try again",
  footer: "Odds on this page are computed in your browser by the same code that runs every draw.",

  statusOpen: "Open now",
  statusScheduled: "Not open yet",
  statusPaused: "Paused",
  statusEnded: "Ended",
  statusOpenDetail: (until) => `Boxes can be opened until ${until}.`,
  statusOpenAllDay: "Boxes can be opened all day today.",
  statusScheduledDetail: (local, campaign, relative) =>
    `Opens ${local} your time${campaign ? ` (${campaign} campaign time)` : ""}${relative ? `, ${relative}` : ""}.`,
  statusPausedDetail: "Draws are paused for a moment. Please check back soon.",
  statusEndedDetail: "This campaign has ended. Thank you for playing!",
  yourTime: (time) => `${time} your time`,

  playTitle: "Your blind box",
  openBox: "Open a box",
  openAnother: "Open another box",
  opening: "Opening…",
  reasonLoading: "Getting the box ready…",
  reasonScheduled: (when) => `Not open yet: opens ${when}.`,
  reasonPaused: "Draws are paused for now. Check back soon.",
  reasonEnded: "This campaign has ended.",
  reasonNoTicket: "This campaign is for signed-in players. Open it from the link on the shop's site.",
  drawsLeft: (n) => (n === 1 ? "1 box left for you today" : `${fmtNumber(n)} boxes left for you today`),
  pityNext: "Your next box is a guaranteed prize (while the guaranteed prizes last).",
  pityWithin: (n) => `A prize is guaranteed within your next ${fmtNumber(n)} boxes (while the guaranteed prizes last).`,
  noneLeft: "You've opened all your boxes for today. Come back tomorrow!",
  announceOpening: "Opening your box…",
  pendingNotice: "Your last box was still opening when the connection dropped.",
  pendingResume: "Finish opening it",

  winTitle: "You won!",
  byPity: "Guaranteed prize: your luck turned!",
  codeLabel: "Your claim code",
  codeHelp: "Keep this code: it proves the prize is yours. It is also saved in this browser under “My prizes”.",
  copy: "Copy",
  copied: "Copied",
  copyFailed: "Couldn't copy: select the code and copy it yourself.",
  announceCopied: "Claim code copied.",
  blankTitle: "Empty box this time",
  blankBody: "No prize in this one. Better luck with the next!",
  blankPity: (after) =>
    `Remember: after ${fmtNumber(after)} empty boxes in a row, your next box is guaranteed a prize.`,
  shipElsewhere: "The shipping form is open under “My prizes”.",

  shipTitle: "Where should we send your prize?",
  shipName: "Full name",
  shipPhone: "Phone number",
  shipPhoneHint: "5 to 15 digits. It may start with + and include spaces, dashes or brackets.",
  shipAddress: "Delivery address",
  shipAddressHint: "Street, number, city and postcode; up to 10 lines.",
  shipSubmit: "Save shipping details",
  shipUpdate: "Update shipping details",
  shipSaving: "Saving…",
  shipSaved: "Saved! We'll send your prize to this address.",
  errNameEmpty: "Enter the name of the person receiving the prize.",
  errNameLong: "The name can be at most 100 characters.",
  errPhone: "Enter a valid phone number: 5 to 15 digits.",
  errAddressShort: "Enter the full address (at least 5 characters).",
  errAddressLong: "The address can be at most 500 characters.",
  errAddressLines: "The address can have at most 10 lines.", // shipping.js ADDRESS_LINES
  errCodeFormat: "A claim code is 24 characters: letters, digits, - and _.",

  prizesTitle: "Prizes",
  prizesToday: (day) => `Today's prize table, ${day}`,
  winAny: "Chance to win a prize",
  oddsDisclosed: "Published odds",
  oddsEffective: "Odds right now",
  exactly: (fraction) => `exactly ${fraction}`,
  stockLeft: (left, total) => `${fmtNumber(left)} of ${fmtNumber(total)} left today`,
  soldOut: "Sold out today",
  notReleased: "More released later today",
  pityBadge: (after) => `guaranteed after ${fmtNumber(after)} empty boxes`,
  boxesLeft: (left, total) => `${fmtNumber(left)} of ${fmtNumber(total)} boxes left today`,
  stockAsOf: (time) => `Stock as of ${time}. Refreshed every 10 seconds.`,
  stockFresh: "Stock refreshed every 10 seconds.",
  oddsLoading: "Working out the odds…",
  coreFailed: "Your browser couldn't start the odds calculator, so these are the server's figures.",

  rulesTitle: "How it works",
  rulesWindow: (first, last) =>
    first === last ? `The campaign runs on ${first}.` : `The campaign runs from ${first} to ${last}.`,
  rulesHours: (open, close, zone, local) =>
    `Boxes can be opened every day from ${open} to ${close} (${zone})${local ? `, that is ${local} your time` : ""}.`,
  rulesAllDay: (zone) => `Boxes can be opened all day, every day; days follow the campaign's calendar (${zone}).`,
  rulesPerDay: (n, total) =>
    `Each player gets ${n === 1 ? "1 box" : `${fmtNumber(n)} boxes`} a day${total ? ` and ${fmtNumber(total)} over the whole campaign` : ""}.`,
  rulesPity: (after, names) =>
    `After ${fmtNumber(after)} boxes in a row without a prize, your next box is guaranteed to be one of: ${names} (while any of them is in stock).`,
  rulesPacingEven:
    "Prizes are released evenly through the day, so they can't all be won in the first minutes. A prize whose released units are all won shows “more released later” until its next release.",
  rulesPacingNone: "Each prize's full daily stock is available from opening time.",
  rulesPoolOdds:
    "Every box is an independent draw at the published odds. Each prize has a daily stock, refilled every day.",
  rulesPoolDeck: (boxes) =>
    `This is a real case${boxes ? ` of ${fmtNumber(boxes)} boxes` : ""} each day: each prize is in as many boxes as its stock, the other boxes are empty, and opened boxes are not put back.`,
  rulesLose:
    "When a prize runs out, its chance becomes an empty box. The other prizes keep their odds, so the overall chance to win goes down as stock runs out.",
  rulesRedistribute:
    "When a prize runs out, its chance is shared among the prizes still in stock, in proportion to their odds. The overall chance to win stays the same while anything is left.",
  rulesDeck:
    "Your chance of each prize is how many of its boxes are left over all boxes left, so it changes with every box opened.",
  rulesEffective: "“Odds right now” on each prize shows exactly this, recomputed every few seconds.",
  rulesOverrides: (days) => `Special days have their own prize table: ${days}.`,
  rulesTicket: "Sign in on the shop's site to play: its link brings you here with your ticket.",
  rulesOpen: "No sign-in needed: this browser remembers your player id.",

  mineTitle: "My prizes",
  minePlayer: "Your player id",
  minePlayerHelp:
    "This browser draws under this id. A claim code is all you need to see a prize, and change where it is sent, on any device.",
  mineEmpty: "No prizes saved in this browser yet.",
  mineWon: (day) => `Won on ${day}`,
  mineShipping: "Shipping details",
  lookupTitle: "Look up a prize",
  lookupHelp: "Won on another device? Enter the claim code from there.",
  lookupCode: "Claim code",
  lookupSubmit: "Look up",
  lookupBusy: "Looking up…",
  claimWonAt: (time) => `Won ${time}`,
  claimShipping: "Sending to",
  claimNoShipping: "No shipping details yet: fill them in below.",
  claimUpdated: (time) => `Last updated ${time}`,

  simTitle: "What if lots of players draw today?",
  simIntro: "Run a whole day of this campaign through the real draw, right here in your browser.",
  simPlayers: "Number of players",
  simPlayersHint: "From 1 to 1,000,000.",
  simRun: "Run the simulation",
  simCancel: "Cancel",
  simRunning: (n, seconds) => `Simulating ${fmtNumber(n)} players… ${seconds} s`,
  simCancelled: "Simulation cancelled.",
  simNote: (draws) =>
    `The simulation starts from full stock, with players arriving evenly over the opening hours and each opening ${draws === 1 ? "1 box" : `all ${fmtNumber(draws)} boxes`}. It doesn't use today's real stock and changes nothing.`,
  simDay: (day) => `Simulated day: ${day}`,
  simTimes: (zone) => `Times are campaign time (${zone}).`,
  simSeed: (seed) => `random seed ${seed}`,
  simPlayersWon: (won, players, share) =>
    `${fmtNumber(won)} of ${fmtNumber(players)} players won something (${share}).`,
  simWinRate: (rate, draws) => `${rate} of the ${fmtNumber(draws)} boxes opened held a prize.`,
  simRefused: (n) => `${fmtNumber(n)} draws were refused (every box opened).`,
  simChartTitle: "When each prize sells out",
  simChartDesc: "A line per prize across the opening hours; the dot marks when its last unit was won.",
  simColPrize: "Prize",
  simColStock: "Stock",
  simColWon: "Winners",
  simColPity: "By guarantee",
  simColSoldOut: "Sold out at",
  simStillLeft: "Not sold out",
  simSoldOutAt: (time) => `sold out ${time}`,
  simLeftAtClose: (won, stock) => `${fmtNumber(won)} of ${fmtNumber(stock)} won`,
  simErrRange: "Enter a whole number of players from 1 to 1,000,000.",
  simFailed: "The simulation couldn't run in this browser.",

  errDailyLimit: (n) => `You've opened all ${n ? `${fmtNumber(n)} ` : ""}of today's boxes. Come back tomorrow!`,
  errCampaignLimit: (n) =>
    `You've used all ${n ? `${fmtNumber(n)} ` : ""}draws of this campaign. Thank you for playing!`,
  errPaused: "Draws are paused for a moment. Please check back soon.",
  errScheduled: (when) => (when ? `The campaign isn't open yet: it opens ${when}.` : "The campaign isn't open yet."),
  errEnded: "This campaign has ended. Thank you for playing!",
  errRateLimited: "That was a lot of tries at once. Wait a few seconds, then try again.",
  errInvalidTicket:
    "Your sign-in has expired or isn't valid for this page. Please sign in again on the shop's site and come back through its link.",
  errBoxesExhausted: "Every box for today has been opened. New boxes arrive tomorrow!",
  errCampaignNotFound: "We couldn't find this campaign. Check the link, or ask the shop for a new one.",
  errClaimNotFound: "No prize matches this claim code. Check it and try again.",
  errInvalidRequest: (message) => `The request wasn't accepted${message ? `: ${message}` : ""}.`,
  errRetrying: (n, max) => `Connection lost — retrying (${n} of ${max})…`,
  errNetworkDraw:
    "We can't reach the server. Your box is safe: “Try again” finishes this same box, it won't use a new one.",
  errNetwork: "Connection lost. Check your connection and try again.",
  errInternal: "Something went wrong on our side. Please try again in a moment.",
  retry: "Try again",
};

const zh = {
  skip: "跳到盲盒",
  langToggle: "English",
  langToggleLang: "en",
  langToggleTitle: "Switch to English",
  loading: "正在加载活动…",
  noCampaignTitle: "要打开哪个活动？",
  noCampaignBody: "此页面展示一个盲盒活动。请通过商家提供的链接打开，或在网址末尾加上活动编号，例如：",
  noCampaignHint: "活动编号见商家的活动公告，通常是一个简短的名称，例如 “spring-festival”。",
  notFoundTitle: "找不到这个活动",
  loadFailedTitle: "活动加载失败",
  reload: "重试",
  footer: "本页的概率由你的浏览器计算，使用的正是执行每一次抽奖的同一套代码。",

  statusOpen: "进行中",
  statusScheduled: "尚未开始",
  statusPaused: "已暂停",
  statusEnded: "已结束",
  statusOpenDetail: (until) => `今天开放至 ${until}。`,
  statusOpenAllDay: "今天全天开放。",
  statusScheduledDetail: (local, campaign, relative) =>
    `开放时间：你所在时区 ${local}${campaign ? `（活动时间 ${campaign}）` : ""}${relative ? `，${relative}` : ""}。`,
  statusPausedDetail: "抽奖暂时暂停，请稍后再来。",
  statusEndedDetail: "本活动已结束，感谢参与！",
  yourTime: (time) => `你所在时区 ${time}`,

  playTitle: "你的盲盒",
  openBox: "开启盲盒",
  openAnother: "再开一个",
  opening: "正在开启…",
  reasonLoading: "盲盒准备中…",
  reasonScheduled: (when) => `尚未开始：${when} 开放。`,
  reasonPaused: "抽奖暂停中，请稍后再来。",
  reasonEnded: "本活动已结束。",
  reasonNoTicket: "本活动需要登录参与，请从商家网站上的链接进入。",
  drawsLeft: (n) => `今天还可以开 ${fmtNumber(n)} 个盲盒`,
  pityNext: "下一个盲盒保底必中（保底奖品有剩余时）。",
  pityWithin: (n) => `再开 ${fmtNumber(n)} 个盲盒内必中一次（保底奖品有剩余时）。`,
  noneLeft: "今天的盲盒已经开完了，明天再来吧！",
  announceOpening: "正在开启你的盲盒…",
  pendingNotice: "上一次开盒时网络中断，盒子还没打开。",
  pendingResume: "继续开启",

  winTitle: "恭喜中奖！",
  byPity: "保底奖品：好运来了！",
  codeLabel: "你的领奖码",
  codeHelp: "请保存好领奖码，它是你领取奖品的凭证。本浏览器的“我的奖品”中也保存了一份。",
  copy: "复制",
  copied: "已复制",
  copyFailed: "无法复制，请手动选中领奖码复制。",
  announceCopied: "领奖码已复制。",
  blankTitle: "这次是空盒",
  blankBody: "这个盒子里没有奖品，下一个会更好！",
  blankPity: (after) => `别忘了：连续 ${fmtNumber(after)} 个空盒后，下一个盒子必中奖品。`,
  shipElsewhere: "收货信息表单已在“我的奖品”中打开。",

  shipTitle: "奖品寄到哪里？",
  shipName: "收件人姓名",
  shipPhone: "手机号码",
  shipPhoneHint: "5 至 15 位数字，可以以 + 开头，可包含空格、短横线或括号。",
  shipAddress: "收货地址",
  shipAddressHint: "省市区、街道、门牌号及邮编，最多 10 行。",
  shipSubmit: "保存收货信息",
  shipUpdate: "更新收货信息",
  shipSaving: "正在保存…",
  shipSaved: "已保存！我们会把奖品寄到这个地址。",
  errNameEmpty: "请填写收件人姓名。",
  errNameLong: "姓名最多 100 个字符。",
  errPhone: "请填写有效的电话号码：5 至 15 位数字。",
  errAddressShort: "请填写完整地址（至少 5 个字符）。",
  errAddressLong: "地址最多 500 个字符。",
  errAddressLines: "地址最多 10 行。",
  errCodeFormat: "领奖码为 24 个字符，由字母、数字、- 和 _ 组成。",

  prizesTitle: "奖品",
  prizesToday: (day) => `今日奖品（${day}）`,
  winAny: "中奖总概率",
  oddsDisclosed: "公示概率",
  oddsEffective: "当前概率",
  exactly: (fraction) => `精确值 ${fraction}`,
  stockLeft: (left, total) => `今日剩余 ${fmtNumber(left)} / ${fmtNumber(total)}`,
  soldOut: "今日已抽完",
  notReleased: "稍后放出更多",
  pityBadge: (after) => `连续 ${fmtNumber(after)} 次空盒后必得`,
  boxesLeft: (left, total) => `今日剩余 ${fmtNumber(left)} / ${fmtNumber(total)} 盒`,
  stockAsOf: (time) => `库存更新于 ${time}，每 10 秒刷新。`,
  stockFresh: "库存每 10 秒刷新。",
  oddsLoading: "正在计算概率…",
  coreFailed: "你的浏览器无法运行概率计算程序，以下为服务器提供的数据。",

  rulesTitle: "活动规则",
  rulesWindow: (first, last) => (first === last ? `活动日期：${first}。` : `活动日期：${first} 至 ${last}。`),
  rulesHours: (open, close, zone, local) =>
    `每天 ${open} 至 ${close}（${zone}）可以开盒${local ? `，即你所在时区的 ${local}` : ""}。`,
  rulesAllDay: (zone) => `每天全天开放，日期以活动时区（${zone}）为准。`,
  rulesPerDay: (n, total) =>
    `每位玩家每天可开 ${fmtNumber(n)} 个盲盒${total ? `，整个活动期间共 ${fmtNumber(total)} 个` : ""}。`,
  rulesPity: (after, names) =>
    `连续 ${fmtNumber(after)} 个盲盒未中奖后，下一个盲盒必中以下奖品之一：${names}（在仍有库存时）。`,
  rulesPacingEven:
    "奖品在一天中均匀放出，不会在开场几分钟内被抽光。已放出的份数被抽完后，该奖品显示“稍后放出更多”，直到下一次放出。",
  rulesPacingNone: "每个奖品当天的全部库存从开放时起即可抽取。",
  rulesPoolOdds: "每次开盒都是按公示概率进行的独立抽奖。每个奖品都有每日库存，每天重新补满。",
  rulesPoolDeck: (boxes) =>
    `这是真实的一整箱盲盒${boxes ? `（每天 ${fmtNumber(boxes)} 盒）` : ""}：每个奖品放在与其库存数量相同的盒子里，其余为空盒，开过的盒子不会放回。`,
  rulesLose: "某个奖品抽完后，它的概率变为空盒；其他奖品的概率不变，因此随着库存减少，总中奖概率会下降。",
  rulesRedistribute: "某个奖品抽完后，它的概率按比例分给仍有库存的奖品；只要还有奖品，总中奖概率保持不变。",
  rulesDeck: "每个奖品的中奖概率等于它剩余的盒数除以剩余的总盒数，所以每开一盒都会变化。",
  rulesEffective: "每个奖品的“当前概率”显示的正是这个数值，每隔几秒重新计算。",
  rulesOverrides: (days) => `特别日期使用单独的奖品表：${days}。`,
  rulesTicket: "请先在商家网站登录：通过那里的链接进入本页即可参与。",
  rulesOpen: "无需登录：本浏览器会记住你的玩家编号。",

  mineTitle: "我的奖品",
  minePlayer: "你的玩家编号",
  minePlayerHelp: "本浏览器以此编号参与抽奖。在任何设备上，只需领奖码即可查看奖品并修改收货信息。",
  mineEmpty: "本浏览器中还没有保存的奖品。",
  mineWon: (day) => `中奖日期：${day}`,
  mineShipping: "收货信息",
  lookupTitle: "查询奖品",
  lookupHelp: "在其他设备上中奖？请输入那台设备上的领奖码。",
  lookupCode: "领奖码",
  lookupSubmit: "查询",
  lookupBusy: "正在查询…",
  claimWonAt: (time) => `中奖时间：${time}`,
  claimShipping: "寄往",
  claimNoShipping: "还没有收货信息，请在下方填写。",
  claimUpdated: (time) => `最后更新：${time}`,

  simTitle: "如果今天有很多人来抽？",
  simIntro: "在你的浏览器里，用真实的抽奖代码模拟本活动的一整天。",
  simPlayers: "玩家人数",
  simPlayersHint: "1 至 1,000,000。",
  simRun: "开始模拟",
  simCancel: "取消",
  simRunning: (n, seconds) => `正在模拟 ${fmtNumber(n)} 位玩家… ${seconds} 秒`,
  simCancelled: "模拟已取消。",
  simNote: (draws) =>
    `模拟从满库存开始，玩家在开放时间内均匀到来，每人开 ${fmtNumber(draws)} 个盲盒。模拟不使用今天的实际库存，也不会改变任何数据。`,
  simDay: (day) => `模拟日期：${day}`,
  simTimes: (zone) => `时间均为活动时间（${zone}）。`,
  simSeed: (seed) => `随机种子 ${seed}`,
  simPlayersWon: (won, players, share) => `${fmtNumber(players)} 位玩家中有 ${fmtNumber(won)} 位中奖（${share}）。`,
  simWinRate: (rate, draws) => `开出的 ${fmtNumber(draws)} 个盲盒中，${rate} 有奖品。`,
  simRefused: (n) => `${fmtNumber(n)} 次抽奖被拒绝（盒子已全部开完）。`,
  simChartTitle: "各奖品何时抽完",
  simChartDesc: "每个奖品一条线，横跨开放时间；圆点表示最后一份被抽中的时间。",
  simColPrize: "奖品",
  simColStock: "库存",
  simColWon: "中奖人数",
  simColPity: "保底",
  simColSoldOut: "抽完时间",
  simStillLeft: "未抽完",
  simSoldOutAt: (time) => `${time} 抽完`,
  simLeftAtClose: (won, stock) => `抽中 ${fmtNumber(won)} / ${fmtNumber(stock)}`,
  simErrRange: "请输入 1 至 1,000,000 之间的整数。",
  simFailed: "此浏览器无法运行模拟。",

  errDailyLimit: (n) => `今天的${n ? ` ${fmtNumber(n)} 个` : ""}盲盒已经全部开完，明天再来吧！`,
  errCampaignLimit: (n) => `本活动的${n ? ` ${fmtNumber(n)} 次` : ""}抽奖机会已全部用完，感谢参与！`,
  errPaused: "抽奖暂时暂停，请稍后再来。",
  errScheduled: (when) => (when ? `活动尚未开始，将于 ${when} 开放。` : "活动尚未开始。"),
  errEnded: "本活动已结束，感谢参与！",
  errRateLimited: "操作太频繁了，请等几秒钟再试。",
  errInvalidTicket: "你的登录已过期或对本页无效。请在商家网站重新登录，再通过那里的链接进入。",
  errBoxesExhausted: "今天的盲盒已经全部开完，明天会有新的盲盒！",
  errCampaignNotFound: "找不到这个活动。请检查链接，或向商家索取新的链接。",
  errClaimNotFound: "没有与该领奖码对应的奖品，请检查后重试。",
  errInvalidRequest: (message) => `请求未被接受${message ? `：${message}` : ""}。`,
  errRetrying: (n, max) => `网络连接中断，正在重试（第 ${n} / ${max} 次）…`,
  errNetworkDraw: "无法连接服务器。你的盲盒不会丢失：点击“重试”会继续开启同一个盲盒，不会消耗新的机会。",
  errNetwork: "网络连接中断，请检查网络后重试。",
  errInternal: "服务器出了点问题，请稍后再试。",
  retry: "重试",
};

const dictionaries = { en, zh };
let current = "en";
const listeners = new Set();

export function lang() {
  return current;
}

export function locale() {
  return current === "zh" ? "zh-CN" : "en";
}

export function setLanguage(language, { persist = false } = {}) {
  current = applyLanguage(language, { persist });
  numberFormat = null;
  for (const listener of listeners) listener(current);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}

/** The string `key` in the current language; functions are called with `args`. */
export function t(key, ...args) {
  const value = dictionaries[current][key] ?? en[key];
  if (value === undefined) return key;
  return typeof value === "function" ? value(...args) : value;
}

/** Fills every [data-i18n] element's text (and [data-i18n-attr="attr:key"] attributes). */
export function translateStatic(root = document) {
  for (const element of root.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of element.dataset.i18nAttr.split(";")) {
      const [attribute, key] = pair.split(":");
      element.setAttribute(attribute, t(key));
    }
  }
}

// ---------------------------------------------------------------- numbers

let numberFormat = null;

export function fmtNumber(n) {
  numberFormat ??= new Intl.NumberFormat(locale());
  return numberFormat.format(n);
}

/**
 * A decimal probability as the core writes it ("0.000500000") as a percentage
 * ("0.0500%"), by moving the decimal point two places: no float arithmetic.
 * Rounded half up to `places` digits; a non-zero value that would round to
 * zero keeps all its digits.
 */
export function percentFromDecimal(decimal, places = 4) {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(String(decimal).trim());
  if (!match) return "–";
  const fraction = (match[2] ?? "").padEnd(2, "0");
  const integer = (match[1] + fraction.slice(0, 2)).replace(/^0+(?=\d)/, "");
  const rest = fraction.slice(2);
  if (/^0*$/.test(integer + rest)) return "0%";
  if (/^0+$/.test(integer) && /^0*$/.test(rest.slice(0, places)) && rest.length > places) {
    return `0.${rest.replace(/0+$/, "")}%`;
  }
  return `${roundDigits(integer, rest, places)}%`;
}

/** integer.rest rounded half up to `places` fraction digits, as text. */
function roundDigits(integer, rest, places) {
  const padded = rest.padEnd(places + 1, "0");
  let digits = integer + padded.slice(0, places);
  if (padded[places] >= "5") digits = (BigInt(digits) + 1n).toString().padStart(digits.length, "0");
  const head = digits.slice(0, digits.length - places) || "0";
  return places > 0 ? `${head}.${digits.slice(digits.length - places)}` : head;
}

/** n / d as a percentage with `places` digits, in integers (for simulation counts). */
export function ratioPercent(n, d, places = 2) {
  if (!d) return "–";
  const scale = 10n ** BigInt(places + 2);
  const scaled = (BigInt(n) * scale * 2n + BigInt(d)) / (2n * BigInt(d)); // rounded half up
  const text = scaled.toString().padStart(places + 1, "0");
  return `${text.slice(0, text.length - places)}${places > 0 ? `.${text.slice(text.length - places)}` : ""}%`;
}

// ---------------------------------------------------------------- dates and times

/** Minutes east of UTC for "+08:00", "-05:30" or "Z". */
export function offsetMinutes(offset) {
  if (!offset || offset === "Z") return 0;
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** "UTC+08:00" (or "UTC"). */
export function offsetLabel(offset) {
  return !offset || offset === "Z" || offset === "+00:00" || offset === "-00:00" ? "UTC" : `UTC${offset}`;
}

/** A calendar day "YYYY-MM-DD" in words ("28 November 2026" / "2026年11月28日"). */
export function fmtDay(day, style = "long") {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? "");
  if (!match) return day ?? "";
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const options = style === "short" ? { month: "short", day: "numeric" } : { dateStyle: style };
  return new Intl.DateTimeFormat(locale(), { ...options, timeZone: "UTC" }).format(date);
}

/** A moment in the player's own time zone, with the zone's name. */
export function fmtLocal(ms, { date = true } = {}) {
  const options = date
    ? { dateStyle: "medium", timeStyle: "short" }
    : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  return new Intl.DateTimeFormat(locale(), options).format(new Date(ms));
}

/** A moment on the campaign's clock (a fixed UTC offset), e.g. "28 Nov 2026, 10:00 UTC+08:00". */
export function fmtInOffset(ms, offset, { date = true } = {}) {
  const shifted = new Date(ms + offsetMinutes(offset) * 60_000);
  const options = date
    ? { dateStyle: "medium", timeStyle: "short", timeZone: "UTC", hourCycle: "h23" }
    : { hour: "2-digit", minute: "2-digit", timeZone: "UTC", hourCycle: "h23" };
  return `${new Intl.DateTimeFormat(locale(), options).format(shifted)} ${offsetLabel(offset)}`;
}

/** Whether the player's zone has the campaign's offset at `ms`. */
export function sameOffset(ms, offset) {
  return -new Date(ms).getTimezoneOffset() === offsetMinutes(offset);
}

/** "in 3 hours" / "3小时后". */
export function fmtRelative(ms, now = Date.now()) {
  const seconds = Math.round((ms - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, "second");
  if (abs < 3600) return format.format(Math.round(seconds / 60), "minute");
  if (abs < 86400 * 2) return format.format(Math.round(seconds / 3600), "hour");
  return format.format(Math.round(seconds / 86400), "day");
}

/** A list of names joined the local way ("a, b and c" / "a、b和c"). */
export function fmtList(items) {
  return new Intl.ListFormat(locale(), { style: "long", type: "conjunction" }).format(items);
}
