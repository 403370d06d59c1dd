#include "golden_calls.h"

#include "blindbox.h"
#include "blindbox/entropy.h"
#include "blindbox/sha256.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <regex>
#include <string_view>

namespace blindbox::golden {

namespace {

using json = nlohmann::json;

// A small deterministic source of choices for building the corpus.
class Chooser {
  public:
    explicit Chooser(uint64_t seed) : seed_(seed) {}
    uint64_t below(uint64_t bound) {
        Entropy e = entropy_from_seed(seed_, index_++);
        uint64_t value = 0;
        for (int i = 0; i < 8; ++i)
            value = (value << 8) | e.bytes[i];
        return bound == 0 ? 0 : value % bound;
    }
    std::string entropy_hex() {
        Entropy e = entropy_from_seed(seed_ ^ 0x5eed, index_++);
        return to_hex(e.bytes.data(), e.bytes.size());
    }

  private:
    uint64_t seed_;
    uint64_t index_ = 0;
};

json prize(const std::string& id, int64_t stock, const std::string& odds) {
    json p = {{"id", id}, {"name", "Prize " + id}, {"stock", stock}};
    if (!odds.empty()) p["odds"] = odds;
    return p;
}

std::vector<json> campaigns() {
    json base = {{"id", "golden"},
                 {"title", "Golden"},
                 {"utc_offset", "+08:00"},
                 {"window", {{"first_day", "2026-11-01"}, {"last_day", "2026-11-30"}}},
                 {"limits", {{"draws_per_day", 5}, {"draws_per_campaign", 8}}}};
    std::vector<json> all;

    json many = base; // odds, lose, 20 prizes, pity
    json prizes = json::array();
    for (int i = 1; i <= 20; ++i) {
        prizes.push_back(
            prize("p" + std::to_string(i), i % 4 + 1,
                  i % 3 == 0 ? "1/" + std::to_string(50 + i) : "0.0" + std::to_string(i % 9 + 1)));
    }
    many["prize_table"] = {{"prizes", prizes}};
    many["pity"] = {{"after", 3}, {"prizes", {"p1", "p2"}}};
    all.push_back(many);

    json paced = base; // odds, redistribute, even pacing, opening hours
    paced["sold_out"] = "redistribute";
    paced["pacing"] = "even";
    paced["window"]["opens_at"] = "10:00";
    paced["window"]["closes_at"] = "22:00";
    paced["prize_table"] = {
        {"prizes", {prize("a", 6, "0.2"), prize("b", 3, "0.15"), prize("c", 40, "1/7")}}};
    paced["date_overrides"] = {{"2026-11-02", {{"prizes", {prize("a", 1, "0.5")}}}}};
    all.push_back(paced);

    json deck = base; // deck with pity
    deck["pool"] = "deck";
    deck["prize_table"] = {{"boxes", 40},
                           {"prizes", {prize("x", 2, ""), prize("y", 5, ""), prize("z", 9, "")}}};
    deck["pity"] = {{"after", 2}, {"prizes", {"z"}}};
    all.push_back(deck);

    json fractions = base; // awkward fractions
    fractions["prize_table"] = {{"prizes",
                                 {prize("f1", 3, "1/144"), prize("f2", 2, "1/7"),
                                  prize("f3", 9, "1/3"), prize("f4", 1, "0.000000001")}}};
    all.push_back(fractions);
    return all;
}

} // namespace

Corpus golden_corpus() {
    Corpus corpus;
    const std::vector<json> documents = campaigns();
    Chooser choose(20261128);
    const int64_t day_start = 1793462400; // 2026-11-01 00:00 +08:00 is 2026-10-31 16:00 UTC
    for (size_t c = 0; c < documents.size(); ++c) {
        const json& campaign = documents[c];
        corpus.campaigns.push_back(campaign.dump());
        const int index = static_cast<int>(c);
        const json& prizes = campaign["prize_table"]["prizes"];
        auto random_issued = [&]() {
            json issued = json::object();
            for (const auto& p : prizes) {
                const uint64_t stock = p["stock"].get<uint64_t>();
                if (choose.below(3) != 0)
                    issued[p["id"].get<std::string>()] = choose.below(stock + 1);
            }
            return issued;
        };
        const bool is_deck = campaign.value("pool", "odds") == "deck";
        const int64_t boxes = is_deck ? campaign["prize_table"]["boxes"].get<int64_t>() : 0;

        for (int i = 0; i < 150; ++i) {
            json request = {{"day", "2026-11-0" + std::to_string(1 + choose.below(3))},
                            {"seconds_since_open", choose.below(12 * 3600)},
                            {"issued", random_issued()},
                            {"pity_streak", choose.below(5)},
                            {"entropy", choose.entropy_hex()}};
            if (is_deck) request["boxes_opened"] = choose.below(static_cast<uint64_t>(boxes) / 2);
            corpus.calls.push_back({index, "decide", request.dump()});
        }
        for (int i = 0; i < 8; ++i) {
            json request = {{"day", "2026-11-01"},
                            {"seconds_since_open", choose.below(12 * 3600)},
                            {"issued", random_issued()}};
            if (is_deck) request["boxes_opened"] = 16 + choose.below(20);
            corpus.calls.push_back({index, "odds", request.dump()});
        }
        corpus.calls.push_back({index, "reset", "{}"});
        for (int i = 0; i < 200; ++i) {
            const int player = static_cast<int>(choose.below(40));
            json request = {{"now", day_start + static_cast<int64_t>(choose.below(2 * 86400))},
                            {"player", "player-" + std::to_string(player)},
                            {"entropy", choose.entropy_hex()}};
            // Some requests carry ids, and some of those repeat.
            if (choose.below(4) == 0)
                request["request_id"] = "r" + std::to_string(choose.below(30));
            corpus.calls.push_back({index, "draw", request.dump()});
        }
        json counters_odds = {
            {"day", "2026-11-01"}, {"seconds_since_open", 40000}, {"stock", "counters"}};
        corpus.calls.push_back({index, "odds", counters_odds.dump()});
    }
    return corpus;
}

std::string replay(int32_t handle, const Call& call) {
    const auto size = static_cast<uint32_t>(call.request.size());
    int32_t status = 0;
    if (call.function == "reset") {
        status = bb_memory_reset();
    } else if (call.function == "decide") {
        status = bb_decide(handle, call.request.data(), size);
    } else if (call.function == "draw") {
        status = bb_draw(handle, call.request.data(), size);
    } else if (call.function == "odds") {
        status = bb_odds(handle, call.request.data(), size);
    } else {
        return "unknown function " + call.function;
    }
    std::string result(reinterpret_cast<const char*>(bb_result_ptr()), bb_result_len());
    static const std::regex token(R"("claim_token":"[A-Za-z0-9_-]{24}")");
    static const std::regex hash(R"("claim_token_hash":"[0-9a-f]{64}")");
    result = std::regex_replace(result, token, R"("claim_token":"<token>")");
    result = std::regex_replace(result, hash, R"("claim_token_hash":"<hash>")");
    return std::to_string(status) + " " + result;
}

namespace {

using ordered_json = nlohmann::ordered_json;

void copy_present(ordered_json& decision, const ordered_json& reply,
                  std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        if (!reply.contains(key)) continue;
        const ordered_json& value = reply[key];
        // A prize appears as its id: its name and picture are the report's.
        decision[key] = std::string_view(key) == "prize" && value.is_object() ? value["id"] : value;
    }
}

ordered_json odds_decision(const ordered_json& reply) {
    ordered_json prizes = ordered_json::array();
    for (const auto& prize : reply["prizes"]) {
        prizes.push_back({{"id", prize["id"]},
                          {"stock_left", prize["stock_left"]},
                          {"released", prize["released"]},
                          {"available", prize["available"]},
                          {"effective", prize["odds"]["effective"]["fraction"]}});
    }
    ordered_json decision = {{"prizes", std::move(prizes)},
                             {"win", reply["win"]["effective"]["fraction"]}};
    if (reply.contains("boxes_left")) decision["boxes_left"] = reply["boxes_left"];
    return decision;
}

} // namespace

std::string decision_of(const Call& call, const std::string& result) {
    const size_t space = result.find(' ');
    const int status = std::stoi(result.substr(0, space));
    const ordered_json reply = ordered_json::parse(result.substr(space + 1), nullptr, false);
    ordered_json decision = {{"status", status}};
    if (reply.is_discarded()) {
        decision["unreadable"] = true;
    } else if (reply.contains("error")) {
        decision["error"] = reply["error"]["code"];
    } else if (call.function == "decide") {
        copy_present(decision, reply, {"prize", "sold_out_prize", "by_pity"});
    } else if (call.function == "draw") {
        decision["outcome"] = reply["status"];
        copy_present(
            decision, reply,
            {"day", "prize", "by_pity", "player_draw_number", "draws_today", "pity_streak"});
    } else if (call.function == "odds") {
        decision.update(odds_decision(reply));
    }
    return decision.dump();
}

} // namespace blindbox::golden
