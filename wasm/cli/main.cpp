// blindbox: the command-line tool over the core.
//
// Operators check and preview a campaign definition before publishing it:
//
//   blindbox validate FILE     every problem in the definition, with its JSON pointer
//   blindbox odds FILE         the odds disclosure table players will see on a day
//   blindbox simulate FILE     a simulated day through the very draw() that serves players
//
// and sign player tickets for campaigns whose identity is "ticket":
//
//   blindbox ticket --campaign ID --player PLAYER   a ticket (blindbox/ticket.h) on stdout
//
// Every figure comes from the core, the same code the Worker and the browser
// run; this file only reads arguments and files and lays out text. Odds are
// printed from exact Fractions (percentages too: they are the fraction's own
// decimal digits, shifted), never through floating point. `--json` prints the
// core's JSON (blindbox/reports.h), the same text the Worker and browser get.
//
// Exit status: 0 success, 1 invalid campaign, 2 usage error (bad arguments,
// unreadable or oversized file, no ticket secret).

#include "progress.h"

#include "blindbox/calendar.h"
#include "blindbox/campaign.h"
#include "blindbox/draw.h"
#include "blindbox/reports.h"
#include "blindbox/simulation.h"
#include "blindbox/ticket.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using blindbox::Campaign;
using blindbox::DayNumber;
using blindbox::Fraction;
using blindbox::PoolModel;

constexpr std::string_view version_line = "blindbox 0.1.0";
constexpr size_t max_campaign_bytes = 1024 * 1024;

constexpr int exit_success = 0;
constexpr int exit_invalid_campaign = 1;
constexpr int exit_usage = 2;

// ---------------------------------------------------------------------------
// Arguments

struct OptionSpec {
    std::string_view name; // "--day"
    bool takes_value;
};

// One command line, split into options and positional arguments.
struct Arguments {
    std::vector<std::string> positionals;
    std::map<std::string, std::string, std::less<>> options; // flags map to ""
    bool help = false;

    bool has(std::string_view name) const { return options.find(name) != options.end(); }
    std::optional<std::string> value(std::string_view name) const {
        auto it = options.find(name);
        if (it == options.end()) return std::nullopt;
        return it->second;
    }
};

// Splits `words` into options (as listed in `specs`, written "--name value" or
// "--name=value") and positionals ("-" is a positional: standard input; "--"
// ends the options). Returns false with `error` set on anything else.
bool parse_arguments(const std::vector<std::string_view>& words,
                     const std::vector<OptionSpec>& specs, Arguments& parsed, std::string& error) {
    bool options_ended = false;
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string_view word = words[i];
        if (options_ended || word == "-" || !word.starts_with("-")) {
            parsed.positionals.emplace_back(word);
            continue;
        }
        if (word == "--") {
            options_ended = true;
            continue;
        }
        if (word == "-h" || word == "--help") {
            parsed.help = true;
            continue;
        }
        const size_t equals = word.find('=');
        const std::string_view name = word.substr(0, equals);
        auto spec = std::find_if(specs.begin(), specs.end(),
                                 [&](const OptionSpec& s) { return s.name == name; });
        if (spec == specs.end()) {
            error = "unknown option '" + std::string(name) + "'";
            return false;
        }
        if (parsed.has(name)) {
            error = "option " + std::string(name) + " given twice";
            return false;
        }
        std::string value;
        if (spec->takes_value) {
            if (equals != std::string_view::npos) {
                value = word.substr(equals + 1);
            } else if (i + 1 < words.size()) {
                value = words[++i];
            } else {
                error = "option " + std::string(name) + " needs a value";
                return false;
            }
        } else if (equals != std::string_view::npos) {
            error = "option " + std::string(name) + " takes no value";
            return false;
        }
        parsed.options.emplace(name, std::move(value));
    }
    return true;
}

