// The C ABI: every call either succeeds or returns an error value with a
// machine code, a message and the field at fault. None may crash on bad
// input (the wasm builds would trap). Over 400 lines on purpose: every call's
// contract in one place, over the helpers at the top.

#include "blindbox.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

using namespace blindbox::test;

namespace {

std::string result_text() {
    return std::string(reinterpret_cast<const char*>(bb_result_ptr()), bb_result_len());
}

json result_json() {
    return json::parse(result_text(), nullptr, false);
}

int32_t call(int32_t (*fn)(int32_t, const char*, uint32_t), int32_t handle,
             const std::string& text) {
    return fn(handle, text.data(), static_cast<uint32_t>(text.size()));
}

int32_t load(const json& document) {
    const std::string text = document.dump();
    return bb_campaign_load(text.data(), static_cast<uint32_t>(text.size()));
}

// The error a failed call left: code, field, message.
struct Error {
    std::string code, field, message;
};

Error last_error() {
    json body = result_json();
    REQUIRE(body.contains("error"));
    const json& error = body["error"];
    return {error.value("code", ""), error.value("field", ""), error.value("message", "")};
}

// The base campaign where every draw is a blank but the pity draw (silver,
// after 2 blanks), with 2 draws a day and 3 in all.
json campaign_of_blanks_and_pity() {
    json document = base_campaign();
    document["limits"] = {{"draws_per_day", 2}, {"draws_per_campaign", 3}};
    document["prize_table"]["prizes"][0]["odds"] = "0";
    document["prize_table"]["prizes"][1]["odds"] = "0";
    document["pity"] = {{"after", 2}, {"prizes", {"silver"}}};
    return document;
}

// A draw request for a status request's player and time, with fixed entropy.
std::string draw_request_of(const std::string& status_request) {
    json request = json::parse(status_request);
    request["entropy"] = std::string(64, '0');
    return request.dump();
}

// Byte-level mutations of a valid request: 1 to 4 flips, truncations,
// insertions or erasures, drawn from a xorshift generator.
class RequestMangler {
  public:
    std::string mangle(std::string text) {
        const int mutations = 1 + static_cast<int>(next() % 4);
        for (int m = 0; m < mutations && !text.empty(); ++m) {
            const size_t at = next() % text.size();
            switch (next() % 4) {
            case 0:
                text[at] = static_cast<char>(next() & 0xFF);
                break;
            case 1:
                text.resize(at);
                break;
            case 2:
                text.insert(at, 1, "{}[]\",:0-9e\\"[next() % 12]);
                break;
            default:
                text.erase(at, 1 + next() % 3);
                break;
            }
        }
        return text;
    }

    uint64_t next() {
        state_ ^= state_ << 13;
        state_ ^= state_ >> 7;
        state_ ^= state_ << 17;
        return state_;
    }

  private:
    uint64_t state_ = 12345;
};

} // namespace

TEST_CASE("a campaign is validated, loaded and described through the ABI") {
    const std::string text = base_campaign().dump();
    CHECK(bb_validate(text.data(), static_cast<uint32_t>(text.size())) == BB_OK);
    CHECK(result_text() == R"({"valid":true})");
    const int32_t handle = load(base_campaign());
    REQUIRE(handle > 0);
    CHECK(result_json()["id"] == "test-campaign");
    CHECK(bb_campaign_describe(handle) == BB_OK);
    CHECK(result_json()["limits"]["draws_per_day"] == 1000);
    CHECK(bb_campaign_unload(handle) == BB_OK);
    CHECK(bb_campaign_describe(handle) == BB_E_ARGUMENT);
    CHECK(last_error().code == "unknown_handle");
}

