// blindbox odds FILE: the odds disclosure players will see on one day, with
// fresh stock, as a table or as the core's odds report JSON.

#include "campaign_file.h"
#include "command.h"
#include "figures.h"
#include "table.h"

#include "blindbox/draw.h"
#include "blindbox/reports.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <memory>
#include <vector>

namespace blindbox::cli {
namespace {

constexpr char odds_footer[] =
    R"(Prints the odds disclosure for one day with fresh stock (nothing issued yet):
each prize's stock, its published odds (exact fraction and percent) and its
effective odds at that moment (after pacing and the sold-out policy), then the
chance that a draw wins anything; for the deck model, the boxes in the case.

FILE may be - for standard input; files over 1 MiB are refused.
Exit status: 0 success, 1 invalid campaign, 2 usage error.)";

struct OddsOptions {
    std::string file;
    std::optional<std::string> day;
    std::optional<std::string> at;
    bool json = false;
};

void print_heading(const Campaign& campaign, DayNumber day, int32_t at_minute) {
    fmt::print("{}\n{} at {} (UTC{}), fresh stock; {} model", campaign.title, format_date(day),
               format_time_of_day(at_minute), campaign.utc_offset_text, to_string(campaign.pool));
    if (campaign.pool == PoolModel::odds) {
        fmt::print(", sold out: {}, pacing: {}", to_string(campaign.sold_out),
                   to_string(campaign.pacing));
    }
    fmt::print("\n\n");
}

void print_odds_table(const Campaign& campaign, const OddsReport& report, int32_t at_minute) {
    const bool paced = campaign.pacing == Pacing::even;
    print_heading(campaign, report.day, at_minute);

    using Align = TextTable::Align;
    TextTable table;
    table.add_column("prize", Align::left);
    table.add_column("name", Align::left);
    table.add_column("stock", Align::right);
    if (paced) table.add_column("released", Align::right);
    table.add_column("odds", Align::left);
    table.add_column("odds %", Align::right);
    table.add_column("effective", Align::left);
    table.add_column("effective %", Align::right);
    for (const auto& odds : report.prizes) {
        std::vector<std::string> row = {odds.prize->id, odds.prize->name,
                                        std::to_string(odds.stock_total)};
        if (paced) row.push_back(std::to_string(odds.released));
        row.push_back(odds.disclosed.to_string());
        row.push_back(percent_text(odds.disclosed));
        row.push_back(odds.effective.to_string());
        row.push_back(percent_text(odds.effective));
        table.add_row(std::move(row));
    }
    table.print(stdout);

    fmt::print("\nwin (any prize): {} disclosed, {} effective\n",
               fraction_and_percent(report.win_disclosed),
               fraction_and_percent(report.win_effective));
    if (campaign.pool == PoolModel::deck) {
        fmt::print("boxes: {} in the day's case, {} unopened\n", report.boxes_total,
                   report.boxes_left);
    }
}

// The minute of --at, else the opening time. Returns nullopt with `error` set
// when --at is not a time or lies outside the opening hours.
std::optional<int32_t> chosen_minute(const Campaign& campaign,
                                     const std::optional<std::string>& at_option,
                                     std::string& error) {
    if (!at_option) return campaign.opens_at_minute;
    auto minute = parse_time_of_day(*at_option, false);
    if (!minute) {
        error = "--at must be a time like 14:30 (got '" + *at_option + "')";
        return std::nullopt;
    }
    if (*minute < campaign.opens_at_minute || *minute >= campaign.closes_at_minute) {
        error =
            "--at " + *at_option + " is outside the opening hours (" + hours_text(campaign) + ")";
        return std::nullopt;
    }
    return minute;
}

int run_odds(const OddsOptions& options) {
    int exit_status = exit_success;
    const std::optional<Campaign> campaign = load_campaign("odds", options.file, exit_status);
    if (!campaign) return exit_status;

    std::string error;
    const std::optional<DayNumber> day = chosen_day(*campaign, options.day, error);
    if (!day) return usage_error("odds", error);
    const std::optional<int32_t> at_minute = chosen_minute(*campaign, options.at, error);
    if (!at_minute) return usage_error("odds", error);
    const int64_t seconds_since_open = int64_t{*at_minute - campaign->opens_at_minute} * 60;

    // Fresh stock: nothing issued, no box opened.
    const std::vector<int64_t> nothing_issued(campaign->table_for(*day).prizes.size(), 0);
    ArrayDayStock stock(nothing_issued.data(), nothing_issued.size(), 0);
    const OddsReport report = odds_now(*campaign, *day, seconds_since_open, stock);

    if (options.json) {
        fmt::print("{}\n", odds_report_json(*campaign, report));
    } else {
        print_odds_table(*campaign, report, *at_minute);
    }
    return exit_success;
}

} // namespace

CommandRunner add_odds_command(CLI::App& app) {
    CLI::App* command = app.add_subcommand("odds", "the odds disclosure table for one day");
    command->footer(odds_footer);
    auto options = std::make_shared<OddsOptions>();
    add_file_argument(*command, options->file);
    command
        ->add_option("--day", options->day,
                     "the day (default: today in the campaign's time zone\n"
                     "if the campaign runs today, else its first day)")
        ->option_text("YYYY-MM-DD");
    command
        ->add_option("--at", options->at,
                     "local time within the opening hours\n(default: opening time)")
        ->option_text("HH:MM");
    add_json_flag(*command, options->json,
                  "print the odds report JSON, as the Worker and\nbrowser get it");
    return [options] { return run_odds(*options); };
}

} // namespace blindbox::cli
