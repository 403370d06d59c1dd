// What the `blindbox` commands share: exit statuses, how a command plugs into
// the CLI11 application, and how problems with the command line are reported.
//
// Each command lives in its own command_NAME.cpp and exposes one function,
// add_NAME_command(app), which declares the subcommand and its options on the
// CLI11 app and returns the CommandRunner that main calls once the command line
// has parsed. Option values arrive as text and each command checks them itself,
// so every message names the option at fault in the project's own words.
// Uses CLI11 (declarations only here) and fmt; knows no particular command.

#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace CLI {
class App;
class ParseError;
} // namespace CLI

namespace blindbox::cli {

inline constexpr int exit_success = 0;
inline constexpr int exit_invalid_campaign = 1;
inline constexpr int exit_usage = 2; // bad arguments, unreadable file, no ticket secret

// Runs a parsed command; returns its exit status.
using CommandRunner = std::function<int()>;

CommandRunner add_validate_command(CLI::App& app);
CommandRunner add_odds_command(CLI::App& app);
CommandRunner add_simulate_command(CLI::App& app);
CommandRunner add_ticket_command(CLI::App& app);

// Prints "blindbox COMMAND: MESSAGE" and a pointer to the command's help on
// standard error (COMMAND empty: the program as a whole); returns exit_usage.
int usage_error(std::string_view command, std::string_view message);

// A problem that is not the command line's fault (an unreadable file, say):
// "blindbox COMMAND: MESSAGE" on standard error; returns exit_usage.
int input_error(std::string_view command, std::string_view message);

// Reports a CLI11 parse error of `command` (a missing value or FILE, an option
// given twice, a value on a flag) in the same form as usage_error; returns
// exit_usage.
int report_parse_error(const CLI::App& command, const CLI::ParseError& error);

// Reports what CLI11 left unparsed on `command` (unknown options, extra
// arguments; a "--" there ends the options) as a usage error; nullopt when
// nothing was left. Needs the command to allow extras.
std::optional<int> reject_leftovers(const CLI::App& command);

// Adds the required positional FILE ("-": standard input) to a command.
void add_file_argument(CLI::App& command, std::string& file);

// Adds the flag --json to a command: given once, without a value.
void add_json_flag(CLI::App& command, bool& json, const std::string& description);

// A whole number in [min, max], written in plain decimal digits.
std::optional<uint64_t> parse_whole_number(std::string_view text, uint64_t min, uint64_t max);

} // namespace blindbox::cli
