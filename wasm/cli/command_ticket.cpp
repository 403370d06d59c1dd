// blindbox ticket: signs a player's ticket (blindbox/ticket.h) for a campaign
// whose identity is "ticket", with the secret taken from the environment.

#include "command.h"

#include "blindbox/ticket.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <memory>

namespace blindbox::cli {
namespace {

constexpr char ticket_description[] = "sign a player's ticket for a campaign whose identity is\n"
                                      "\"ticket\" (secret from BLINDBOX_TICKET_SECRET)";

constexpr char ticket_footer[] =
    R"(Signs a ticket that lets PLAYER draw in campaign ID (a campaign whose identity
is "ticket") until it expires, and prints it on standard output:
  EXPIRES.SIGNATURE
where EXPIRES is the expiry in Unix seconds and SIGNATURE is the HMAC-SHA256
of the campaign, player and expiry under the ticket secret (43 characters of
URL-safe base64). The Worker checks it with the same secret.

The secret is read only from the environment variable BLINDBOX_TICKET_SECRET,
never from the command line (where ps and shell history would show it); it
must hold the same value as 'wrangler secret put TICKET_SECRET' gave the
Worker.

Exit status: 0 success, 2 usage error (bad arguments, no secret set).)";

constexpr char ticket_secret_variable[] = "BLINDBOX_TICKET_SECRET";
constexpr uint64_t default_ticket_lifetime = 3600;
constexpr uint64_t max_ticket_lifetime = 365 * 24 * 3600;
constexpr size_t max_campaign_id_length = 64;
constexpr size_t max_player_length = 128;

struct TicketArguments {
    std::optional<std::string> campaign;
    std::optional<std::string> player;
    std::optional<std::string> expires_in;
    std::optional<std::string> expires;
};

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

// What is wrong with --campaign and --player, or an empty string.
std::string identity_problem(const TicketArguments& arguments) {
    if (!arguments.campaign) return "--campaign ID is required";
    const std::string& campaign = *arguments.campaign;
    if (campaign.empty() || campaign.size() > max_campaign_id_length ||
        has_control_characters(campaign)) {
        return fmt::format("--campaign must be a campaign id of 1 to {} characters without "
                           "control characters",
                           max_campaign_id_length);
    }
    if (!arguments.player) return "--player PLAYER is required";
    const size_t player_length = count_code_points(*arguments.player);
    if (player_length == 0 || player_length > max_player_length) {
        return fmt::format("--player must be 1 to {} characters (got {})", max_player_length,
                           player_length);
    }
    if (has_control_characters(*arguments.player)) {
        return "--player must not contain control characters";
    }
    return {};
}

// The expiry from --expires, or now plus --expires-in (default an hour).
// Returns nullopt with `error` set when they are out of range or both given.
std::optional<int64_t> chosen_expiry(const TicketArguments& arguments, int64_t now,
                                     std::string& error) {
    if (arguments.expires && arguments.expires_in) {
        error = "give --expires or --expires-in, not both";
        return std::nullopt;
    }
    if (arguments.expires) {
        constexpr auto max_expires = static_cast<uint64_t>(max_ticket_expires);
        auto parsed = parse_whole_number(*arguments.expires, 1, max_expires);
        if (!parsed) {
            error = fmt::format("--expires must be a Unix time in seconds from 1 to {} (got '{}')",
                                max_expires, *arguments.expires);
            return std::nullopt;
        }
        return static_cast<int64_t>(*parsed);
    }
    uint64_t lifetime = default_ticket_lifetime;
    if (arguments.expires_in) {
        auto parsed = parse_whole_number(*arguments.expires_in, 1, max_ticket_lifetime);
        if (!parsed) {
            error = fmt::format("--expires-in must be a whole number of seconds from 1 to {} (got "
                                "'{}')",
                                max_ticket_lifetime, *arguments.expires_in);
            return std::nullopt;
        }
        lifetime = *parsed;
    }
    return now + static_cast<int64_t>(lifetime);
}

int run_ticket(const TicketArguments& arguments) {
    const std::string problem = identity_problem(arguments);
    if (!problem.empty()) return usage_error("ticket", problem);
    const auto now = static_cast<int64_t>(std::time(nullptr));
    std::string error;
    const std::optional<int64_t> expires = chosen_expiry(arguments, now, error);
    if (!expires) return usage_error("ticket", error);

    // The secret never comes from the command line, where `ps` and shell history would show it.
    const char* secret = std::getenv(ticket_secret_variable);
    if (!secret || !*secret) {
        fmt::print(stderr,
                   "blindbox ticket: set {} to the ticket secret: the same value the Worker holds "
                   "as TICKET_SECRET\n(set there with 'wrangler secret put TICKET_SECRET'). It is "
                   "never taken from the command line.\n",
                   ticket_secret_variable);
        return exit_usage;
    }

    const std::string ticket =
        sign_ticket(secret, *arguments.campaign, *arguments.player, *expires);
    if (ticket.empty()) return input_error("ticket", "cannot sign a ticket with this expiry");
    if (*expires <= now) {
        fmt::print(stderr,
                   "note: --expires {} is not after now ({}): the ticket has already expired\n",
                   *expires, now);
    }
    fmt::print("{}\n", ticket);
    return exit_success;
}

} // namespace

CommandRunner add_ticket_command(CLI::App& app) {
    CLI::App* command = app.add_subcommand("ticket", ticket_description);
    command->footer(ticket_footer);
    auto arguments = std::make_shared<TicketArguments>();
    command
        ->add_option("--campaign", arguments->campaign,
                     "the campaign id, 1 to 64 characters (required)")
        ->option_text("ID");
    command
        ->add_option("--player", arguments->player,
                     "the player id, as the Worker receives it: 1 to 128\n"
                     "characters, no control characters (required)")
        ->option_text("PLAYER");
    command
        ->add_option("--expires-in", arguments->expires_in,
                     "lifetime from now, 1 to 31536000 (default 3600)")
        ->option_text("SECONDS");
    command
        ->add_option("--expires", arguments->expires,
                     "expiry as a Unix time in seconds instead (1 to\n"
                     "9999999999; a past time gives an expired ticket, with\n"
                     "a note on standard error)")
        ->option_text("UNIX");
    return [arguments] { return run_ticket(*arguments); };
}

} // namespace blindbox::cli
