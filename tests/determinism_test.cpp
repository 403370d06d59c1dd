// The native side of the golden determinism check (see golden/golden_calls.h);
// tests/wasm/golden.mjs replays the same files through the WASI and
// Emscripten builds.

#include "golden/golden_calls.h"

#include "blindbox.h"
#include "blindbox/sha256.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace blindbox;
using ordered_json = nlohmann::ordered_json;

namespace {

// tests/golden/NAME, parsed with its members in file order.
ordered_json read_golden_file(const char* name) {
    std::ifstream in(std::string(BLINDBOX_SOURCE_DIR "/tests/golden/") + name);
    std::stringstream text;
    text << in.rdbuf();
    return ordered_json::parse(text.str(), nullptr, false);
}

struct Replay {
    size_t decision_mismatches = 0;
    size_t report_mismatches = 0;
    size_t wins = 0;
    size_t blanks = 0;
    std::string decisions_digest;
    std::string reports_digest;
};

Replay replay_corpus(const ordered_json& decisions, const ordered_json& reports) {
    std::vector<int32_t> handles;
    for (const auto& text : decisions["campaigns"]) {
        const auto& campaign = text.get_ref<const std::string&>();
        const int32_t handle =
            bb_campaign_load(campaign.data(), static_cast<uint32_t>(campaign.size()));
        REQUIRE(handle > 0);
        handles.push_back(handle);
    }
    bb_memory_reset();
    Replay replay;
    Sha256 decisions_digest, reports_digest;
    for (size_t i = 0; i < decisions["calls"].size(); ++i) {
        const ordered_json& entry = decisions["calls"][i];
        golden::Call call{entry["campaign"].get<int>(), entry["function"].get<std::string>(),
                          entry["request"].get<std::string>()};
        const std::string result = golden::replay(handles[call.campaign], call);
        const std::string decision = golden::decision_of(call, result);
        decisions_digest.update(decision + "\n");
        reports_digest.update(result + "\n");
        INFO("call " << i << ", request: " << call.request);
        if (decision != entry["decision"].dump() && ++replay.decision_mismatches <= 5) {
            CHECK(decision == entry["decision"].dump());
        }
        if (result != reports["reports"][i].get<std::string>() && ++replay.report_mismatches <= 5) {
            CHECK(result == reports["reports"][i].get<std::string>());
        }
        replay.wins += decision.find("\"outcome\":\"win\"") != std::string::npos;
        replay.blanks += decision.find("\"outcome\":\"blank\"") != std::string::npos;
    }
    for (int32_t handle : handles)
        bb_campaign_unload(handle);
    replay.decisions_digest = to_hex(decisions_digest.finish());
    replay.reports_digest = to_hex(reports_digest.finish());
    return replay;
}

} // namespace

TEST_CASE("the golden corpus replays natively: every decision and every report byte") {
    const ordered_json decisions = read_golden_file("decisions.json");
    const ordered_json reports = read_golden_file("reports.json");
    REQUIRE_FALSE(decisions.is_discarded());
    REQUIRE_FALSE(reports.is_discarded());
    REQUIRE(decisions["calls"].size() > 1000);
    REQUIRE(reports["reports"].size() == decisions["calls"].size());

    const Replay replay = replay_corpus(decisions, reports);
    CHECK(replay.decision_mismatches == 0);
    CHECK(replay.report_mismatches == 0);
    CHECK(replay.decisions_digest == decisions["digest"].get<std::string>());
    CHECK(replay.reports_digest == reports["digest"].get<std::string>());
    // The corpus exercises both outcomes, not just refusals.
    CHECK(replay.wins > 50);
    CHECK(replay.blanks > 50);
}

TEST_CASE("the golden file's inputs are the corpus the generator builds") {
    const ordered_json decisions = read_golden_file("decisions.json");
    REQUIRE_FALSE(decisions.is_discarded());
    golden::Corpus corpus = golden::golden_corpus();
    REQUIRE(decisions["calls"].size() == corpus.calls.size());
    REQUIRE(decisions["campaigns"].size() == corpus.campaigns.size());
    for (size_t i = 0; i < corpus.campaigns.size(); ++i) {
        CHECK(decisions["campaigns"][i].get<std::string>() == corpus.campaigns[i]);
    }
    for (size_t i = 0; i < corpus.calls.size(); ++i) {
        CHECK(decisions["calls"][i]["request"].get<std::string>() == corpus.calls[i].request);
    }
}

TEST_CASE("a decision ignores a report's wording but not what the draw decided") {
    const golden::Call draw{0, "draw", "{}"};
    const std::string won =
        R"(0 {"by_pity":false,"clock":{"day":"2026-11-01"},"day":"2026-11-01","draws_today":1,)"
        R"("pity_streak":0,"player_draw_number":1,"prize":{"id":"p20","name":"Prize p20"},)"
        R"("status":"win"})";
    const std::string expected =
        R"({"status":0,"outcome":"win","day":"2026-11-01","prize":"p20","by_pity":false,)"
        R"("player_draw_number":1,"draws_today":1,"pity_streak":0})";
    CHECK(golden::decision_of(draw, won) == expected);

    std::string renamed = won;
    renamed.replace(renamed.find("Prize p20"), 9, "Grand prize");
    CHECK(golden::decision_of(draw, renamed) == expected);

    std::string other_prize = won;
    other_prize.replace(other_prize.find("\"p20\""), 5, "\"p19\"");
    CHECK(golden::decision_of(draw, other_prize) != expected);

    const golden::Call decide{0, "decide", "{}"};
    CHECK(golden::decision_of(decide, R"(-1 {"error":{"code":"invalid_request","message":"x"}})") ==
          R"({"status":-1,"error":"invalid_request"})");
}
