// Every string the console shows, in English and Simplified Chinese, and the
// formatting of numbers, percentages, days and times. Messages from the core
// and the server (validation problems, upload refusals) are shown as they come.

import { applyLanguage } from "../language.js";

export { pickLanguage } from "../language.js";

let current = "en";
const listeners = new Set();

const plural = (n, one, many) => (n === 1 ? one : many);

const en = {
  skip: "Skip to content",
  consoleName: "blindbox console",
  consoleTag: "console",
  mainNav: "Console",
  langToggle: "中文",
  langToggleLang: "zh-CN",
  langToggleTitle: "切换到简体中文",
  signOut: "Sign out",
  loading: "Loading…",
  networkError: "couldn't reach the server; check the connection",
  notFound: "no campaign with that id",
  confirm: "Confirm",
  cancel: "Cancel",
  newTab: "opens in a new tab",
  refresh: "Refresh",
  now: "now",
  range: (a, b) => `${a}–${b} across runs`,

  // sign-in
  signInTitle: "Operator console",
  signInIntro:
    "Sign in with the admin key to create campaigns, watch them live and ship prizes. The key stays in this browser tab only.",
  adminKey: "Admin key",
  adminKeyHint: "The ADMIN_KEY secret of this service.",
  showKey: "Show",
  hideKey: "Hide",
  signIn: "Sign in",
  signingIn: "Checking…",
  keyEmpty: "Enter the admin key.",
  keyRefused: "That admin key was refused (401 unauthorized). Check it and try again.",
  keyRevoked: "The admin key was refused (401 unauthorized): it may have changed. Sign in again.",
  signInFailed: (status, message) => `Couldn't sign in (HTTP ${status}): ${message}`,

  // list
  campaigns: "Campaigns",
  newCampaign: "New campaign",
  noCampaigns: "No campaigns yet. Create the first one.",
  campaignCount: (n) => `${n} ${plural(n, "campaign", "campaigns")}`,
  listFailed: (why) => `Couldn't load the campaigns: ${why}.`,
  listDetails: (draws, wins, first, last) => `Today: ${draws} draws, ${wins} wins · runs ${first} to ${last}`,
  edit: "Edit",
  breadcrumbs: "Breadcrumbs",
  campaignSections: "Campaign sections",
  tabLive: "Dashboard",
  tabEdit: "Edit",
  playerPage: "Player page",
  loadFailed: "The campaign didn't load",

  // status
  status_open: "Open",
  status_paused: "Paused",
  status_scheduled: "Scheduled",
  status_ended: "Ended",
  statusDetail_open: "Players can open boxes now.",
  statusDetail_paused: "Draws are paused: players see a notice until you resume.",
  statusDetail_scheduled: "Not open right now: outside today's opening hours or before the first day.",
  statusDetail_ended: "The campaign has ended.",

  // editor
  editorAside: "Forecast, preview and JSON",
  newTitle: "New campaign",
  newTitleNamed: (name) => `New campaign: ${name}`,
  editTitle: (name) => `Edit: ${name}`,
  notSavedYet: "Not saved yet",
  unsaved: "Unsaved changes",
  allSaved: "All changes saved",
  save: "Save",
  create: "Create campaign",
  saving: "Saving…",
  saveBlockedJson: "Fix the JSON syntax first",
  checkerLoading: "Loading the campaign checker…",
  checkerFailed: "The campaign checker (the core) didn't load: the server will still check the campaign when you save.",
  problems: (n) => `${n} ${plural(n, "problem", "problems")} to fix`,
  rawJson: "Campaign JSON",
  rawJsonHint: "The same campaign as the form. Edit either one: the other follows.",
  jsonNotObject: "The campaign must be a JSON object { … }.",
  secBasics: "Campaign",
  fId: "Campaign id",
  fIdHint: "Lowercase letters, digits, - and _; used in links. It cannot change later.",
  fIdFixed: "The id cannot change: draws and stock are counted under it.",
  fTitle: "Title",
  fTitleHint: "The name players see.",
  fIdentity: "Who can draw",
  identityOpen: "Anyone",
  identityTicket: "Only players with a ticket",
  fIdentityHint:
    "“Anyone” draws under the player id your site gives them; ticket campaigns need a ticket from your login system for every draw.",
  identityRisk:
    "Open (“Anyone”) campaigns can be drained by scripts: the client chooses the player id, so a script can make up new ids and keep drawing. Ticket identity is what protects valuable stock.",
  secWindow: "When it runs",
  secWindowIntro: "Days and daily opening hours, in the campaign's own time zone.",
  fFirstDay: "First day",
  fLastDay: "Last day",
  fOpensAt: "Opens at",
  fOpensAtHint: "HH:MM, 24-hour clock.",
  fClosesAt: "Closes at",
  fClosesAtHint: "HH:MM; 24:00 for midnight.",
  fUtcOffset: "Time zone (UTC offset)",
  fUtcOffsetHint: "For example +08:00 for China, Z for UTC.",
  secRules: "Rules",
  fPool: "How prizes are drawn",
  poolOdds: "Published odds",
  poolOddsHint: "Every draw is independent; each prize has its odds and a daily stock.",
  poolDeck: "A real case of boxes",
  poolDeckHint: "A fixed number of boxes per day, opened without replacement.",
  poolSwitchedDeck: "Switched to a case of boxes: odds removed, boxes added.",
  poolSwitchedOdds: "Switched to published odds: odds filled in from stock and boxes.",
  fSoldOut: "When a prize is sold out",
  soldOutLose: "The draw becomes a blank",
  soldOutRedistribute: "Its chance goes to the prizes left",
  fSoldOutHint: "What a draw that lands on a prize with no stock left does.",
  fPacing: "Stock over the day",
  pacingNone: "All stock from opening",
  pacingEven: "Released evenly over the opening hours",
  fPacingHint: "Even pacing stops a prize selling out in the first minutes.",
  deckFixedHint: "Fixed for a case of boxes.",
  fDrawsPerDay: "Draws per player per day",
  fDrawsPerDayHint: "1 when empty.",
  fDrawsPerCampaign: "Draws per player in the whole campaign",
  fDrawsPerCampaignHint: "Empty for no overall cap.",
  fPity: "Guarantee (pity rule)",
  fPityHint: "After a run of blanks, the next draw is a prize.",
  fPityAfter: "After this many blanks in a row",
  fPityAfterHint: "The guaranteed draw is the next one.",
  fPityPrizes: "Prizes the guarantee may give",
  missingPrize: "not in any table",
  secPrizes: "Prizes",
  secPrizesIntro: "The table for every ordinary day. Odds as decimals (0.05) or fractions (1/144); stock is per day.",
  secPrizesDeckIntro: "The case for every ordinary day: how many boxes, and how many of them hold each prize.",
  regularDay: "Regular day",
  prizeListLabel: (caption) => `Prizes: ${caption}`,
  fBoxes: "Boxes in the case",
  fBoxesHint: "Boxes without a prize are blanks.",
  deckSummary: (stock, boxes) => `${stock} of ${boxes} boxes hold a prize; ${Math.max(0, boxes - stock)} are blanks.`,
  oddsSummary: (share) => `Chance that a draw wins something: ${pct(share)} · blank: ${pct(Math.max(0, 1 - share))}.`,
  oddsSummaryIncomplete: "The total chance shows once every prize has valid odds.",
  prize: "Prize",
  prizeN: (n) => `Prize ${n}`,
  fPrizeId: "Prize id",
  fPrizeName: "Name",
  fPrizeValue: "Value",
  fPrizeValuePlaceholder: "¥99 (optional)",
  fStock: "Stock per day",
  fBoxesWithPrize: "Boxes with this prize",
  fOdds: "Odds",
  fOddsHint: "0.05 = 5%; 1/144 = one in 144.",
  fImage: "Picture (URL)",
  uploadPicture: "Upload picture",
  prizeActions: (name) => `Actions for ${name}`,
  moveUp: "Up",
  moveDown: "Down",
  remove: "Remove",
  moveUpLabel: (name) => `Move ${name} up`,
  moveDownLabel: (name) => `Move ${name} down`,
  removeLabel: (name) => `Remove ${name}`,
  addPrize: "Add a prize",
  prizeAdded: (n) => `Prize ${n} added.`,
  prizeRemoved: (name) => `${name} removed.`,
  prizeMoved: (name, n) => `${name} moved to position ${n}.`,
  secOverrides: "Special dates",
  secOverridesIntro:
    "A date can have its own table (more stock on a holiday, an extra prize). It replaces the regular table for that day.",
  noOverrides: "No special dates.",
  overrideDate: "Date",
  addOverride: "Add a special date",
  overrideCopyHint: "A new date starts as a copy of the regular table.",
  overrideNeedsDate: "Choose a date first.",
  overrideExists: (day) => `${day} already has its own table.`,
  overrideAdded: (day) => `Special table for ${day} added.`,
  overrideRemoved: (day) => `Special table for ${day} removed.`,
  removeDate: "Remove date",
  secTheme: "Look and feel",
  secThemeIntro: "How the player page looks. Everything here is optional: the page has finished-looking defaults.",
  themeColors: "Brand colours",
  color_primary_color: "Primary (buttons, highlights)",
  color_accent_color: "Accent (ribbon, badges)",
  color_background_color: "Page background",
  color_text_color: "Text",
  colorPicker: (label) => `${label}: colour picker`,
  useDefault: "Default",
  colorReset: (label) => `${label} back to the default.`,
  contrastLow: (ratio) =>
    `Text on background: ${ratio.toFixed(1)}:1, below 4.5:1. The player page will darken or lighten the text so it stays readable.`,
  contrastOk: (ratio) => `Text on background: ${ratio.toFixed(1)}:1 (at least 4.5:1 is readable).`,
  themePictures: "Pictures",
  fLogo: "Logo (URL)",
  fLogoHint: "PNG, JPEG, GIF or WebP, at most 2 MB.",
  fBoxImage: "Box artwork (URL)",
  fBoxImageHint: "Empty for the drawn box in your colours.",
  prizePicturesHint: "Prize pictures are uploaded with each prize, above.",
  themeTexts: "Texts",
  fHeadlineEn: "Headline (English)",
  fHeadlineZh: "Headline (简体中文)",
  fIntroEn: "Introduction (English)",
  fIntroZh: "Introduction (简体中文)",
  charCount: (n, max) => `${n}/${max}`,
  uploading: (name) => `Uploading ${name}…`,
  uploaded: (name) => `${name} uploaded.`,
  uploadNeedsId: "Enter a valid campaign id first: pictures are stored under it.",
  uploadFailed: (code, message) => `Not uploaded: ${message || code}.`,
  saveNeedsId: "Enter a valid campaign id before saving.",
  idTaken: (id) =>
    `a campaign with the id “${id}” already exists: choose another id, or open that campaign from the list to change it`,
  saveIdTaken: "Not saved: that campaign id is already in use.",
  created: (id, version) => `Created “${id}” (version ${version}).`,
  saved: (version) => `Saved (version ${version}).`,
  saveCancelled: "Not saved: nothing was changed on the server.",
  saveInvalid: (n) => `The server refused the campaign: ${n} ${plural(n, "problem", "problems")}, shown at the fields.`,
  saveStockBelow: (message) => `Not saved: ${message}.`,
  saveNetwork: "Not saved: couldn't reach the server. Try again.",
  saveFailed: (status, message) => `Not saved (HTTP ${status}): ${message}`,
  confirmTodayTitle: "Change today's prizes while the campaign is open?",
  confirmTodayBody: (day) => `Players are drawing right now. These changes apply at once to today's table (${day}):`,
  confirmTodayNote: "Prizes already won stay won. Players see the new odds on their next look.",
  confirmTodayYes: "Save changes",
  changeRemoved: (name) => `${name}: removed from today's table`,
  changeAdded: (name) => `${name}: added to today's table`,
  changeStock: (name, from, to) => `${name}: stock ${from} → ${to}`,
  changeOdds: (name, from, to) => `${name}: odds ${from} → ${to}`,
  changeBoxes: (from, to) => `Boxes in today's case: ${from} → ${to}`,
  changePool: "How prizes are drawn",
  changeSoldOut: "What happens when a prize is sold out",
  changePacing: "How stock is released over the day",

  // forecast
  forecastTitle: "Forecast",
  forecastIntro: (runs) =>
    `The campaign as it stands in the form, run through the real draw on a simulated day, ${runs} times with different luck.`,
  forecastPlayers: "Expected players per day",
  forecastPlayersError: (max) => `A whole number from 1 to ${max}.`,
  forecastDraws: "Draws per player",
  forecastDrawsHint: (n) => `Empty: the daily limit (${n}).`,
  forecastDrawsError: "A whole number from 1 to 1,000,000, or empty.",
  forecastDay: "Day",
  forecastRegularDay: (day) => `Regular day (${day})`,
  forecastSpecialDay: (day) => `Special date: ${day}`,
  arrivalTitle: "When players arrive",
  arrivalPreset: "Arrival pattern",
  preset_even: "Evenly",
  preset_morning: "Morning peak",
  preset_lunch_evening: "Lunch and evening peaks",
  preset_evening: "Evening rush",
  preset_custom: "Custom",
  arrivalHelp: "One bar per opening hour. Drag, or use ↑ ↓ to change a bar and ← → to move between bars.",
  arrivalBar: (range) => `Arrivals ${range}`,
  arrivalValue: (v, max) => `${v} of ${max}`,
  arrivalNoHours: "Set valid opening hours to shape arrivals.",
  forecastRunning: (done, runs) => `Simulating… ${done} of ${runs} runs`,
  forecastDone: (runs, rate) => `From ${runs} simulated days. Win rate ${rate} of draws.`,
  forecastAnnounce: (rate) => `Forecast updated: win rate ${rate}.`,
  forecastInvalid: "The forecast needs a valid campaign: fix the problems listed above.",
  forecastFixInputs: "Fix the forecast's inputs to run it.",
  forecastDayError: (message) => `That day can't be simulated: ${message}.`,
  forecastFailed: (message) => `The forecast failed: ${message}`,
  forecastNoWorker: "This browser can't run the forecast in the background.",
  forecastWinRate: "Draws that win",
  forecastPlayersWon: "Players who win something",
  forecastDrawsMade: "Draws per day",
  forecastRefused: "Draws refused (case empty)",
  forecastTableCaption: (day, runs) => `Forecast per prize for ${day}, ${runs} simulated days`,
  colPrize: "Prize",
  colStock: "Stock",
  colExpectedWinners: "Expected winners",
  colStillInStock: "Still in stock at closing",
  colSoldOut: "Typical sell-out",
  soldOutRuns: (k, n) => `sold out in ${k} of ${n} runs`,
  neverSoldOut: "never sold out",
  chartTitle: "When prizes sell out",
  chartGone: (time) => `gone by ${time}`,
  chartLasts: (k, n) => `lasts the day in ${k} of ${n} runs`,

  // dashboard
  dashboard: "Dashboard",
  pause: "Pause draws",
  resume: "Resume draws",
  pauseTitle: (name) => `Pause “${name}”?`,
  resumeTitle: (name) => `Resume “${name}”?`,
  pauseBody: "Players can't open boxes until you resume. Draws already made, prizes won and claims stay as they are.",
  resumeBody: "Players can open boxes again straight away (within the opening hours).",
  pausing: "Pausing…",
  resuming: "Resuming…",
  pausedNow: "Paused: no draws until you resume.",
  resumedNow: "Resumed: players can draw again.",
  pauseFailed: (message) => `Couldn't change it: ${message}`,
  todayIs: (day) => `Today, ${day} (campaign time)`,
  statDraws: "Draws",
  statPlayers: "Players",
  statWins: "Wins",
  statClaimed: "Claimed",
  drawsPerMinute: "Draws per minute",
  drawsRange: "Time range",
  lastHour: "Last hour",
  last24h: "Last 24 hours",
  perMinuteMax: (n) => `${n} a minute`,
  drawsChartLabel: (range, total, peak) => `Draws per minute, ${range}: ${total} draws, at most ${peak} in a minute`,
  drawsSummary: (total, peak, at, total24) =>
    `${total} draws · busiest minute ${peak} at ${at} · ${total24} in 24 hours`,
  noDrawsRange: (range) => `No draws in the ${range.toLowerCase()}.`,
  stockToday: "Today's stock",
  stockLeft: (left, total) => `${left} of ${total} left`,
  stockMeter: (name) => `${name}: stock left`,
  wonClaimed: (won, claimed) => `${won} won · ${claimed} with shipping details`,
  noPrizesToday: "No prizes today.",
  perDay: "Wins and claims per day",
  colDay: "Day",
  noDays: "No draws yet.",
  updatedAt: (time, seconds) => `Updated ${time} · refreshes every ${seconds} seconds while this page is open.`,
  refreshFailed: (why) => `Couldn't refresh: ${why}. Trying again in a few seconds.`,

  // winners
  winnersTitle: "Winners and fulfilment",
  winnersIntro: "Every win with its claim: shipping details appear once the winner has sent them.",
  filters: "Filter winners",
  filterDay: "Day",
  filterPrize: "Prize",
  allDays: "All days",
  allPrizes: "All prizes",
  loadingWinners: "Loading winners…",
  winnersFailed: (why) => `Couldn't load the winners: ${why}.`,
  noWinners: "No winners yet.",
  noWinnersFiltered: "No winners match these filters.",
  winnersCount: (n, claimed, more) =>
    `${n}${more ? "+" : ""} ${plural(n, "winner", "winners")} shown · ${claimed} with shipping details`,
  loadMore: "Load more",
  colWonAt: "Won at",
  colPlayer: "Player",
  colClaim: "Claim",
  colShipTo: "Ship to",
  campaignDay: (day) => `campaign day ${day}`,
  claimedYes: "Details given",
  claimedNo: "Waiting",
  downloadCsv: "Download CSV",
  downloadPreparing: "Preparing the CSV…",
  downloaded: (name) => `Downloaded ${name}.`,
  downloadFailed: (message) => `Couldn't download: ${message}`,
};

