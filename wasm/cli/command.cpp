// Reporting command-line problems, and the pieces of option handling every
// command shares (see command.h).

#include "command.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <charconv>

namespace blindbox::cli {
namespace {

// The project's wording for the CLI11 2.1 ArgumentMismatch messages, which
// carry the option's name but no structured detail; anything else is passed
// on as CLI11 wrote it (it names the option too).
std::string usage_problem(const CLI::ParseError& error) {
    const std::string message = error.what();
    const size_t colon = message.find(": ");
    const std::string option = message.substr(0, colon);
    if (colon != std::string::npos && message.ends_with(" missing")) {
        return "option " + option + " needs a value";
    }
    if (colon != std::string::npos && message.find(" but received ") != std::string::npos) {
        return "option " + option + " given twice";
    }
    if (message.ends_with(" is required") && message.find(' ') == message.size() - 12) {
        return "missing " + message.substr(0, message.size() - 12);
    }
    const size_t override_at = message.find(" was given a disallowed flag override");
    if (override_at != std::string::npos) {
        return "option --" + message.substr(0, override_at) + " takes no value";
    }
    return message;
}

} // namespace

int usage_error(std::string_view command, std::string_view message) {
    const std::string program = command.empty() ? "blindbox" : fmt::format("blindbox {}", command);
    fmt::print(stderr, "{}: {}\nTry '{} --help'.\n", program, message, program);
    return exit_usage;
}

int input_error(std::string_view command, std::string_view message) {
    fmt::print(stderr, "blindbox {}: {}\n", command, message);
    return exit_usage;
}

int report_parse_error(const CLI::App& command, const CLI::ParseError& error) {
    const std::string name = command.get_parent() ? command.get_name() : "";
    return usage_error(name, usage_problem(error));
}

std::optional<int> reject_leftovers(const CLI::App& command) {
    const bool is_program = command.get_parent() == nullptr;
    const std::string name = is_program ? "" : command.get_name();
    // CLI11 keeps "--" (the end of the options) among the leftovers.
    bool options_ended = false;
    for (const std::string& word : command.remaining()) {
        if (word == "--" && !options_ended) {
            options_ended = true;
        } else if (!options_ended && word.size() > 1 && word.starts_with("-")) {
            return usage_error(name, "unknown option '" + word.substr(0, word.find('=')) + "'");
        } else if (is_program) {
            // The program itself takes no argument but a command's name.
            return usage_error("", "unknown command '" + word + "'");
        } else {
            return usage_error(name, "unexpected argument '" + word + "'");
        }
    }
    return std::nullopt;
}

void add_file_argument(CLI::App& command, std::string& file) {
    command.add_option("FILE", file, "the campaign definition (JSON); - for standard input")
        ->type_name("")
        ->required();
}

void add_json_flag(CLI::App& command, bool& json, const std::string& description) {
    command.add_flag("--json", json, description)
        ->disable_flag_override()
        ->multi_option_policy(CLI::MultiOptionPolicy::Throw);
}

std::optional<uint64_t> parse_whole_number(std::string_view text, uint64_t min, uint64_t max) {
    uint64_t value = 0;
    const char* end = text.data() + text.size();
    auto [stop, problem] = std::from_chars(text.data(), end, value);
    if (text.empty() || problem != std::errc{} || stop != end || value < min || value > max) {
        return std::nullopt;
    }
    return value;
}

} // namespace blindbox::cli
