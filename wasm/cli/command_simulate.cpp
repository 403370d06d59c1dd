// blindbox simulate FILE: one campaign day run through the real draw against
// in-memory counters (blindbox/simulation.h), reproducible by seed, as a table
// or as the core's simulation report JSON.

#include "campaign_file.h"
#include "command.h"
#include "figures.h"
#include "progress.h"
#include "table.h"

#include "blindbox/reports.h"
#include "blindbox/simulation.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <memory>

namespace blindbox::cli {
namespace {

constexpr char simulate_footer[] =
    R"(Runs one campaign day through the real draw, against in-memory counters.
Players arrive evenly over the opening hours and each draws K times on
arrival. Prints, per prize, the units won (and by the pity rule) and when it
sold out, then the draws, wins, blanks, refused draws, the win rate and the
share of players who won anything. The same seed gives the same day.

A progress bar is shown on standard error when it is a terminal and the run
has at least 100000 draws.
FILE may be - for standard input; files over 1 MiB are refused.
Exit status: 0 success, 1 invalid campaign, 2 usage error.)";

constexpr auto max_draws = static_cast<uint64_t>(max_simulated_draws);
constexpr auto max_seed = static_cast<uint64_t>(INT64_MAX);

struct SimulateArguments {
    std::string file;
    std::optional<std::string> players;
    std::optional<std::string> seed;
    std::optional<std::string> day;
    std::optional<std::string> draws_per_player;
    bool json = false;
};

void print_simulation(const Campaign& campaign, const SimulationOptions& options,
                      const SimulationReport& report) {
    const PrizeTable& prizes = campaign.table_for(report.day);
    fmt::print("{}\nsimulated {} ({}, UTC{}): {}, {} each, seed {}\n\n", campaign.title,
               format_date(report.day), hours_text(campaign), campaign.utc_offset_text,
               plural(report.players, "player"), plural(options.draws_per_player, "draw"),
               options.seed);

    using Align = TextTable::Align;
    TextTable table;
    table.add_column("prize", Align::left);
    table.add_column("name", Align::left);
    table.add_column("stock", Align::right);
    table.add_column("won", Align::right);
    table.add_column("by pity", Align::right);
    table.add_column("sold out at", Align::right);
    for (size_t i = 0; i < report.prizes.size(); ++i) {
        const PrizeSimulation& prize = report.prizes[i];
        const std::string sold_out =
            prize.sold_out_after
                ? format_time_of_day(campaign.opens_at_minute +
                                     static_cast<int32_t>(*prize.sold_out_after / 60))
                : "-";
        table.add_row({prizes.prizes[i].id, prizes.prizes[i].name,
                       std::to_string(prizes.prizes[i].stock), std::to_string(prize.won),
                       std::to_string(prize.won_by_pity), sold_out});
    }
    table.print(stdout);

    const std::string win_rate =
        report.draws > 0 ? fraction_and_percent(Fraction::make(report.wins, report.draws))
                         : "- (no draws)";
    const std::string players_who_won =
        fmt::format("{} of {} = {}", report.players_who_won, report.players,
                    percent_text(Fraction::make(report.players_who_won, report.players)));
    fmt::print("\n");
    print_fields(stdout, {{"draws", std::to_string(report.draws)},
                          {"wins", std::to_string(report.wins)},
                          {"blanks", std::to_string(report.blanks)},
                          {"refused", std::to_string(report.refused)},
                          {"win rate", win_rate},
                          {"players who won", players_who_won}});
}

// The text of a whole-number option checked against [min, max]; `fallback`
// when the option was not given. Returns nullopt with `error` set otherwise.
std::optional<uint64_t> whole_number_option(std::string_view name,
                                            const std::optional<std::string>& text,
                                            uint64_t fallback, uint64_t min, uint64_t max,
                                            std::string& error) {
    if (!text) return fallback;
    auto parsed = parse_whole_number(*text, min, max);
    if (!parsed) {
        error = fmt::format("{} must be a whole number from {} to {} (got '{}')", name, min, max,
                            *text);
    }
    return parsed;
}

// The simulation the arguments ask for on `campaign`. Returns nullopt with
// `error` set when an option is out of range or the run would be too large.
std::optional<SimulationOptions> simulation_options(const Campaign& campaign,
                                                    const SimulateArguments& arguments,
                                                    std::string& error) {
    if (!arguments.players) {
        error = "--players N is required";
        return std::nullopt;
    }
    const auto players =
        whole_number_option("--players", arguments.players, 0, 1, max_draws, error);
    if (!players) return std::nullopt;
    const auto seed = whole_number_option("--seed", arguments.seed, 1, 0, max_seed, error);
    if (!seed) return std::nullopt;
    const auto draws_per_player = whole_number_option(
        "--draws-per-player", arguments.draws_per_player,
        static_cast<uint64_t>(campaign.limits.draws_per_day), 1, max_draws, error);
    if (!draws_per_player) return std::nullopt;
    if (!simulation_size_allowed(static_cast<int64_t>(*players),
                                 static_cast<int64_t>(*draws_per_player))) {
        error =
            fmt::format("{} players x {} draws each is more than the {} draws a simulation may run",
                        *players, *draws_per_player, max_draws);
        return std::nullopt;
    }
    const std::optional<DayNumber> day = chosen_day(campaign, arguments.day, error);
    if (!day) return std::nullopt;

    SimulationOptions options;
    options.day = *day;
    options.players = static_cast<int64_t>(*players);
    options.draws_per_player = static_cast<int64_t>(*draws_per_player);
    options.seed = *seed;
    return options;
}

// simulate_day with a progress bar on a terminal for long runs.
SimulationReport simulate_with_progress(const Campaign& campaign,
                                        const SimulationOptions& options) {
    const int64_t planned_draws = options.players * options.draws_per_player;
    ProgressBar progress(stderr);
    const bool show_progress = ProgressBar::wanted(stderr, planned_draws);
    if (show_progress) ProgressBar::report(&progress, 0, planned_draws);
    SimulationReport report =
        simulate_day(campaign, options, show_progress ? &ProgressBar::report : nullptr,
                     show_progress ? &progress : nullptr);
    progress.clear();
    return report;
}

int run_simulate(const SimulateArguments& arguments) {
    int exit_status = exit_success;
    const std::optional<Campaign> campaign = load_campaign("simulate", arguments.file, exit_status);
    if (!campaign) return exit_status;

    std::string error;
    const std::optional<SimulationOptions> options =
        simulation_options(*campaign, arguments, error);
    if (!options) return usage_error("simulate", error);
    if (options->draws_per_player > campaign->limits.draws_per_day) {
        fmt::print(stderr,
                   "note: {} per player is over the daily limit of {}; the draws past it are "
                   "refused\n",
                   plural(options->draws_per_player, "draw"), campaign->limits.draws_per_day);
    }

    const SimulationReport report = simulate_with_progress(*campaign, *options);
    if (arguments.json) {
        fmt::print("{}\n", simulation_report_json(*campaign, report));
    } else {
        print_simulation(*campaign, *options, report);
    }
    return exit_success;
}

} // namespace

CommandRunner add_simulate_command(CLI::App& app) {
    CLI::App* command =
        app.add_subcommand("simulate", "simulate a day of draws (in memory, reproducible by seed)");
    command->footer(simulate_footer);
    auto arguments = std::make_shared<SimulateArguments>();
    add_file_argument(*command, arguments->file);
    command
        ->add_option("--players", arguments->players,
                     fmt::format("players arriving, 1 to {} (required)", max_draws))
        ->option_text("N");
    command
        ->add_option("--seed", arguments->seed,
                     "entropy seed, 0 to 9223372036854775807 (default 1)")
        ->option_text("S");
    command->add_option("--day", arguments->day, "the day (default as for 'blindbox odds')")
        ->option_text("YYYY-MM-DD");
    command
        ->add_option("--draws-per-player", arguments->draws_per_player,
                     fmt::format("draws per player (default: the daily limit);\n"
                                 "at most {} draws in all",
                                 max_draws))
        ->option_text("K");
    add_json_flag(*command, arguments->json, "print the simulation report JSON");
    return [arguments] { return run_simulate(*arguments); };
}

} // namespace blindbox::cli