// A whole number in [min, max], written in plain decimal digits.
std::optional<uint64_t> parse_whole_number(std::string_view text, uint64_t min, uint64_t max) {
    uint64_t value = 0;
    const char* end = text.data() + text.size();
    auto [stop, problem] = std::from_chars(text.data(), end, value);
    if (text.empty() || problem != std::errc{} || stop != end || value < min || value > max) {
        return std::nullopt;
    }
    return value;
}

// ---------------------------------------------------------------------------
// Commands and their help

struct Invocation;
using CommandFunction = int (*)(const Invocation&);

struct Command {
    std::string_view name;
    std::string_view help; // for `blindbox NAME --help`
    std::vector<OptionSpec> options;
    CommandFunction run;
    bool takes_file; // exactly one positional argument, FILE; else none
};

struct Invocation {
    const Command& command;
    Arguments arguments;
    std::string file; // the one positional argument, if the command takes one
};

// Prints a usage problem the way every command does; returns the exit status.
int usage_error(std::string_view command, std::string_view message) {
    const std::string program = command.empty() ? "blindbox" : "blindbox " + std::string(command);
    std::cerr << program << ": " << message << "\nTry '" << program << " --help'.\n";
    return exit_usage;
}

// A problem that is not the command line's fault (an unreadable file, say).
int input_error(std::string_view command, std::string_view message) {
    std::cerr << "blindbox " << command << ": " << message << "\n";
    return exit_usage;
}

// ---------------------------------------------------------------------------
// Text layout