const zh = {
  skip: "跳到主要内容",
  consoleName: "blindbox 运营后台",
  consoleTag: "运营后台",
  mainNav: "运营后台",
  langToggle: "English",
  langToggleLang: "en",
  langToggleTitle: "Switch to English",
  signOut: "退出登录",
  loading: "加载中…",
  networkError: "无法连接服务器，请检查网络",
  notFound: "没有这个活动",
  confirm: "确认",
  cancel: "取消",
  newTab: "在新标签页打开",
  refresh: "刷新",
  now: "现在",
  range: (a, b) => `各次模拟 ${a}–${b}`,

  signInTitle: "运营后台",
  signInIntro: "用管理员密钥登录，即可创建活动、实时查看并安排发奖。密钥只保存在当前浏览器标签页中。",
  adminKey: "管理员密钥",
  adminKeyHint: "本服务的 ADMIN_KEY 密钥。",
  showKey: "显示",
  hideKey: "隐藏",
  signIn: "登录",
  signingIn: "验证中…",
  keyEmpty: "请输入管理员密钥。",
  keyRefused: "管理员密钥被拒绝（401 unauthorized），请检查后重试。",
  keyRevoked: "管理员密钥被拒绝（401 unauthorized），可能已更换，请重新登录。",
  signInFailed: (status, message) => `登录失败（HTTP ${status}）：${message}`,

  campaigns: "活动",
  newCampaign: "新建活动",
  noCampaigns: "还没有活动，创建第一个吧。",
  campaignCount: (n) => `共 ${n} 个活动`,
  listFailed: (why) => `活动列表加载失败：${why}。`,
  listDetails: (draws, wins, first, last) => `今天：抽取 ${draws} 次，中奖 ${wins} 次 · 活动期 ${first} 至 ${last}`,
  edit: "编辑",
  breadcrumbs: "导航路径",
  campaignSections: "活动页面",
  tabLive: "看板",
  tabEdit: "编辑",
  playerPage: "玩家页面",
  loadFailed: "活动加载失败",

  status_open: "进行中",
  status_paused: "已暂停",
  status_scheduled: "未开始",
  status_ended: "已结束",
  statusDetail_open: "玩家现在可以开盒。",
  statusDetail_paused: "抽奖已暂停：恢复之前玩家会看到提示。",
  statusDetail_scheduled: "现在不开放：不在今天的开放时间内，或活动尚未开始。",
  statusDetail_ended: "活动已结束。",

  editorAside: "预测、预览与 JSON",
  newTitle: "新建活动",
  newTitleNamed: (name) => `新建活动：${name}`,
  editTitle: (name) => `编辑：${name}`,
  notSavedYet: "尚未保存",
  unsaved: "有未保存的修改",
  allSaved: "所有修改已保存",
  save: "保存",
  create: "创建活动",
  saving: "保存中…",
  saveBlockedJson: "请先修正 JSON 语法",
  checkerLoading: "正在加载活动检查器…",
  checkerFailed: "活动检查器（核心程序）未能加载；保存时服务器仍会检查活动。",
  problems: (n) => `有 ${n} 个问题需要修正`,
  rawJson: "活动 JSON",
  rawJsonHint: "与表单是同一个活动。修改任意一边，另一边会同步更新。",
  jsonNotObject: "活动必须是一个 JSON 对象 { … }。",
  secBasics: "活动",
  fId: "活动 ID",
  fIdHint: "小写字母、数字、- 和 _，用于链接。创建后不能修改。",
  fIdFixed: "活动 ID 不能修改：抽奖次数和库存都按它计算。",
  fTitle: "标题",
  fTitleHint: "玩家看到的活动名称。",
  fIdentity: "谁可以抽奖",
  identityOpen: "任何人",
  identityTicket: "仅限持有票据的玩家",
  fIdentityHint: "“任何人”按网站分配的玩家 ID 抽奖；票据活动的每次抽奖都需要你的登录系统签发的票据。",
  identityRisk:
    "开放（“任何人”）活动可能被脚本刷空：玩家 ID 由客户端自行决定，脚本可以不断编造新的 ID 反复抽奖。要保护贵重奖品的库存，请使用票据身份。",
  secWindow: "活动时间",
  secWindowIntro: "活动日期和每天的开放时间，按活动所在时区计算。",
  fFirstDay: "开始日期",
  fLastDay: "结束日期",
  fOpensAt: "每天开始时间",
  fOpensAtHint: "HH:MM，24 小时制。",
  fClosesAt: "每天结束时间",
  fClosesAtHint: "HH:MM；午夜填 24:00。",
  fUtcOffset: "时区（UTC 偏移）",
  fUtcOffsetHint: "例如中国为 +08:00，UTC 为 Z。",
  secRules: "规则",
  fPool: "抽奖方式",
  poolOdds: "公布概率",
  poolOddsHint: "每次抽奖相互独立；每个奖品有自己的概率和每日库存。",
  poolDeck: "整箱盲盒",
  poolDeckHint: "每天固定数量的盒子，抽出后不放回。",
  poolSwitchedDeck: "已切换为整箱盲盒：概率已移除，已添加盒子数量。",
  poolSwitchedOdds: "已切换为公布概率：已根据库存和盒子数量填入概率。",
  fSoldOut: "奖品售罄时",
  soldOutLose: "这次抽奖变为未中奖",
  soldOutRedistribute: "它的概率分给剩余奖品",
  fSoldOutHint: "抽中一个已无库存的奖品时如何处理。",
  fPacing: "库存投放节奏",
  pacingNone: "开放时全部可抽",
  pacingEven: "在开放时间内均匀投放",
  fPacingHint: "均匀投放可避免奖品在开放后几分钟内被抽光。",
  deckFixedHint: "整箱盲盒固定使用此设置。",
  fDrawsPerDay: "每位玩家每天可抽次数",
  fDrawsPerDayHint: "留空为 1。",
  fDrawsPerCampaign: "每位玩家整个活动可抽次数",
  fDrawsPerCampaignHint: "留空表示不设总上限。",
  fPity: "保底规则",
  fPityHint: "连续多次未中奖后，下一次必中奖品。",
  fPityAfter: "连续未中奖次数",
  fPityAfterHint: "达到后的下一次抽奖保底。",
  fPityPrizes: "保底可发放的奖品",
  missingPrize: "不在任何奖品表中",
  secPrizes: "奖品",
  secPrizesIntro: "普通日子的奖品表。概率可写小数（0.05）或分数（1/144）；库存按天计算。",
  secPrizesDeckIntro: "普通日子的整箱：共多少个盒子，其中多少个装有每种奖品。",
  regularDay: "普通日",
  prizeListLabel: (caption) => `奖品：${caption}`,
  fBoxes: "每箱盒子数",
  fBoxesHint: "没有奖品的盒子即为空盒。",
  deckSummary: (stock, boxes) => `${boxes} 个盒子中有 ${stock} 个装有奖品；${Math.max(0, boxes - stock)} 个为空盒。`,
  oddsSummary: (share) => `每次抽奖中奖概率：${pct(share, "zh")} · 未中奖：${pct(Math.max(0, 1 - share), "zh")}。`,
  oddsSummaryIncomplete: "所有奖品的概率都有效后，将显示总中奖概率。",
  prize: "奖品",
  prizeN: (n) => `奖品 ${n}`,
  fPrizeId: "奖品 ID",
  fPrizeName: "名称",
  fPrizeValue: "价值",
  fPrizeValuePlaceholder: "¥99（可选）",
  fStock: "每日库存",
  fBoxesWithPrize: "装有此奖品的盒子数",
  fOdds: "概率",
  fOddsHint: "0.05 即 5%；1/144 即 144 分之一。",
  fImage: "图片（网址）",
  uploadPicture: "上传图片",
  prizeActions: (name) => `${name} 的操作`,
  moveUp: "上移",
  moveDown: "下移",
  remove: "删除",
  moveUpLabel: (name) => `上移 ${name}`,
  moveDownLabel: (name) => `下移 ${name}`,
  removeLabel: (name) => `删除 ${name}`,
  addPrize: "添加奖品",
  prizeAdded: (n) => `已添加奖品 ${n}。`,
  prizeRemoved: (name) => `已删除 ${name}。`,
  prizeMoved: (name, n) => `${name} 已移到第 ${n} 位。`,
  secOverrides: "特别日期",
  secOverridesIntro: "某一天可以使用单独的奖品表（例如节日加库存或加奖品），当天将替换普通奖品表。",
  noOverrides: "没有特别日期。",
  overrideDate: "日期",
  addOverride: "添加特别日期",
  overrideCopyHint: "新日期会先复制一份普通奖品表。",
  overrideNeedsDate: "请先选择日期。",
  overrideExists: (day) => `${day} 已有单独的奖品表。`,
  overrideAdded: (day) => `已添加 ${day} 的特别奖品表。`,
  overrideRemoved: (day) => `已删除 ${day} 的特别奖品表。`,
  removeDate: "删除日期",
  secTheme: "外观",
  secThemeIntro: "玩家页面的外观。这里都是可选项：页面本身就有完整的默认样式。",
  themeColors: "品牌颜色",
  color_primary_color: "主色（按钮、强调）",
  color_accent_color: "辅助色（丝带、标签）",
  color_background_color: "页面背景",
  color_text_color: "文字",
  colorPicker: (label) => `${label}：取色器`,
  useDefault: "默认",
  colorReset: (label) => `${label}已恢复默认。`,
  contrastLow: (ratio) =>
    `文字与背景对比度 ${ratio.toFixed(1)}:1，低于 4.5:1。玩家页面会自动加深或调浅文字颜色以保证可读。`,
  contrastOk: (ratio) => `文字与背景对比度 ${ratio.toFixed(1)}:1（不低于 4.5:1 即清晰可读）。`,
  themePictures: "图片",
  fLogo: "标志（网址）",
  fLogoHint: "PNG、JPEG、GIF 或 WebP，最大 2 MB。",
  fBoxImage: "盲盒图片（网址）",
  fBoxImageHint: "留空则使用按品牌颜色绘制的盒子。",
  prizePicturesHint: "奖品图片在上方各奖品处上传。",
  themeTexts: "文字",
  fHeadlineEn: "标题（English）",
  fHeadlineZh: "标题（简体中文）",
  fIntroEn: "简介（English）",
  fIntroZh: "简介（简体中文）",
  charCount: (n, max) => `${n}/${max}`,
  uploading: (name) => `正在上传 ${name}…`,
  uploaded: (name) => `${name} 已上传。`,
  uploadNeedsId: "请先填写有效的活动 ID：图片按活动存放。",
  uploadFailed: (code, message) =>
    `未上传：${code === "payload_too_large" ? "图片不能超过 2 MB" : code === "unsupported_media_type" ? "只能上传 PNG、JPEG、GIF 或 WebP 图片" : "上传失败"}（${message || code}）。`,
  saveNeedsId: "保存前请填写有效的活动 ID。",
  idTaken: (id) => `已有 ID 为“${id}”的活动：请换一个 ID，或从活动列表打开该活动进行修改`,
  saveIdTaken: "未保存：该活动 ID 已被使用。",
  created: (id, version) => `已创建“${id}”（第 ${version} 版）。`,
  saved: (version) => `已保存（第 ${version} 版）。`,
  saveCancelled: "未保存：服务器上没有任何改动。",
  saveInvalid: (n) => `服务器拒绝了该活动：${n} 个问题，已在对应字段显示。`,
  saveStockBelow: (message) => `未保存：今天已发出的奖品多于新库存（${message}）。`,
  saveNetwork: "未保存：无法连接服务器，请重试。",
  saveFailed: (status, message) => `未保存（HTTP ${status}）：${message}`,
  confirmTodayTitle: "活动进行中，确定修改今天的奖品吗？",
  confirmTodayBody: (day) => `玩家正在抽奖。以下修改会立即作用于今天（${day}）的奖品表：`,
  confirmTodayNote: "已中的奖品不受影响。玩家下次查看时会看到新的概率。",
  confirmTodayYes: "保存修改",
  changeRemoved: (name) => `${name}：从今天的奖品表中删除`,
  changeAdded: (name) => `${name}：加入今天的奖品表`,
  changeStock: (name, from, to) => `${name}：库存 ${from} → ${to}`,
  changeOdds: (name, from, to) => `${name}：概率 ${from} → ${to}`,
  changeBoxes: (from, to) => `今天的盒子数：${from} → ${to}`,
  changePool: "抽奖方式",
  changeSoldOut: "奖品售罄时的处理",
  changePacing: "库存投放节奏",

  forecastTitle: "预测",
  forecastIntro: (runs) => `按表单中的当前活动，用真实的抽奖逻辑模拟一天，换不同的运气共模拟 ${runs} 次。`,
  forecastPlayers: "预计每天玩家数",
  forecastPlayersError: (max) => `请输入 1 到 ${max} 之间的整数。`,
  forecastDraws: "每位玩家抽奖次数",
  forecastDrawsHint: (n) => `留空：按每日上限（${n} 次）。`,
  forecastDrawsError: "请输入 1 到 1,000,000 之间的整数，或留空。",
  forecastDay: "日期",
  forecastRegularDay: (day) => `普通日（${day}）`,
  forecastSpecialDay: (day) => `特别日期：${day}`,
  arrivalTitle: "玩家到来的时间",
  arrivalPreset: "到访模式",
  preset_even: "全天均匀",
  preset_morning: "上午高峰",
  preset_lunch_evening: "午间和晚间高峰",
  preset_evening: "晚间高峰",
  preset_custom: "自定义",
  arrivalHelp: "每个开放小时一根柱。可拖动调整，或用 ↑ ↓ 修改、← → 切换。",
  arrivalBar: (range) => `${range} 到访量`,
  arrivalValue: (v, max) => `${v} / ${max}`,
  arrivalNoHours: "填写有效的开放时间后即可设置到访分布。",
  forecastRunning: (done, runs) => `模拟中… 已完成 ${done}/${runs} 次`,
  forecastDone: (runs, rate) => `基于 ${runs} 次模拟。每次抽奖中奖率 ${rate}。`,
  forecastAnnounce: (rate) => `预测已更新：中奖率 ${rate}。`,
  forecastInvalid: "预测需要一个有效的活动：请先修正上面列出的问题。",
  forecastFixInputs: "请修正预测的输入后再运行。",
  forecastDayError: (message) => `无法模拟这一天：${message}。`,
  forecastFailed: (message) => `预测失败：${message}`,
  forecastNoWorker: "此浏览器无法在后台运行预测。",
  forecastWinRate: "中奖的抽奖比例",
  forecastPlayersWon: "中奖玩家比例",
  forecastDrawsMade: "每天抽奖次数",
  forecastRefused: "被拒绝的抽奖（盒子已开完）",
  forecastTableCaption: (day, runs) => `${day} 各奖品预测，模拟 ${runs} 天`,
  colPrize: "奖品",
  colStock: "库存",
  colExpectedWinners: "预计中奖人数",
  colStillInStock: "结束时仍有库存",
  colSoldOut: "通常售罄时间",
  soldOutRuns: (k, n) => `${n} 次中有 ${k} 次售罄`,
  neverSoldOut: "从未售罄",
  chartTitle: "奖品售罄时间",
  chartGone: (time) => `${time} 前抽完`,
  chartLasts: (k, n) => `${n} 次中有 ${k} 次撑到结束`,

  dashboard: "数据看板",
  pause: "暂停抽奖",
  resume: "恢复抽奖",
  pauseTitle: (name) => `暂停“${name}”？`,
  resumeTitle: (name) => `恢复“${name}”？`,
  pauseBody: "恢复之前玩家无法开盒。已完成的抽奖、已中的奖品和领奖信息都保持不变。",
  resumeBody: "玩家将立即可以再次开盒（在开放时间内）。",
  pausing: "正在暂停…",
  resuming: "正在恢复…",
  pausedNow: "已暂停：恢复之前不会有新的抽奖。",
  resumedNow: "已恢复：玩家可以继续抽奖。",
  pauseFailed: (message) => `操作失败：${message}`,
  todayIs: (day) => `今天：${day}（活动时间）`,
  statDraws: "抽奖次数",
  statPlayers: "玩家数",
  statWins: "中奖次数",
  statClaimed: "已领奖",
  drawsPerMinute: "每分钟抽奖次数",
  drawsRange: "时间范围",
  lastHour: "最近 1 小时",
  last24h: "最近 24 小时",
  perMinuteMax: (n) => `每分钟 ${n} 次`,
  drawsChartLabel: (range, total, peak) => `每分钟抽奖次数，${range}：共 ${total} 次，单分钟最多 ${peak} 次`,
  drawsSummary: (total, peak, at, total24) =>
    `共 ${total} 次 · 最忙的一分钟 ${at}，${peak} 次 · 24 小时内 ${total24} 次`,
  noDrawsRange: (range) => `${range}没有抽奖。`,
  stockToday: "今日库存",
  stockLeft: (left, total) => `剩余 ${left} / ${total}`,
  stockMeter: (name) => `${name}：剩余库存`,
  wonClaimed: (won, claimed) => `已中出 ${won} · ${claimed} 人已填写收货信息`,
  noPrizesToday: "今天没有奖品。",
  perDay: "每日中奖与领奖",
  colDay: "日期",
  noDays: "还没有抽奖。",
  updatedAt: (time, seconds) => `更新于 ${time} · 页面打开时每 ${seconds} 秒刷新。`,
  refreshFailed: (why) => `刷新失败：${why}。几秒后重试。`,

  winnersTitle: "中奖者与发货",
  winnersIntro: "每一条中奖记录及其领奖情况：中奖者提交收货信息后会显示在这里。",
  filters: "筛选中奖者",
  filterDay: "日期",
  filterPrize: "奖品",
  allDays: "全部日期",
  allPrizes: "全部奖品",
  loadingWinners: "正在加载中奖者…",
  winnersFailed: (why) => `中奖者加载失败：${why}。`,
  noWinners: "还没有中奖者。",
  noWinnersFiltered: "没有符合筛选条件的中奖者。",
  winnersCount: (n, claimed, more) => `显示 ${n}${more ? "+" : ""} 位中奖者 · ${claimed} 人已填写收货信息`,
  loadMore: "加载更多",
  colWonAt: "中奖时间",
  colPlayer: "玩家",
  colClaim: "领奖",
  colShipTo: "收货信息",
  campaignDay: (day) => `活动日 ${day}`,
  claimedYes: "已填写",
  claimedNo: "待填写",
  downloadCsv: "下载 CSV",
  downloadPreparing: "正在生成 CSV…",
  downloaded: (name) => `已下载 ${name}。`,
  downloadFailed: (message) => `下载失败：${message}`,
};

