// Help layout (see help_format.h).

#include "help_format.h"

namespace blindbox::cli {

HelpFormatter::HelpFormatter() {
    column_width(24);
    label("SUBCOMMAND", "COMMAND");
    label("Positionals", "Arguments");
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
    return option->get_positional() ? std::string() : CLI::Formatter::make_option_opts(option);
}

std::string HelpFormatter::make_help(const CLI::App* app, std::string name,
                                     CLI::AppFormatMode mode) const {
    if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
    std::string text = make_usage(app, name) + "\n" + make_description(app) +
                       make_positionals(app) + make_groups(app, mode) +
                       make_subcommands(app, mode) + "\n" + make_footer(app);
    // The parts each start or end with a line break of their own: keep one
    // blank line between them and none at the end.
    for (size_t at = text.find("\n\n\n"); at != std::string::npos; at = text.find("\n\n\n")) {
        text.erase(at, 1);
    }
    while (text.ends_with("\n\n"))
        text.pop_back();
    return text;
}

} // namespace blindbox::cli