std::string plural(int64_t count, std::string_view noun) {
    return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

// "6.5000%": the exact fraction as a percentage with four decimals, rounded
// half up. The fraction's six-place decimal is the percentage, shifted.
std::string percent_text(const Fraction& fraction) {
    const std::string decimal = fraction.to_decimal(6); // "0.065000"
    const size_t point = decimal.find('.');
    std::string whole = decimal.substr(0, point) + decimal.substr(point + 1, 2);
    whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
    return whole + "." + decimal.substr(point + 3) + "%";
}

// "13/200 = 6.5000%"
std::string fraction_and_percent(const Fraction& fraction) {
    return fraction.to_string() + " = " + percent_text(fraction);
}

bool is_wide_character(char32_t c) {
    // East Asian wide and fullwidth ranges (CJK, Hangul, kana, fullwidth
    // forms, emoji): two terminal columns each.
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

// Terminal columns taken by UTF-8 text.
size_t display_width(std::string_view text) {
    size_t width = 0;
    for (size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t code_point = length == 1   ? lead
                              : length == 2 ? lead & 0x1F
                              : length == 3 ? lead & 0x0F
                                            : lead & 0x07;
        for (size_t k = 1; k < length && i + k < text.size(); ++k) {
            code_point = (code_point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        }
        width += is_wide_character(code_point) ? 2 : 1;
        i += length;
    }
    return width;
}

// A plain text table: each column as wide as its widest cell, numbers
// right-aligned.
class TextTable {
  public:
    enum class Align { left, right };

    void add_column(std::string header, Align align) {
        headers_.push_back(std::move(header));
        aligns_.push_back(align);
    }
    void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

    void print(std::ostream& out) const {
        std::vector<size_t> widths(headers_.size(), 0);
        auto measure = [&](const std::vector<std::string>& cells) {
            for (size_t c = 0; c < cells.size(); ++c) {
                widths[c] = std::max(widths[c], display_width(cells[c]));
            }
        };
        measure(headers_);
        for (const auto& row : rows_)
            measure(row);
        print_row(out, headers_, widths);
        for (const auto& row : rows_)
            print_row(out, row, widths);
    }

  private:
    void print_row(std::ostream& out, const std::vector<std::string>& cells,
                   const std::vector<size_t>& widths) const {
        std::string line;
        for (size_t c = 0; c < cells.size(); ++c) {
            const std::string padding(widths[c] - display_width(cells[c]), ' ');
            if (c > 0) line += "  ";
            line += aligns_[c] == Align::right ? padding + cells[c] : cells[c] + padding;
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << "\n";
    }

    std::vector<std::string> headers_;
    std::vector<Align> aligns_;
    std::vector<std::vector<std::string>> rows_;
};

// "label   value" lines, the values lined up.
void print_fields(const std::vector<std::pair<std::string, std::string>>& fields) {
    size_t width = 0;
    for (const auto& field : fields)
        width = std::max(width, field.first.size());
    for (const auto& [label, value] : fields) {
        std::cout << label << std::string(width - label.size() + 2, ' ') << value << "\n";
    }
}

// ---------------------------------------------------------------------------
// Reading and validating a campaign

// The text of `path` ("-": standard input). Returns false with `error` set if
// it cannot be read or is larger than max_campaign_bytes.
bool read_campaign_text(const std::string& path, std::string& text, std::string& error) {
    const bool from_stdin = path == "-";
    const std::string shown = from_stdin ? "standard input" : "'" + path + "'";
    std::FILE* file = from_stdin ? stdin : std::fopen(path.c_str(), "rb");
    if (!file) {
        error = "cannot open " + shown + ": " + std::strerror(errno);
        return false;
    }
    char buffer[64 * 1024];
    bool too_large = false;
    size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
        if (text.size() + got > max_campaign_bytes) {
            too_large = true;
            break;
        }
        text.append(buffer, got);
    }
    const bool failed = std::ferror(file) != 0;
    const int read_errno = errno;
    if (!from_stdin) std::fclose(file);
    if (too_large) {
        error = shown + " is larger than 1 MiB (" + std::to_string(max_campaign_bytes) +
                " bytes); a campaign definition must fit in that";
        return false;
    }
    if (failed) {
        error = "cannot read " + shown + ": " + std::strerror(read_errno);
        return false;
    }
    return true;
}

void print_validation_errors(const std::string& file,
                             const std::vector<blindbox::ValidationError>& errors) {
    for (const auto& error : errors) {
        std::cerr << file << ": " << (error.pointer.empty() ? "(document)" : error.pointer) << ": "
                  << error.message << "\n";
    }
    std::cerr << file << ": " << plural(static_cast<int64_t>(errors.size()), "problem") << "\n";
}

// Reads and validates the invocation's FILE. Problems are printed here; on
// failure returns nullopt and sets `exit_code`.
std::optional<Campaign> load_campaign(const Invocation& invocation, int& exit_code) {
    std::string text, error;
    if (!read_campaign_text(invocation.file, text, error)) {
        exit_code = input_error(invocation.command.name, error);
        return std::nullopt;
    }
    blindbox::ParseResult parsed = blindbox::parse_campaign(text);
    if (!parsed.campaign) {
        print_validation_errors(invocation.file, parsed.errors);
        exit_code = exit_invalid_campaign;
        return std::nullopt;
    }
    return std::move(parsed.campaign);
}

// ---------------------------------------------------------------------------
// Options shared by odds and simulate

std::string window_text(const Campaign& campaign) {
    return blindbox::format_date(campaign.first_day) + " to " +
           blindbox::format_date(campaign.last_day);
}

// --day, else today in the campaign's time zone if that lies in the window,
// else the campaign's first day.
std::optional<DayNumber> chosen_day(const Campaign& campaign, const Arguments& arguments,
                                    std::string& error) {
    if (auto text = arguments.value("--day")) {
        auto day = blindbox::parse_date(*text);
        if (!day) {
            error = "--day must be a date like 2026-11-28 (got '" + *text + "')";
            return std::nullopt;
        }
        if (*day < campaign.first_day || *day > campaign.last_day) {
            error = "--day " + *text + " is outside the campaign window (" + window_text(campaign) +
                    ")";
            return std::nullopt;
        }
        return day;
    }
    const DayNumber today = blindbox::to_local_time(static_cast<int64_t>(std::time(nullptr)),
                                                    campaign.utc_offset_minutes)
                                .day;
    return today >= campaign.first_day && today <= campaign.last_day ? today : campaign.first_day;
}

std::string hours_text(const Campaign& campaign) {
    return blindbox::format_time_of_day(campaign.opens_at_minute) + " to " +
           blindbox::format_time_of_day(campaign.closes_at_minute);
}

// ---------------------------------------------------------------------------
// blindbox validate

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

int run_validate(const Invocation& invocation) {
    int exit_code = exit_success;
    const std::optional<Campaign> campaign = load_campaign(invocation, exit_code);
    if (!campaign) return exit_code;
    const int64_t days = campaign->last_day - campaign->first_day + 1;
    std::cout << invocation.file << ": valid campaign \"" << campaign->title << "\" ("
              << blindbox::to_string(campaign->pool) << " model, " << plural(days, "day") << ", "
              << plural(static_cast<int64_t>(distinct_prizes(*campaign)), "prize") << ")\n";
    return exit_success;
}

// ---------------------------------------------------------------------------
// blindbox odds

void print_odds_table(const Campaign& campaign, const blindbox::OddsReport& report,
                      int32_t at_minute) {
    const bool paced = campaign.pacing == blindbox::Pacing::even;
    std::cout << campaign.title << "\n"
              << blindbox::format_date(report.day) << " at "
              << blindbox::format_time_of_day(at_minute) << " (UTC" << campaign.utc_offset_text
              << "), fresh stock; " << blindbox::to_string(campaign.pool) << " model";
    if (campaign.pool == PoolModel::odds) {
        std::cout << ", sold out: " << blindbox::to_string(campaign.sold_out)
                  << ", pacing: " << blindbox::to_string(campaign.pacing);
    }
    std::cout << "\n\n";

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
    table.print(std::cout);

    std::cout << "\nwin (any prize): " << fraction_and_percent(report.win_disclosed)
              << " disclosed, " << fraction_and_percent(report.win_effective) << " effective\n";
    if (campaign.pool == PoolModel::deck) {
        std::cout << "boxes: " << report.boxes_total << " in the day's case, " << report.boxes_left
                  << " unopened\n";
    }
}

int run_odds(const Invocation& invocation) {
    int exit_code = exit_success;
    const std::optional<Campaign> campaign = load_campaign(invocation, exit_code);
    if (!campaign) return exit_code;
    const std::string_view command = invocation.command.name;

    std::string error;
    const std::optional<DayNumber> day = chosen_day(*campaign, invocation.arguments, error);
    if (!day) return usage_error(command, error);

    int32_t at_minute = campaign->opens_at_minute;
    if (auto text = invocation.arguments.value("--at")) {
        auto minute = blindbox::parse_time_of_day(*text, false);
        if (!minute)
            return usage_error(command, "--at must be a time like 14:30 (got '" + *text + "')");
        if (*minute < campaign->opens_at_minute || *minute >= campaign->closes_at_minute) {
            return usage_error(command, "--at " + *text + " is outside the opening hours (" +
                                            hours_text(*campaign) + ")");
        }
        at_minute = *minute;
    }
    const int64_t seconds_since_open = int64_t{at_minute - campaign->opens_at_minute} * 60;

    // Fresh stock: nothing issued, no box opened.
    const std::vector<int64_t> nothing_issued(campaign->table_for(*day).prizes.size(), 0);
    blindbox::ArrayDayStock stock(nothing_issued.data(), nothing_issued.size(), 0);
    const blindbox::OddsReport report =
        blindbox::odds_now(*campaign, *day, seconds_since_open, stock);

    if (invocation.arguments.has("--json")) {
        std::cout << blindbox::odds_report_json(*campaign, report) << "\n";
    } else {
        print_odds_table(*campaign, report, at_minute);
    }
    return exit_success;
}

// ---------------------------------------------------------------------------
// blindbox simulate

void print_simulation(const Campaign& campaign, const blindbox::SimulationOptions& options,
                      const blindbox::SimulationReport& report) {
    const blindbox::PrizeTable& prizes = campaign.table_for(report.day);
    std::cout << campaign.title << "\n"
              << "simulated " << blindbox::format_date(report.day) << " (" << hours_text(campaign)
              << ", UTC" << campaign.utc_offset_text << "): " << plural(report.players, "player")
              << ", " << plural(options.draws_per_player, "draw") << " each, seed " << options.seed
              << "\n\n";

    using Align = TextTable::Align;
    TextTable table;
    table.add_column("prize", Align::left);
    table.add_column("name", Align::left);
    table.add_column("stock", Align::right);
    table.add_column("won", Align::right);
    table.add_column("by pity", Align::right);
    table.add_column("sold out at", Align::right);
    for (size_t i = 0; i < report.prizes.size(); ++i) {
        const blindbox::PrizeSimulation& prize = report.prizes[i];
        const std::string sold_out =
            prize.sold_out_after
                ? blindbox::format_time_of_day(campaign.opens_at_minute +
                                               static_cast<int32_t>(*prize.sold_out_after / 60))
                : "-";
        table.add_row({prizes.prizes[i].id, prizes.prizes[i].name,
                       std::to_string(prizes.prizes[i].stock), std::to_string(prize.won),
                       std::to_string(prize.won_by_pity), sold_out});
    }
    table.print(std::cout);

    const std::string win_rate =
        report.draws > 0 ? fraction_and_percent(Fraction::make(report.wins, report.draws))
                         : "- (no draws)";
    const std::string players_who_won =
        std::to_string(report.players_who_won) + " of " + std::to_string(report.players) + " = " +
        percent_text(Fraction::make(report.players_who_won, report.players));
    std::cout << "\n";
    print_fields({{"draws", std::to_string(report.draws)},
                  {"wins", std::to_string(report.wins)},
                  {"blanks", std::to_string(report.blanks)},
                  {"refused", std::to_string(report.refused)},
                  {"win rate", win_rate},
                  {"players who won", players_who_won}});
}

int run_simulate(const Invocation& invocation) {
    int exit_code = exit_success;
    const std::optional<Campaign> campaign = load_campaign(invocation, exit_code);
    if (!campaign) return exit_code;
    const std::string_view command = invocation.command.name;
    const Arguments& arguments = invocation.arguments;
    constexpr auto max_draws = static_cast<uint64_t>(blindbox::max_simulated_draws);

    const std::optional<std::string> players_text = arguments.value("--players");
    if (!players_text) return usage_error(command, "--players N is required");
    const auto players = parse_whole_number(*players_text, 1, max_draws);
    if (!players) {
        return usage_error(command, "--players must be a whole number from 1 to " +
                                        std::to_string(max_draws) + " (got '" + *players_text +
                                        "')");
    }

    uint64_t seed = 1;
    if (auto text = arguments.value("--seed")) {
        constexpr auto max_seed = static_cast<uint64_t>(INT64_MAX);
        auto parsed = parse_whole_number(*text, 0, max_seed);
        if (!parsed) {
            return usage_error(command, "--seed must be a whole number from 0 to " +
                                            std::to_string(max_seed) + " (got '" + *text + "')");
        }
        seed = *parsed;
    }

    auto draws_per_player = static_cast<uint64_t>(campaign->limits.draws_per_day);
    if (auto text = arguments.value("--draws-per-player")) {
        auto parsed = parse_whole_number(*text, 1, max_draws);
        if (!parsed) {
            return usage_error(command, "--draws-per-player must be a whole number from 1 to " +
                                            std::to_string(max_draws) + " (got '" + *text + "')");
        }
        draws_per_player = *parsed;
    }
    if (*players > max_draws / draws_per_player) {
        return usage_error(command, std::to_string(*players) + " players x " +
                                        std::to_string(draws_per_player) +
                                        " draws each is more than the " +
                                        std::to_string(max_draws) + " draws a simulation may run");
    }

    std::string error;
    const std::optional<DayNumber> day = chosen_day(*campaign, arguments, error);
    if (!day) return usage_error(command, error);

    blindbox::SimulationOptions options;
    options.day = *day;
    options.players = static_cast<int64_t>(*players);
    options.draws_per_player = static_cast<int64_t>(draws_per_player);
    options.seed = seed;

    if (options.draws_per_player > campaign->limits.draws_per_day) {
        std::cerr << "note: " << plural(options.draws_per_player, "draw")
                  << " per player is over the daily limit of " << campaign->limits.draws_per_day
                  << "; the draws past it are refused\n";
    }

    const int64_t planned_draws = options.players * options.draws_per_player;
    blindbox::cli::ProgressBar progress(stderr);
    const bool show_progress = blindbox::cli::ProgressBar::wanted(stderr, planned_draws);
    if (show_progress) blindbox::cli::ProgressBar::report(&progress, 0, planned_draws);
    const blindbox::SimulationReport report = blindbox::simulate_day(
        *campaign, options, show_progress ? &blindbox::cli::ProgressBar::report : nullptr,
        show_progress ? &progress : nullptr);
    progress.clear();

    if (arguments.has("--json")) {
        std::cout << blindbox::simulation_report_json(*campaign, report) << "\n";
    } else {
        print_simulation(*campaign, options, report);
    }
    return exit_success;
}

// ---------------------------------------------------------------------------
// blindbox ticket

constexpr char ticket_secret_variable[] = "BLINDBOX_TICKET_SECRET";
constexpr uint64_t default_ticket_lifetime = 3600;
constexpr uint64_t max_ticket_lifetime = 365 * 24 * 3600;
constexpr size_t max_campaign_id_length = 64;
constexpr size_t max_player_length = 128;

// UTF-8 code points in `text` (bytes that do not continue a sequence).
size_t count_code_points(std::string_view text) {
    return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

bool has_control_characters(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7F;
    });
}

int run_ticket(const Invocation& invocation) {
    const std::string_view command = invocation.command.name;
    const Arguments& arguments = invocation.arguments;

    const std::optional<std::string> campaign_id = arguments.value("--campaign");
    if (!campaign_id) return usage_error(command, "--campaign ID is required");
    if (campaign_id->empty() || campaign_id->size() > max_campaign_id_length ||
        has_control_characters(*campaign_id)) {
        return usage_error(command, "--campaign must be a campaign id of 1 to " +
                                        std::to_string(max_campaign_id_length) +
                                        " characters without control characters");
    }

    const std::optional<std::string> player = arguments.value("--player");
    if (!player) return usage_error(command, "--player PLAYER is required");
    const size_t player_length = count_code_points(*player);
    if (player_length == 0 || player_length > max_player_length) {
        return usage_error(command, "--player must be 1 to " + std::to_string(max_player_length) +
                                        " characters (got " + std::to_string(player_length) + ")");
    }
    if (has_control_characters(*player)) {
        return usage_error(command, "--player must not contain control characters");
    }

    if (arguments.has("--expires") && arguments.has("--expires-in")) {
        return usage_error(command, "give --expires or --expires-in, not both");
    }
    const auto now = static_cast<int64_t>(std::time(nullptr));
    int64_t expires = 0;
    if (auto expires_text = arguments.value("--expires")) {
        constexpr auto max_expires = static_cast<uint64_t>(blindbox::max_ticket_expires);
        auto parsed = parse_whole_number(*expires_text, 1, max_expires);
        if (!parsed) {
            return usage_error(command, "--expires must be a Unix time in seconds from 1 to " +
                                            std::to_string(max_expires) + " (got '" +
                                            *expires_text + "')");
        }
        expires = static_cast<int64_t>(*parsed);
    } else {
        uint64_t lifetime = default_ticket_lifetime;
        if (auto lifetime_text = arguments.value("--expires-in")) {
            auto parsed = parse_whole_number(*lifetime_text, 1, max_ticket_lifetime);
            if (!parsed) {
                return usage_error(command,
                                   "--expires-in must be a whole number of seconds from 1 to " +
                                       std::to_string(max_ticket_lifetime) + " (got '" +
                                       *lifetime_text + "')");
            }
            lifetime = *parsed;
        }
        expires = now + static_cast<int64_t>(lifetime);
    }

    // The secret never comes from the command line, where `ps` and shell history would show it.
    const char* secret = std::getenv(ticket_secret_variable);
    if (!secret || !*secret) {
        std::cerr << "blindbox " << command << ": set " << ticket_secret_variable
                  << " to the ticket secret: the same value the Worker holds as TICKET_SECRET\n"
                     "(set there with 'wrangler secret put TICKET_SECRET'). It is never taken "
                     "from the command line.\n";
        return exit_usage;
    }

    const std::string ticket = blindbox::sign_ticket(secret, *campaign_id, *player, expires);
    if (ticket.empty()) return input_error(command, "cannot sign a ticket with this expiry");
    if (expires <= now) {
        std::cerr << "note: --expires " << expires << " is not after now (" << now
                  << "): the ticket has already expired\n";
    }
    std::cout << ticket << "\n";
    return exit_success;
}

// ---------------------------------------------------------------------------
// The command table and main

constexpr std::string_view general_help = R"(Usage: blindbox COMMAND [ARGUMENTS]

Checks and previews blind-box campaign definitions with the same core the
Worker and the browser run, and signs player tickets.

Commands:
  validate FILE    check a campaign definition and list every problem in it
  odds FILE        the odds disclosure table for one day
  simulate FILE    simulate a day of draws (in memory, reproducible by seed)
  ticket           sign a player's ticket for a campaign whose identity is
                   "ticket" (secret from BLINDBOX_TICKET_SECRET)

Options:
  -h, --help       show this help; 'blindbox COMMAND --help' for a command's
  --version        print the version

FILE may be - for standard input; files over 1 MiB are refused.
Exit status: 0 success, 1 invalid campaign, 2 usage error.
)";

constexpr std::string_view validate_help = R"(Usage: blindbox validate FILE

Checks a campaign definition and prints every problem found, one per line as
  FILE: /json/pointer: message
on standard error, then the number of problems. A valid campaign prints its
title, pool model, number of days and number of prizes.

FILE may be - for standard input; files over 1 MiB are refused.
Exit status: 0 valid, 1 invalid, 2 usage error (unknown option, missing or
unreadable file).
)";

