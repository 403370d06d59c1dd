// blindbox_golden FOLDER: writes the golden determinism corpus with the
// results of this (native) build, as FOLDER/decisions.json and
// FOLDER/reports.json. See golden_calls.h for when to run it.

#include "golden_calls.h"

#include "blindbox.h"
#include "blindbox/sha256.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

namespace {

using namespace blindbox::golden;
using ordered_json = nlohmann::ordered_json;

bool write_file(const std::string& path, const ordered_json& content) {
    std::ofstream out(path);
    out << content.dump(1) << "\n";
    if (!out) std::fprintf(stderr, "cannot write %s\n", path.c_str());
    return static_cast<bool>(out);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: blindbox_golden FOLDER\n");
        return 2;
    }
    const std::string folder = argv[1];
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
    ordered_json calls = ordered_json::array();
    ordered_json reports = ordered_json::array();
    blindbox::Sha256 decisions_digest;
    blindbox::Sha256 reports_digest;
    for (const auto& call : corpus.calls) {
        const std::string result = replay(handles[call.campaign], call);
        const std::string decision = decision_of(call, result);
        decisions_digest.update(decision + "\n");
        reports_digest.update(result + "\n");
        calls.push_back({{"campaign", call.campaign},
                         {"function", call.function},
                         {"request", call.request},
                         {"decision", ordered_json::parse(decision)}});
        reports.push_back(result);
    }
    const ordered_json decisions_file = {
        {"about", "Golden determinism corpus, decisions: see tests/golden/golden_calls.h. Each "
                  "call's decision is what its result decided (status, outcome, prize, by_pity, "
                  "counters); digest is SHA-256 over the decisions as compact JSON, each "
                  "followed by a newline."},
        {"campaigns", corpus.campaigns},
        {"calls", calls},
        {"digest", blindbox::to_hex(decisions_digest.finish())}};
    const ordered_json reports_file = {
        {"about", "Golden determinism corpus, report bytes: see tests/golden/golden_calls.h. "
                  "reports[i] is \"<status> <bytes returned>\" for call i of decisions.json; "
                  "digest is SHA-256 over the reports, each followed by a newline."},
        {"reports", reports},
        {"digest", blindbox::to_hex(reports_digest.finish())}};
    if (!write_file(folder + "/decisions.json", decisions_file)) return 1;
    if (!write_file(folder + "/reports.json", reports_file)) return 1;
    std::printf("wrote %zu calls to %s/decisions.json and %s/reports.json\n", corpus.calls.size(),
                folder.c_str(), folder.c_str());
    return 0;
}
