// blindbox validate FILE: every problem in a campaign definition, each with
// its JSON pointer, or a one-line summary of a valid campaign.

#include "campaign_file.h"
#include "command.h"
#include "figures.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <memory>
#include <set>

namespace blindbox::cli {
namespace {

constexpr char validate_footer[] = R"(Prints every problem found, one per line as
  FILE: /json/pointer: message
on standard error, then the number of problems. A valid campaign prints its
title, pool model, number of days and number of prizes.

FILE may be - for standard input; files over 1 MiB are refused.
Exit status: 0 valid, 1 invalid, 2 usage error (unknown option, missing or
unreadable file).)";

// Distinct prize ids over the default table and every date override.
size_t distinct_prizes(const Campaign& campaign) {
    std::set<std::string_view> ids;
    for (const auto& prize : campaign.default_table.prizes)
        ids.insert(prize.id);
    for (const auto& date_override : campaign.overrides) {
        for (const auto& prize : date_override.table.prizes)
            ids.insert(prize.id);
    }
    return ids.size();
}

int run_validate(const std::string& file) {
    int exit_status = exit_success;
    const std::optional<Campaign> campaign = load_campaign("validate", file, exit_status);
    if (!campaign) return exit_status;
    const int64_t days = campaign->last_day - campaign->first_day + 1;
    fmt::print("{}: valid campaign \"{}\" ({} model, {}, {})\n", file, campaign->title,
               to_string(campaign->pool), plural(days, "day"),
               plural(static_cast<int64_t>(distinct_prizes(*campaign)), "prize"));
    return exit_success;
}

} // namespace

CommandRunner add_validate_command(CLI::App& app) {
    CLI::App* command =
        app.add_subcommand("validate", "check a campaign definition and list every problem in it");
    command->footer(validate_footer);
    auto file = std::make_shared<std::string>();
    add_file_argument(*command, *file);
    return [file] { return run_validate(*file); };
}

} // namespace blindbox::cli
