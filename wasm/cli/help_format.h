// How `blindbox --help` and `blindbox COMMAND --help` are laid out: CLI11's
// formatter with the usage line first, then what the command does, its
// arguments and options, the commands (for the program), and the footer
// (details and exit statuses), separated by single blank lines.
// Uses CLI11 only.

#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace blindbox::cli {

class HelpFormatter : public CLI::Formatter {
  public:
    HelpFormatter();
    std::string make_help(const CLI::App* app, std::string name,
                          CLI::AppFormatMode mode) const override;
    // Nothing after a positional's name (CLI11 would add "REQUIRED").
    std::string make_option_opts(const CLI::Option* option) const override;
};

} // namespace blindbox::cli