// What the preview of the player page says, in the preview's own language.
const player = {
  en: {
    previewTitle: "Player page preview",
    previewLanguage: "Preview language",
    previewHint: "Unsaved changes included. The player page follows after you save.",
    previewOpenSaved: "Open the saved page",
    newTab: "opens in a new tab",
    pvUntitled: "Your campaign",
    pvLogo: "Logo",
    pvOpenBox: "Open a box",
    pvPrizes: "Prizes",
    pvNoPrizes: "No prizes yet.",
    pvNoChance: "not in play",
    pvOneIn: (n, p) => `1 in ${fmtNumber(n, "en")} (${p})`,
    pvBoxes: (stock, boxes) => `${fmtNumber(stock, "en")} of ${fmtNumber(boxes, "en")} boxes`,
  },
  zh: {
    previewTitle: "玩家页面预览",
    previewLanguage: "预览语言",
    previewHint: "包含未保存的修改。保存后玩家页面才会更新。",
    previewOpenSaved: "打开已保存的页面",
    newTab: "在新标签页打开",
    pvUntitled: "你的活动",
    pvLogo: "标志",
    pvOpenBox: "开盒",
    pvPrizes: "奖品",
    pvNoPrizes: "还没有奖品。",
    pvNoChance: "不参与抽奖",
    pvOneIn: (n, p) => `${fmtNumber(n, "zh")} 分之一（${p}）`,
    pvBoxes: (stock, boxes) => `${fmtNumber(boxes, "zh")} 盒中有 ${fmtNumber(stock, "zh")} 盒`,
  },
};