TEST_CASE("the page's theme rides beside a loaded campaign into its summary") {
    json document = base_campaign();
    document["theme"] = json::parse(R"({"primary_color": "#C8102E", "logo": "/logo.svg",
        "headline": {"en": "Open a box", "zh": "开一个福盒"}})");
    const int32_t handle = load(document);
    REQUIRE(handle > 0);
    const std::string theme_text =
        R"("theme":{"headline":{"en":"Open a box","zh":"开一个福盒"},"logo":"/logo.svg",)"
        R"("primary_color":"#C8102E"})";
    const std::string loaded = result_text();
    CHECK(loaded.find(theme_text) != std::string::npos);
    CHECK(bb_campaign_describe(handle) == BB_OK);
    CHECK(result_text() == loaded);
    CHECK(bb_campaign_unload(handle) == BB_OK);

    const int32_t plain = load(base_campaign());
    REQUIRE(plain > 0);
    CHECK(result_json()["theme"] == json::object());
    CHECK(bb_campaign_unload(plain) == BB_OK);
}

TEST_CASE("an invalid campaign lists every problem with its field") {
    json document = base_campaign();
    document["utc_offset"] = "8";
    document["prize_table"]["prizes"][0]["stock"] = -1;
    const std::string text = document.dump();
    CHECK(bb_campaign_load(text.data(), static_cast<uint32_t>(text.size())) == BB_E_INVALID);
    json body = result_json();
    CHECK(body["error"]["code"] == "invalid_campaign");
    CHECK(body["error"]["message"] == "2 problems");
    CHECK(body["error"]["field"] == "/utc_offset");
    REQUIRE(body["error"]["errors"].size() == 2);
    CHECK(body["error"]["errors"][1]["field"] == "/prize_table/prizes/0/stock");
}

TEST_CASE("malformed calls return errors and never crash") {
    const int32_t handle = load(base_campaign());
    REQUIRE(handle > 0);

    SUBCASE("null or oversized buffers") {
        CHECK(bb_validate(nullptr, 10) == BB_E_ARGUMENT);
        CHECK(last_error().code == "invalid_argument");
        CHECK(bb_odds(handle, "{}", BB_MAX_INPUT + 1) == BB_E_ARGUMENT);
        CHECK(bb_alloc(0) == nullptr);
        CHECK(bb_alloc(BB_MAX_INPUT + 1) == nullptr);
        bb_free(nullptr);
    }
    SUBCASE("unknown handles") {
        for (int32_t bad : {0, -1, 9999, handle + 1000}) {
            CHECK(call(bb_draw, bad, "{}") == BB_E_ARGUMENT);
            CHECK(call(bb_player_status, bad, R"({"now": 1793592000, "player": "a"})") ==
                  BB_E_ARGUMENT);
            CHECK(last_error().code == "unknown_handle");
            CHECK(bb_campaign_unload(bad) == BB_E_ARGUMENT);
        }
    }
    SUBCASE("input that is not JSON, or not an object") {
        CHECK(call(bb_draw, handle, "{\"now\": ") == BB_E_INVALID);
        CHECK(last_error().code == "invalid_request");
        CHECK(last_error().message.rfind("not valid JSON", 0) == 0);
        CHECK(call(bb_draw, handle, "[1,2]") == BB_E_INVALID);
        CHECK(call(bb_draw, handle, "") == BB_E_INVALID);
        CHECK(bb_validate("\xff\xfe", 2) == BB_E_INVALID);
    }
    SUBCASE("wrong types and unknown fields name the field") {
        CHECK(call(bb_draw, handle, R"({"now": "soon", "player": "a"})") == BB_E_INVALID);
        CHECK(last_error().field == "/now");
        CHECK(call(bb_draw, handle, R"({"now": 1793500000, "player": 7})") == BB_E_INVALID);
        CHECK(last_error().field == "/player");
        CHECK(call(bb_draw, handle, R"({"now": 1793500000, "player": "a", "cheat": 1})") ==
              BB_E_INVALID);
        CHECK(last_error().field == "/cheat");
        CHECK(call(bb_draw, handle, R"({"now": 1793500000, "player": "a", "entropy": "zz"})") ==
              BB_E_INVALID);
        CHECK(last_error().field == "/entropy");
        CHECK(call(bb_odds, handle, R"({"day": "2026-11-05", "issued": {"nope": 1}})") ==
              BB_E_INVALID);
        CHECK(last_error().field == "/issued/nope");
        CHECK(call(bb_simulate, handle, R"({"day": "2026-11-05", "players": 0})") == BB_E_INVALID);
        CHECK(last_error().field == "/players");
    }
    SUBCASE("a simulation over 100 million draws is refused, naming /players") {
        CHECK(call(bb_simulate, handle,
                   R"({"day": "2026-11-05", "players": 100000000, "draws_per_player": 2})") ==
              BB_E_INVALID);
        CHECK(last_error().field == "/players");
        CHECK(last_error().message == "players x draws per player must be at most 100000000");
    }
    bb_campaign_unload(handle);
}

