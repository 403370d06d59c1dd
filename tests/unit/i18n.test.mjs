// The pages' one i18n engine (frontend/shared/i18n.js) and its language
// choice (language.js): lookups fall back from the language to the fallback
// dictionaries, then English, then the key; entries that are functions take
// the call's arguments; listeners hear each change once until they stop.
// Node has no DOM: the few globals these modules touch (document's lang,
// localStorage, navigator) are stood in for here.

import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

const storage = new Map();
globalThis.document = { documentElement: { lang: "" } };
globalThis.localStorage = {
  getItem: (key) => storage.get(key) ?? null,
  setItem: (key, value) => storage.set(key, String(value)),
};
Object.defineProperty(globalThis, "navigator", { value: { languages: ["en-GB"] }, configurable: true, writable: true });

const { lang, locale, onLanguageChange, pickLanguage, setLanguage, translateStatic, translator, useLocales } =
  await import("../../frontend/shared/i18n.js");

beforeEach(() => {
  storage.clear();
  setLanguage("en");
});

const dictionaries = {
  en: { hello: "Hello", draws: (n) => `${n} draws left`, onlyEnglish: "English only" },
  zh: { hello: "你好", draws: (n) => `还剩 ${n} 次` },
};
const fallback = {
  en: { shared: "Shared", hello: "(fallback hello)", onlyEnglish: "(fallback English)" },
  zh: { shared: "共享" },
};

test("a key is looked up in the current language", () => {
  const { t } = translator(dictionaries);
  assert.equal(t("hello"), "Hello");
  setLanguage("zh");
  assert.equal(t("hello"), "你好");
});

test("a function entry takes the call's arguments as its placeholders", () => {
  const { t, tIn } = translator(dictionaries);
  assert.equal(t("draws", 3), "3 draws left");
  assert.equal(tIn("zh", "draws", 2), "还剩 2 次");
});

test("a missing key falls back to the fallback's language, then English, then the key itself", () => {
  const { tIn } = translator(dictionaries, fallback);
  assert.equal(tIn("zh", "shared"), "共享", "the fallback in the same language");
  assert.equal(tIn("zh", "onlyEnglish"), "English only", "the page's English before the fallback's");
  assert.equal(tIn("en", "hello"), "Hello", "the page's own entry before the fallback's");
  assert.equal(tIn("zh", "nowhere"), "nowhere", "the key");
});

test("a language without a dictionary reads English", () => {
  const { tIn } = translator(dictionaries);
  assert.equal(tIn("fr", "hello"), "Hello");
});

test("setting a language sets the document's lang; an unknown language is English", () => {
  setLanguage("zh");
  assert.equal(lang(), "zh");
  assert.equal(document.documentElement.lang, "zh-CN");
  setLanguage("fr");
  assert.equal(lang(), "en");
  assert.equal(document.documentElement.lang, "en");
});

test("listeners hear a change once, not a repeat, and nothing after they stop", () => {
  const heard = [];
  const stop = onLanguageChange((language) => heard.push(language));
  setLanguage("zh");
  setLanguage("zh");
  setLanguage("en");
  stop();
  setLanguage("zh");
  assert.deepEqual(heard, ["zh", "en"]);
});

test("each language has an Intl locale, which a page may choose; an unknown one uses English's", () => {
  assert.equal(locale("zh"), "zh-CN");
  assert.equal(locale(), "en");
  useLocales({ en: "en-GB" });
  assert.equal(locale("en"), "en-GB");
  assert.equal(locale("fr"), "en-GB");
  assert.equal(locale("zh"), "zh-CN");
});

test("a persisted choice is the next visit's language", () => {
  setLanguage("zh", { persist: true });
  assert.equal(storage.get("blindbox:lang"), "zh");
  assert.equal(pickLanguage(), "zh");
});

test("without a saved choice the browser's first English or Chinese language wins, else English", () => {
  navigator.languages = ["fr-FR", "zh-TW", "en-US"];
  assert.equal(pickLanguage(), "zh");
  navigator.languages = ["de"];
  assert.equal(pickLanguage(), "en");
  storage.set("blindbox:lang", "klingon");
  navigator.languages = ["en-US"];
  assert.equal(pickLanguage(), "en", "an unknown saved choice is ignored");
});

test("static texts: [data-i18n] gets its text, [data-i18n-attr] its attributes", () => {
  const title = { dataset: { i18n: "hello" }, textContent: "" };
  const attributes = {};
  const button = {
    dataset: { i18nAttr: "aria-label:hello;title:shared" },
    setAttribute: (name, value) => (attributes[name] = value),
  };
  const root = {
    querySelectorAll: (selector) => ({ "[data-i18n]": [title], "[data-i18n-attr]": [button] })[selector],
  };
  const { t } = translator(dictionaries, fallback);
  translateStatic(t, root);
  assert.equal(title.textContent, "Hello");
  assert.deepEqual(attributes, { "aria-label": "Hello", title: "Shared" });
});
