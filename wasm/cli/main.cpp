// blindbox: the command-line tool over the core.
//
// Operators check and preview a campaign definition before publishing it
// (validate, odds, simulate) and sign player tickets (ticket). Every figure
// comes from the core, the same code the Worker and the browser run; `--json`
// prints the core's JSON (blindbox/reports.h), the text they get too.
//
// This file only sets up the CLI11 application: the general options, one
// subcommand per command_NAME.cpp, `blindbox help [COMMAND]`, and turning
// parse outcomes into exit statuses (command.h): 0 success, 1 invalid
// campaign, 2 usage error (bad arguments, unreadable or oversized file, no
// ticket secret).

#include "command.h"
#include "help_format.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <system_error>

namespace {

using namespace blindbox::cli;

constexpr char version_line[] = "blindbox 0.1.0";

constexpr char general_description[] =
    "Checks and previews blind-box campaign definitions with the same core the\n"
    "Worker and the browser run, and signs player tickets.";

constexpr char general_footer[] =
    R"('blindbox COMMAND --help' (or 'blindbox help COMMAND') describes a command.
FILE may be - for standard input; files over 1 MiB are refused.
Exit status: 0 success, 1 invalid campaign, 2 usage error.)";

// `blindbox help [COMMAND]`: the general help, or a command's.
CommandRunner add_help_command(CLI::App& app) {
    CLI::App* command = app.add_subcommand("help", "show this help, or a command's");
    auto topic = std::make_shared<std::optional<std::string>>();
    command->add_option("COMMAND", *topic, "the command to describe")->type_name("");
    return [&app, topic] {
        if (!*topic) {
            fmt::print("{}", app.get_formatter()->make_help(&app, app.get_name(), {}));
            return exit_success;
        }
        for (const CLI::App* subcommand : app.get_subcommands({})) {
            if (subcommand->get_name() == **topic) {
                fmt::print("{}", subcommand->help(app.get_name()));
                return exit_success;
            }
        }
        return usage_error("", "unknown command '" + **topic + "'");
    };
}

// What CLI11 handed back to the program once `command` was chosen: words
// before the command's name are unknown general options; words after it
// followed "--" in the command, which had no place for them.
std::optional<int> reject_program_leftovers(const CLI::App& app, const CLI::App& command, int argc,
                                            char** argv) {
    const std::vector<std::string> leftovers = app.remaining();
    if (leftovers.empty()) return std::nullopt;
    // The program takes only flags, so its first other word names the command.
    char** const command_word =
        std::find_if(argv + 1, argv + argc, [](const char* word) { return word[0] != '-'; });
    if (std::find(argv + 1, command_word, leftovers.front()) != command_word) {
        return reject_leftovers(app);
    }
    return usage_error(command.get_name(), "unexpected argument '" + leftovers.front() + "'");
}

// Parses the command line and runs the chosen command.
int run(CLI::App& app, const std::map<std::string, CommandRunner>& runners, int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "{}", app.help());
        return exit_usage;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        fmt::print("{}", app.help());
        return exit_success;
    } catch (const CLI::Success&) {
        fmt::print("{}\n", version_line);
        return exit_success;
    } catch (const CLI::ParseError& error) {
        // An unknown option read before the error is the first problem.
        const std::vector<CLI::App*> chosen = app.get_subcommands();
        const CLI::App& command = chosen.empty() ? app : *chosen.front();
        if (auto status = reject_leftovers(command)) return *status;
        return report_parse_error(command, error);
    }
    const std::vector<CLI::App*> chosen = app.get_subcommands();
    if (chosen.empty()) {
        if (auto status = reject_leftovers(app)) return *status;
        fmt::print(stderr, "{}", app.help());
        return exit_usage;
    }
    const CLI::App& command = *chosen.front();
    if (auto status = reject_leftovers(command)) return *status;
    if (auto status = reject_program_leftovers(app, command, argc, argv)) return *status;
    return runners.at(command.get_name())();
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app(general_description, "blindbox");
    app.set_help_flag("-h,--help", "show this help");
    app.add_flag_callback(
        "--version", [] { throw CLI::Success(); }, "print the version");
    app.formatter(std::make_shared<HelpFormatter>());
    app.require_subcommand(0, 1);
    app.allow_extras(); // inherited by the subcommands: leftovers are reported as usage errors
    app.footer(general_footer);

    const std::map<std::string, CommandRunner> runners = {{"validate", add_validate_command(app)},
                                                          {"odds", add_odds_command(app)},
                                                          {"simulate", add_simulate_command(app)},
                                                          {"ticket", add_ticket_command(app)},
                                                          {"help", add_help_command(app)}};
    for (CLI::App* command : app.get_subcommands({}))
        command->group("Commands");

    // fmt::print throws std::system_error when it cannot write; buffered
    // output that fails is caught by the flush.
    int status = exit_usage;
    bool write_failed = false;
    try {
        status = run(app, runners, argc, argv);
    } catch (const std::system_error&) {
        write_failed = true;
    }
    if (write_failed || std::fflush(stdout) != 0 || std::ferror(stdout)) {
        std::fputs("blindbox: cannot write the output\n", stderr);
        return exit_usage;
    }
    return status;
}