TEST_CASE("a draw through the ABI returns a claim token only for a win") {
    json document = base_campaign();
    document["prize_table"]["prizes"][0]["odds"] = "1";
    document["prize_table"]["prizes"][1]["odds"] = "0";
    const int32_t handle = load(document);
    REQUIRE(handle > 0);
    bb_memory_reset();
    const int64_t noon = 1793592000; // 2026-11-02 12:00 +08:00
    const std::string request =
        R"({"now": )" + std::to_string(noon) + R"(, "player": "alice", "request_id": "r1"})";
    REQUIRE(call(bb_draw, handle, request) == BB_OK);
    json win = result_json();
    CHECK(win["status"] == "win");
    CHECK(win["prize"]["id"] == "gold");
    const std::string token = win["claim_token"];
    const std::string hash = win["claim_token_hash"];
    CHECK(token.size() == 24);
    CHECK(win["entropy"].get<std::string>().size() == 64);

    const std::string match = json{{"token", token}, {"hash", hash}}.dump();
    CHECK(bb_claim_token_matches(match.data(), static_cast<uint32_t>(match.size())) == 1);
    const std::string other = json{{"token", std::string(24, 'A')}, {"hash", hash}}.dump();
    CHECK(bb_claim_token_matches(other.data(), static_cast<uint32_t>(other.size())) == 0);

    REQUIRE(call(bb_draw, handle, request) == BB_OK);
    json again = result_json();
    CHECK(again["status"] == "duplicate_request");
    CHECK_FALSE(again.contains("claim_token"));

    // Gold has stock 2: the third draw is a blank with no token.
    REQUIRE(call(bb_draw, handle, R"({"now": 1793592000, "player": "bob"})") == BB_OK);
    REQUIRE(call(bb_draw, handle, R"({"now": 1793592000, "player": "carol"})") == BB_OK);
    json blank = result_json();
    CHECK(blank["status"] == "blank");
    CHECK_FALSE(blank.contains("claim_token"));
    bb_campaign_unload(handle);
}