const dictionaries = { en, zh };

export function lang() {
  return current;
}

export function setLanguage(language, { persist = false } = {}) {
  const next = applyLanguage(language, { persist });
  const changed = next !== current;
  current = next;
  if (changed) for (const listener of listeners) listener(current);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function lookup(dictionary, key, args) {
  const value = dictionary[key] ?? en[key] ?? player.en[key];
  if (value === undefined) return key;
  return typeof value === "function" ? value(...args) : value;
}

export function t(key, ...args) {
  return lookup(dictionaries[current], key, args);
}

/** A string of the player page's preview, in `language`. */
export function tIn(language, key, ...args) {
  const texts = player[language] ?? player.en;
  return lookup(key in texts ? texts : (dictionaries[language] ?? en), key, args);
}

/** Texts and attributes of the static page: data-i18n="key", data-i18n-attr="attr:key;attr:key". */
export function translateStatic(root = document) {
  for (const element of root.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of element.dataset.i18nAttr.split(";")) {
      const [attribute, key] = pair.split(":");
      if (attribute && key) element.setAttribute(attribute, t(key));
    }
  }
}

const locales = { en: "en-GB", zh: "zh-CN" };
const formats = new Map();
function format(kind, language, options) {
  const key = `${kind}:${language}:${JSON.stringify(options)}`;
  let value = formats.get(key);
  if (!value) {
    value =
      kind === "number"
        ? new Intl.NumberFormat(locales[language], options)
        : new Intl.DateTimeFormat(locales[language], options);
    formats.set(key, value);
  }
  return value;
}

