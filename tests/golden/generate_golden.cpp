// blindbox_golden FILE: writes the golden determinism corpus with the results
// of this (native) build. See golden_calls.h for when to run it.

#include "golden_calls.h"

#include "blindbox.h"
#include "blindbox/sha256.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

int main(int argc, char** argv) {
    using namespace blindbox::golden;
    if (argc != 2) {
        std::fprintf(stderr, "usage: blindbox_golden FILE\n");
        return 2;
    }
    Corpus corpus = golden_corpus();
    std::vector<int32_t> handles;
    for (const auto& text : corpus.campaigns) {
        const int32_t handle = bb_campaign_load(text.data(), static_cast<uint32_t>(text.size()));
        if (handle <= 0) {
            std::fprintf(stderr, "campaign does not load: %.*s\n", int(bb_result_len()),
                         reinterpret_cast<const char*>(bb_result_ptr()));
            return 1;
        }
        handles.push_back(handle);
    }
    nlohmann::json calls = nlohmann::json::array();
    blindbox::Sha256 digest;
    for (const auto& call : corpus.calls) {
        const std::string result = replay(handles[call.campaign], call);
        digest.update(result);
        digest.update("\n");
        calls.push_back({{"campaign", call.campaign},
                         {"function", call.function},
                         {"request", call.request},
                         {"result", result}});
    }
    nlohmann::json campaigns = nlohmann::json::array();
    for (const auto& text : corpus.campaigns)
        campaigns.push_back(text);
    nlohmann::json file = {
        {"about", "Golden determinism corpus: see tests/golden/golden_calls.h. Each result is "
                  "\"<status> <bytes returned>\"; digest is SHA-256 over the results, each "
                  "followed by a newline."},
        {"campaigns", campaigns},
        {"calls", calls},
        {"digest", blindbox::to_hex(digest.finish())}};
    std::ofstream out(argv[1]);
    out << file.dump(1) << "\n";
    std::printf("wrote %zu calls to %s\n", corpus.calls.size(), argv[1]);
    return out ? 0 : 1;
}