TEST_CASE("a player's status through the ABI shows the draws and the pity countdown left") {
    const int32_t handle = load(campaign_of_blanks_and_pity());
    REQUIRE(handle > 0);
    bb_memory_reset();
    const std::string day_one = R"({"now": 1793592000, "player": "alice"})"; // 2026-11-02 12:00
    const std::string day_two = R"({"now": 1793678400, "player": "alice"})"; // 2026-11-03 12:00

    REQUIRE(call(bb_player_status, handle, day_one) == BB_OK);
    CHECK(result_text() ==
          R"({"clock":{"day":"2026-11-02","seconds_since_open":43200,"status":"open"},)"
          R"("day":"2026-11-02","draws_left_in_campaign":3,"draws_left_today":2,)"
          R"("draws_today":0,"draws_total":0,)"
          R"("pity":{"after":2,"draws_until_guaranteed":3,"streak":0}})");

    // Two blanks (every prize has odds 0): the daily limit is used up and the
    // next draw is the guaranteed one.
    for (int i = 0; i < 2; ++i) {
        REQUIRE(call(bb_draw, handle, draw_request_of(day_one)) == BB_OK);
        REQUIRE(result_json()["status"] == "blank");
    }
    REQUIRE(call(bb_player_status, handle, day_one) == BB_OK);
    json status = result_json();
    CHECK(status["draws_today"] == 2);
    CHECK(status["draws_left_today"] == 0);
    CHECK(status["draws_total"] == 2);
    CHECK(status["draws_left_in_campaign"] == 1);
    CHECK(status["pity"] == json{{"after", 2}, {"streak", 2}, {"draws_until_guaranteed", 1}});

    // The next day the count for today starts again; the pity draw wins and
    // uses up the campaign limit.
    REQUIRE(call(bb_player_status, handle, day_two) == BB_OK);
    status = result_json();
    CHECK(status["day"] == "2026-11-03");
    CHECK(status["draws_today"] == 0);
    CHECK(status["draws_left_today"] == 2);
    REQUIRE(call(bb_draw, handle, draw_request_of(day_two)) == BB_OK);
    REQUIRE(result_json()["status"] == "win");
    REQUIRE(call(bb_player_status, handle, day_two) == BB_OK);
    status = result_json();
    CHECK(status["draws_left_today"] == 1);
    CHECK(status["draws_total"] == 3);
    CHECK(status["draws_left_in_campaign"] == 0);
    CHECK(status["pity"]["streak"] == 0);
    CHECK(status["pity"]["draws_until_guaranteed"] == 3);

    SUBCASE("another player has a clean slate") {
        REQUIRE(call(bb_player_status, handle, R"({"now": 1793592000, "player": "bob"})") == BB_OK);
        CHECK(result_json()["draws_total"] == 0);
        CHECK(result_json()["pity"]["streak"] == 0);
    }
    SUBCASE("a paused or unopened campaign still answers, with its clock") {
        REQUIRE(call(bb_player_status, handle,
                     R"({"now": 1793592000, "player": "alice", "paused": true})") == BB_OK);
        CHECK(result_json()["clock"]["status"] == "paused");
        CHECK(result_json()["draws_today"] == 2);
        REQUIRE(call(bb_player_status, handle, R"({"now": 1793000000, "player": "alice"})") ==
                BB_OK);
        CHECK(result_json()["clock"]["status"] == "scheduled");
        CHECK(result_json()["clock"].contains("next_open_unix"));
    }
    bb_campaign_unload(handle);
}

TEST_CASE("a player's status without limits or pity has nulls for them") {
    const int32_t handle = load(base_campaign());
    REQUIRE(handle > 0);
    bb_memory_reset();
    REQUIRE(call(bb_player_status, handle, R"({"now": 1793592000, "player": "alice"})") == BB_OK);
    json status = result_json();
    CHECK(status["draws_left_today"] == 1000);
    CHECK(status["draws_left_in_campaign"].is_null());
    CHECK(status["pity"].is_null());
    bb_campaign_unload(handle);
}

TEST_CASE("a player's status refuses the requests a draw refuses, with the same error") {
    const int32_t handle = load(base_campaign());
    REQUIRE(handle > 0);
    const std::string long_name =
        json{{"now", 1793592000}, {"player", std::string(129, 'a')}}.dump();
    const std::vector<std::pair<std::string, std::string>> refused = {
        {R"({"now": 1793592000})", "/player"},
        {R"({"player": "a"})", "/now"},
        {R"({"now": "soon", "player": "a"})", "/now"},
        {R"({"now": -1, "player": "a"})", "/now"},
        {R"({"now": 1.5, "player": "a"})", "/now"},
        {R"({"now": 1793592000, "player": 7})", "/player"},
        {R"({"now": 1793592000, "player": ""})", "/player"},
        {long_name, "/player"},
        {R"({"now": 1793592000, "player": "a", "paused": "yes"})", "/paused"},
        {R"({"now": 1793592000, "player": "a", "cheat": 1})", "/cheat"},
        {R"({"now": )", ""},
        {R"([1, 2])", ""},
    };
    for (const auto& refusal : refused) {
        const std::string& request = refusal.first;
        const std::string& field = refusal.second;
        CAPTURE(request);
        CHECK(call(bb_player_status, handle, request) == BB_E_INVALID);
        const Error status_error = last_error();
        CHECK(status_error.code == "invalid_request");
        CHECK(status_error.field == field);
        CHECK(call(bb_draw, handle, request) == BB_E_INVALID);
        const Error draw_error = last_error();
        CHECK(draw_error.code == status_error.code);
        CHECK(draw_error.field == status_error.field);
        CHECK(draw_error.message == status_error.message);
    }
    // A draw's own members are not a status's.
    CHECK(call(bb_player_status, handle,
               R"({"now": 1793592000, "player": "a", "request_id": "r"})") == BB_E_INVALID);
    CHECK(last_error().field == "/request_id");
    bb_campaign_unload(handle);
}