export function fmtNumber(n, language = current) {
  return format("number", language, { maximumFractionDigits: 1 }).format(n);
}

/** A share (0..1) as a percentage with sensible precision. */
export function pct(share, language = current) {
  if (!Number.isFinite(share)) return "—";
  const percent = share * 100;
  const digits = percent === 0 || percent >= 10 ? 1 : percent >= 1 ? 2 : percent >= 0.01 ? 3 : 4;
  const text = format("number", language, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(percent);
  return `${text}%`;
}

export function fmtPercent(share, digits) {
  if (digits === undefined) return pct(share);
  return `${format("number", current, { maximumFractionDigits: digits }).format(share * 100)}%`;
}

/** "YYYY-MM-DD" as a readable date (the day itself, no time zone shift). */
export function fmtDay(day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day ?? "")) return day ?? "";
  const ms = Date.parse(`${day}T12:00:00Z`);
  return format("date", current, {
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(ms);
}

export function fmtTime(ms, { seconds = true } = {}) {
  return format("date", current, {
    hour: "2-digit",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}),
    hour12: false,
  }).format(ms);
}

export function fmtDateTime(ms) {
  if (!Number.isFinite(ms)) return "";
  return format("date", current, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  }).format(ms);
}

/** The odds of a prize as people read them: "≈ 0.05% · 1 in 2,000". */
export function oddsText(text) {
  if (typeof text !== "string") return "";
  let n;
  let d;
  let match = /^\s*(\d{1,19})\s*\/\s*(\d{1,19})\s*$/.exec(text);
  if (match) {
    n = Number(match[1]);
    d = Number(match[2]);
  } else if ((match = /^\s*(\d{1,19})(?:\.(\d{1,9}))?\s*$/.exec(text))) {
    n = Number(`${match[1]}.${match[2] ?? "0"}`);
    d = 1;
  } else {
    return "";
  }
  if (!(d > 0) || n > d) return "";
  const share = n / d;
  if (share === 0) return current === "zh" ? "= 0%（不会中出）" : "= 0% (never won)";
  const oneIn = 1 / share;
  const oneInText =
    oneIn >= 1.5
      ? current === "zh"
        ? ` · 约 ${fmtNumber(Math.round(oneIn))} 分之一`
        : ` · about 1 in ${fmtNumber(Math.round(oneIn))}`
      : "";
  return `= ${pct(share)}${oneInText}`;
}