constexpr std::string_view odds_help =
    R"(Usage: blindbox odds FILE [--day YYYY-MM-DD] [--at HH:MM] [--json]

Prints the odds disclosure for one day with fresh stock (nothing issued yet):
each prize's stock, its published odds (exact fraction and percent) and its
effective odds at that moment (after pacing and the sold-out policy), then the
chance that a draw wins anything; for the deck model, the boxes in the case.

Options:
  --day YYYY-MM-DD  the day (default: today in the campaign's time zone if the
                    campaign runs today, else its first day)
  --at HH:MM        local time within the opening hours (default: opening time)
  --json            print the odds report JSON, as the Worker and browser get it
  -h, --help        show this help

Exit status: 0 success, 1 invalid campaign, 2 usage error.
)";

constexpr std::string_view simulate_help =
    R"(Usage: blindbox simulate FILE --players N [--seed S] [--day YYYY-MM-DD]
                         [--draws-per-player K] [--json]

Runs one campaign day through the real draw, against in-memory counters.
Players arrive evenly over the opening hours and each draws K times on
arrival. Prints, per prize, the units won (and by the pity rule) and when it
sold out, then the draws, wins, blanks, refused draws, the win rate and the
share of players who won anything. The same seed gives the same day.

Options:
  --players N             players arriving (1 to 100000000)
  --seed S                entropy seed, 0 to 9223372036854775807 (default 1)
  --day YYYY-MM-DD        the day (default as for 'blindbox odds')
  --draws-per-player K    draws per player (default: the daily limit);
                          at most 100000000 draws in all
  --json                  print the simulation report JSON
  -h, --help              show this help