TEST_CASE("odds through the ABI read explicit stock or the counters") {
    const int32_t handle = load(base_campaign());
    REQUIRE(handle > 0);
    REQUIRE(call(bb_odds, handle, R"({"day": "2026-11-05", "issued": {"gold": 2}})") == BB_OK);
    json report = result_json();
    CHECK(report["prizes"][0]["stock_left"] == 0);
    CHECK(report["prizes"][0]["odds"]["disclosed"]["fraction"] == "1/10");
    CHECK(report["prizes"][0]["odds"]["effective"]["fraction"] == "0/1");
    CHECK(report["win"]["effective"]["decimal"] == "0.200000000");
    bb_memory_reset();
    REQUIRE(call(bb_odds, handle, R"({"now": 1793592000, "stock": "counters"})") == BB_OK);
    CHECK(result_json()["prizes"][0]["stock_left"] == 2);
    bb_campaign_unload(handle);
}

TEST_CASE("mangled requests never crash any entry point") {
    // Byte-level mutations of valid requests (RequestMangler). Run under the sanitizer preset too,
    // this is the ABI's no-trap promise.
    json document = base_campaign();
    document["pity"] = {{"after", 2}, {"prizes", {"silver"}}};
    const int32_t handle = load(document);
    REQUIRE(handle > 0);
    const std::string campaign_text = document.dump();
    const std::vector<std::string> seeds = {
        R"({"now": 1793592000, "player": "alice", "request_id": "r1", "paused": false})",
        R"({"day": "2026-11-05", "seconds_since_open": 100, "issued": {"gold": 1}, "pity_streak": 2, "entropy": "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"})",
        R"({"day": "2026-11-05", "players": 20, "draws_per_player": 2, "seed": 3})",
        R"({"token": "AAAAAAAAAAAAAAAAAAAAAAAA", "hash": "00"})",
    };
    RequestMangler mangler;
    int calls = 0;
    for (int round = 0; round < 400; ++round) {
        for (const std::string& seed : seeds) {
            const std::string text = mangler.mangle(seed);
            const auto size = static_cast<uint32_t>(text.size());
            bb_draw(handle, text.data(), size);
            bb_player_status(handle, text.data(), size);
            bb_decide(handle, text.data(), size);
            bb_odds(handle, text.data(), size);
            bb_clock(handle, text.data(), size);
            bb_simulate(handle, text.data(), size);
            bb_claim_token_matches(text.data(), size);
            bb_validate(text.data(), size);
            CHECK(bb_result_len() > 0);
            calls += 8;
        }
        // Mangled campaigns too.
        std::string broken = campaign_text;
        broken[mangler.next() % broken.size()] = static_cast<char>(mangler.next() & 0xFF);
        const int32_t other = bb_campaign_load(broken.data(), static_cast<uint32_t>(broken.size()));
        if (other > 0) bb_campaign_unload(other);
    }
    CHECK(calls == 400 * 4 * 8);
    bb_campaign_unload(handle);
}

namespace {

int32_t call_text(int32_t (*fn)(const char*, uint32_t), const std::string& text) {
    return fn(text.data(), static_cast<uint32_t>(text.size()));
}

// Two units of gold and one of silver won at noon on 2026-11-02 (+08:00).
void win_gold_twice_and_silver(int32_t handle) {
    bb_memory_reset();
    // The core decides the prizes: draw with fixed entropies until the counts
    // are reached (gold's stock of 2 stops it there).
    int gold = 0, silver = 0;
    for (int i = 0; i < 4096 && (gold < 2 || silver < 1); ++i) {
        char hex[65];
        std::snprintf(hex, sizeof hex, "%064x", i);
        json request = {{"now", 1793592000}, {"player", "p" + std::to_string(i)}, {"entropy", hex}};
        REQUIRE(call(bb_draw, handle, request.dump()) == BB_OK);
        const json result = result_json();
        if (result["status"] != "win") continue;
        (result["prize"]["id"] == "gold" ? gold : silver)++;
    }
    REQUIRE(gold == 2);
    REQUIRE(silver >= 1);
}

} // namespace

