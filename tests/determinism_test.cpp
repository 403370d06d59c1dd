// The native side of the golden determinism check (see golden/golden_calls.h);
// tests/wasm/golden.mjs replays the same file through the WASI and
// Emscripten builds.

#include "golden/golden_calls.h"

#include "blindbox.h"
#include "blindbox/sha256.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace blindbox;
using json = nlohmann::json;

namespace {

json read_golden_file() {
    std::ifstream in(BLINDBOX_SOURCE_DIR "/tests/golden/draws.json");
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str(), nullptr, false);
}

} // namespace

TEST_CASE("the golden corpus replays byte for byte natively") {
    const json file = read_golden_file();
    REQUIRE_FALSE(file.is_discarded());
    REQUIRE(file["calls"].size() > 1000);
    std::vector<int32_t> handles;
    for (const auto& text : file["campaigns"]) {
        const auto& campaign = text.get_ref<const std::string&>();
        const int32_t handle =
            bb_campaign_load(campaign.data(), static_cast<uint32_t>(campaign.size()));
        REQUIRE(handle > 0);
        handles.push_back(handle);
    }
    bb_memory_reset();
    Sha256 digest;
    size_t mismatches = 0, wins = 0, blanks = 0;
    for (const auto& entry : file["calls"]) {
        golden::Call call{entry["campaign"].get<int>(), entry["function"].get<std::string>(),
                          entry["request"].get<std::string>()};
        const std::string result = golden::replay(handles[call.campaign], call);
        digest.update(result);
        digest.update("\n");
        if (result != entry["result"].get<std::string>()) {
            if (++mismatches <= 5) {
                INFO("request: " << call.request);
                CHECK(result == entry["result"].get<std::string>());
            }
        }
        wins += result.find("\"status\":\"win\"") != std::string::npos;
        blanks += result.find("\"status\":\"blank\"") != std::string::npos;
    }
    CHECK(mismatches == 0);
    CHECK(to_hex(digest.finish()) == file["digest"].get<std::string>());
    // The corpus exercises both outcomes, not just refusals.
    CHECK(wins > 50);
    CHECK(blanks > 50);
    for (int32_t handle : handles)
        bb_campaign_unload(handle);
}

TEST_CASE("the golden file's inputs are the corpus the generator builds") {
    const json file = read_golden_file();
    REQUIRE_FALSE(file.is_discarded());
    golden::Corpus corpus = golden::golden_corpus();
    REQUIRE(file["calls"].size() == corpus.calls.size());
    for (size_t i = 0; i < corpus.calls.size(); ++i) {
        CHECK(file["calls"][i]["request"].get<std::string>() == corpus.calls[i].request);
    }
}