A progress bar is shown on standard error when it is a terminal and the run
has at least 100000 draws.
Exit status: 0 success, 1 invalid campaign, 2 usage error.
)";

constexpr std::string_view ticket_help =
    R"(Usage: blindbox ticket --campaign ID --player PLAYER
                       [--expires-in SECONDS | --expires UNIX]

Signs a ticket that lets PLAYER draw in campaign ID (a campaign whose identity
is "ticket") until it expires, and prints it on standard output:
  EXPIRES.SIGNATURE
where EXPIRES is the expiry in Unix seconds and SIGNATURE is the HMAC-SHA256
of the campaign, player and expiry under the ticket secret (43 characters of
URL-safe base64). The Worker checks it with the same secret.

The secret is read only from the environment variable BLINDBOX_TICKET_SECRET,
never from the command line (where ps and shell history would show it); it
must hold the same value as 'wrangler secret put TICKET_SECRET' gave the
Worker.

Options:
  --campaign ID         the campaign id (1 to 64 characters)
  --player PLAYER       the player id, as the Worker receives it (1 to 128
                        characters, no control characters)
  --expires-in SECONDS  lifetime from now, 1 to 31536000 (default 3600)
  --expires UNIX        expiry as a Unix time in seconds instead (1 to
                        9999999999; a past time gives an expired ticket, with
                        a note on standard error)
  -h, --help            show this help