TEST_CASE("a draw returns the allowance the page shows after it") {
    json document = base_campaign();
    document["limits"] = {{"draws_per_day", 2}, {"draws_per_campaign", 3}};
    document["pity"] = {{"after", 2}, {"prizes", {"silver"}}};
    document["prize_table"]["prizes"][0]["odds"] = "0";
    document["prize_table"]["prizes"][1]["odds"] = "0";
    const int32_t handle = load(document);
    REQUIRE(handle > 0);
    bb_memory_reset();
    const std::string request = R"({"now": 1793592000, "player": "alice"})";
    REQUIRE(call(bb_draw, handle, request) == BB_OK);
    json blank = result_json();
    CHECK(blank["draws_left_today"] == 1);
    CHECK(blank["draws_left_in_campaign"] == 2);
    CHECK(blank["draws_until_guaranteed"] == 2);
    REQUIRE(call(bb_draw, handle, request) == BB_OK);
    REQUIRE(call(bb_draw, handle, request) == BB_OK);
    json refused = result_json();
    CHECK(refused["status"] == "daily_limit_reached");
    CHECK(refused["draws_per_day"] == 2);
    bb_campaign_unload(handle);

    SUBCASE("without limits or pity the allowance has nulls") {
        const int32_t plain = load(base_campaign());
        bb_memory_reset();
        REQUIRE(call(bb_draw, plain, request) == BB_OK);
        CHECK(result_json()["draws_left_today"] == 999);
        CHECK(result_json()["draws_left_in_campaign"].is_null());
        CHECK(result_json()["draws_until_guaranteed"].is_null());
        bb_campaign_unload(plain);
    }
}

TEST_CASE("a day's stock through the ABI reads the counters the draws wrote") {
    const int32_t handle = load(base_campaign());
    REQUIRE(handle > 0);
    win_gold_twice_and_silver(handle);
    REQUIRE(call(bb_day_stock, handle, R"({"now": 1793592000})") == BB_OK);
    json stock = result_json();
    CHECK(stock["day"] == "2026-11-02");
    REQUIRE(stock["prizes"].size() == 2);
    CHECK(stock["prizes"][0] ==
          json{{"id", "gold"}, {"name", "Gold"}, {"stock", 2}, {"issued", 2}, {"left", 0}});
    CHECK(stock["prizes"][1]["issued"].get<int>() >= 1);
    CHECK_FALSE(stock.contains("boxes"));
    REQUIRE(call(bb_day_stock, handle, R"({"day": "2026-11-03"})") == BB_OK);
    CHECK(result_json()["prizes"][0]["issued"] == 0);
    CHECK(call(bb_day_stock, handle, R"({"day": "soon"})") == BB_E_INVALID);
    CHECK(last_error().field == "/day");
    bb_campaign_unload(handle);
}

TEST_CASE("odds from a host's snapshot may skip counts of prizes the day no longer has") {
    const int32_t handle = load(base_campaign());
    REQUIRE(handle > 0);
    const std::string counts = R"("day": "2026-11-05", "issued": {"gold": 1, "old": 3})";
    CHECK(call(bb_odds, handle, "{" + counts + "}") == BB_E_INVALID);
    CHECK(last_error().field == "/issued/old");
    REQUIRE(call(bb_odds, handle, "{" + counts + R"(, "other_prizes": "skip"})") == BB_OK);
    CHECK(result_json()["prizes"][0]["stock_left"] == 1);
    CHECK(call(bb_odds, handle, "{" + counts + R"(, "other_prizes": "maybe"})") == BB_E_INVALID);
    CHECK(last_error().field == "/other_prizes");
    bb_campaign_unload(handle);
}

TEST_CASE("a proposed change is checked against today's counters through the ABI") {
    const int32_t current = load(base_campaign());
    REQUIRE(current > 0);
    win_gold_twice_and_silver(current);
    json document = base_campaign();
    document["prize_table"]["prizes"][0]["stock"] = 1;
    const int32_t proposed = load(document);
    REQUIRE(proposed > 0);
    const std::string request =
        R"({"now": 1793592000, "current": )" + std::to_string(current) + "}";
    REQUIRE(call(bb_change_check, proposed, request) == BB_OK);
    CHECK(
        result_text() ==
        R"x({"changes":[{"after":"1","before":"2","kind":"stock","name":"Gold","prize":"gold"}],)x"
        R"x("day":"2026-11-02","problem":{"field":"/prize_table/prizes/0/)x"
        R"x(stock","message":"stock 1 is below the 2 already won today )x"
        R"x((2026-11-02)"}})x");
    REQUIRE(call(bb_change_check, current, request) == BB_OK);
    CHECK(result_text() == R"({"changes":[],"day":"2026-11-02","problem":null})");
    REQUIRE(call(bb_change_check, proposed, R"({"now": 1793592000})") == BB_OK);
    // Without the current definition only the proposal's own prizes are checked.
    CHECK(result_json()["problem"]["field"] == "/prize_table/prizes/0/stock");
    CHECK(result_json()["changes"].empty());
    CHECK(call(bb_change_check, proposed, R"({"now": 1793592000, "current": 9999})") ==
          BB_E_ARGUMENT);
    CHECK(last_error().field == "/current");
    bb_campaign_unload(proposed);
    bb_campaign_unload(current);
}

TEST_CASE("odds texts through the ABI come back as the console shows them") {
    REQUIRE(call_text(bb_odds_text,
                      R"({"odds": ["0.0005", "1/144", " 0.5"], "previous": ["0.002"]})") == BB_OK);
    json out = result_json();
    CHECK(out["prizes"][0] == json{{"valid", true},
                                   {"fraction", "1/2000"},
                                   {"decimal", "0.000500000"},
                                   {"percent", "0.0500%"},
                                   {"percent_short", "0.0500%"},
                                   {"percent_brief", "0.05%"},
                                   {"one_in", 2000},
                                   {"compared", "lower"}});
    CHECK(out["prizes"][1]["compared"].is_null());
    CHECK(out["prizes"][2]["valid"] == false);
    CHECK(out["prizes"][2]["problem"].get<std::string>().rfind("must be a decimal", 0) == 0);
    CHECK(out["total"].is_null());
    CHECK(out["blank"].is_null());

    REQUIRE(call_text(bb_odds_text, R"({"odds": ["0.25", "1/4"]})") == BB_OK);
    out = result_json();
    CHECK(out["total"]["fraction"] == "1/2");
    CHECK(out["blank"]["percent"] == "50.0000%");
    CHECK(out["over_one"] == false);
    CHECK(out["problem"].is_null());

    REQUIRE(call_text(bb_odds_text, R"({"odds": ["0.75", "1/2"]})") == BB_OK);
    out = result_json();
    CHECK(out["over_one"] == true);
    CHECK(out["problem"] == "odds add up to 5/4 (1.250000000), more than 1");

    REQUIRE(call_text(bb_odds_text,
                      R"({"pairs": [["1/3", "1/4"], ["2/4", "1/2"], ["1/3", 7], ["1/3"]]})") ==
            BB_OK);
    CHECK(result_json()["pairs"] == json{"higher", "same", nullptr, nullptr});
    REQUIRE(call_text(bb_odds_text, R"({"shares": ["1/2000", "3/2", 1]})") == BB_OK);
    CHECK(result_json()["shares"][0]["percent"] == "0.0500%");
    CHECK(result_json()["shares"][1].is_null());
    CHECK(result_json()["shares"][2].is_null());
    CHECK(result_json()["prizes"].empty());

    CHECK(call_text(bb_odds_text, R"({"odds": "0.5"})") == BB_E_INVALID);
    CHECK(last_error().field == "/odds");
    CHECK(call_text(bb_odds_text, R"({"pairs": {}})") == BB_E_INVALID);
    CHECK(bb_odds_text(nullptr, 4) == BB_E_ARGUMENT);
}