Exit status: 0 success, 2 usage error (bad arguments, no secret set).
)";

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"validate", validate_help, {}, run_validate, true},
        {"odds", odds_help, {{"--day", true}, {"--at", true}, {"--json", false}}, run_odds, true},
        {"simulate",
         simulate_help,
         {{"--players", true},
          {"--seed", true},
          {"--day", true},
          {"--draws-per-player", true},
          {"--json", false}},
         run_simulate,
         true},
        {"ticket",
         ticket_help,
         {{"--campaign", true}, {"--player", true}, {"--expires-in", true}, {"--expires", true}},
         run_ticket,
         false},
    };
    return table;
}

const Command* find_command(std::string_view name) {
    for (const Command& command : commands()) {
        if (command.name == name) return &command;
    }
    return nullptr;
}

int run_command(const Command& command, const std::vector<std::string_view>& words) {
    Arguments arguments;
    std::string error;
    if (!parse_arguments(words, command.options, arguments, error)) {
        return usage_error(command.name, error);
    }
    if (arguments.help) {
        std::cout << command.help;
        return exit_success;
    }
    if (!command.takes_file) {
        if (!arguments.positionals.empty()) {
            return usage_error(command.name,
                               "unexpected argument '" + arguments.positionals[0] + "'");
        }
        return command.run(Invocation{command, arguments, {}});
    }
    if (arguments.positionals.empty()) return usage_error(command.name, "missing FILE");
    if (arguments.positionals.size() > 1) {
        return usage_error(command.name, "unexpected argument '" + arguments.positionals[1] + "'");
    }
    const Invocation invocation{command, arguments, arguments.positionals.front()};
    return command.run(invocation);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string_view> words(argv + std::min(argc, 1), argv + argc);
    if (words.empty()) {
        std::cerr << general_help;
        return exit_usage;
    }
    const std::string_view first = words.front();
    if (first == "-h" || first == "--help") {
        std::cout << general_help;
        return exit_success;
    }
    if (first == "--version") {
        std::cout << version_line << "\n";
        return exit_success;
    }
    if (first == "help") {
        if (words.size() == 1) {
            std::cout << general_help;
            return exit_success;
        }
        const Command* command = find_command(words[1]);
        if (!command) return usage_error("", "unknown command '" + std::string(words[1]) + "'");
        std::cout << command->help;
        return exit_success;
    }
    const Command* command = find_command(first);
    if (!command) {
        return usage_error("", (first.starts_with("-") ? "unknown option '" : "unknown command '") +
                                   std::string(first) + "'");
    }
    words.erase(words.begin());
    const int status = run_command(*command, words);
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "blindbox: cannot write the output\n";
        return exit_usage;
    }
    return status;
}