TEST_CASE("days and clock texts through the ABI") {
    // 2026-11-02 12:00 at +08:00 is 04:00 UTC.
    REQUIRE(call_text(bb_calendar,
                      R"({"utc_offset": "+08:00", "now": 1793592000, "add_days": 30, "span": 2,)"
                      R"( "times": ["10:00", "24:00"], "viewer_offset_minutes": -300,)"
                      R"( "labels": {"opens_at": "10:00", "seconds_since_open": [0, 5430]}})") ==
            BB_OK);
    json out = result_json();
    CHECK(out["utc_offset_minutes"] == 480);
    CHECK(out["today"] == "2026-11-02");
    CHECK(out["time"] == "12:00");
    CHECK(out["day"] == "2026-12-02");
    CHECK(out["days"] == json{"2026-12-02", "2026-12-03"});
    CHECK(out["times"][0] == json{{"at", "10:00"}, {"unix", 1796176800}, {"viewer", "21:00"}});
    CHECK(out["times"][1]["at"] == "24:00");
    CHECK(out["labels"] == json{"10:00", "11:31"});

    REQUIRE(call_text(bb_calendar, R"({"utc_offset": "Z", "day": "2026-02-28", "add_days": 1})") ==
            BB_OK);
    CHECK(result_text() == R"({"day":"2026-03-01","utc_offset_minutes":0})");

    CHECK(call_text(bb_calendar, R"({"utc_offset": "+8"})") == BB_E_INVALID);
    CHECK(last_error().field == "/utc_offset");
    CHECK(call_text(bb_calendar, R"({"utc_offset": "Z", "times": ["25:00"]})") == BB_E_INVALID);
    CHECK(last_error().field == "/times/0");
    CHECK(call_text(bb_calendar, R"({"utc_offset": "Z", "day": "1970-01-01", "add_days": -1})") ==
          BB_E_INVALID);
    CHECK(last_error().field == "/add_days");
}

TEST_CASE("simulated runs through the ABI are summed up for the forecast") {
    const int32_t handle = load(base_campaign());
    REQUIRE(handle > 0);
    json runs = json::array();
    for (int seed = 1; seed <= 3; ++seed) {
        const std::string request =
            R"({"day": "2026-11-05", "players": 50, "seed": )" + std::to_string(seed) + "}";
        REQUIRE(call(bb_simulate, handle, request) == BB_OK);
        runs.push_back(result_json());
    }
    const std::string request = json{{"runs", runs}}.dump();
    REQUIRE(call_text(bb_forecast, request) == BB_OK);
    const json out = result_json();
    CHECK(out["runs"] == 3);
    CHECK(out["draws"]["whole"] == "50000"); // 50 players x the daily limit of 1000
    REQUIRE(out["prizes"].size() == 2);
    CHECK(out["prizes"][0]["id"] == "gold");
    CHECK(out["prizes"][0]["stock"] == 2);
    CHECK(out["prizes"][0].contains("median_sold_out_seconds"));
    CHECK(out["win_rate"].contains("percent_whole"));
    // Gold (stock 2) goes in every run of 50,000 draws; its share of runs with stock left is 0.
    CHECK(out["prizes"][0]["still_in_stock"]["decimal_brief"] == "0");

    runs[1]["prizes"][0]["id"] = "other";
    CHECK(call_text(bb_forecast, json{{"runs", runs}}.dump()) == BB_E_INVALID);
    CHECK(last_error().field == "/runs/1/prizes/0");
    CHECK(call_text(bb_forecast, R"({"runs": []})") == BB_E_INVALID);
    CHECK(last_error().field == "/runs");
    CHECK(call_text(bb_forecast, R"({"runs": [{"players": 1}]})") == BB_E_INVALID);
    bb_campaign_unload(handle);
}
