// libFuzzer target: player tickets (blindbox/ticket.h).
//
// An input is
//
//     <ticket>\n<now, decimal Unix seconds>\n<player: every byte to the end>
//
// checked for campaign "fuzz-ticket" under the secret "fuzz-ticket-secret"
// (the seeds in corpus/ticket/ were signed with them by `blindbox ticket`).
// The rules: text over 64 characters is malformed; only the canonical ticket
// text sign_ticket gives for that campaign, player and expiry verifies, and it
// is "valid" exactly until its expiry; whether a ticket is well formed does
// not depend on the secret; an empty secret verifies nothing; and a ticket
// signed for the player at `now + 1` verifies at `now`, has expired one second
// later and fails for another player, campaign or secret.
//
// Tickets are checked by the Worker, not through the C ABI, so the WASI replay
// (tests/wasm/fuzz-replay.mjs) sends these inputs' players and tickets through
// bb_player_status and bb_draw of a ticket campaign instead.

#include "fuzz_support.h"

#include "blindbox/ticket.h"

#include <limits>

using namespace blindbox;
using namespace blindbox::fuzz;

namespace {

constexpr std::string_view secret = "fuzz-ticket-secret";
constexpr std::string_view other_secret =
    "a secret longer than the 64 bytes of one HMAC-SHA256 block, so that it is hashed first";
constexpr std::string_view campaign_id = "fuzz-ticket";

// Decimal digits with an optional '-', saturating; 0 for anything else.
int64_t parse_now(std::string_view text) {
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) text.remove_prefix(1);
    if (text.empty()) return 0;
    int64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return 0;
        const int digit = c - '0';
        if (value > (std::numeric_limits<int64_t>::max() - digit) / 10) {
            return negative ? std::numeric_limits<int64_t>::min() + 1
                            : std::numeric_limits<int64_t>::max();
        }
        value = value * 10 + digit;
    }
    return negative ? -value : value;
}

// The EXPIRES of a ticket that verified (its text before the dot).
int64_t expires_of(std::string_view ticket) {
    return parse_now(ticket.substr(0, ticket.find('.')));
}

std::string describe(std::string_view ticket, int64_t now, TicketCheck check) {
    return "ticket '" + std::string(ticket) + "' at " + std::to_string(now) + ": " +
           std::string(to_string(check));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // An exact copy, so that a read past the end is caught.
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::string_view text(input);
    const size_t first_break = text.find('\n');
    const std::string_view ticket = text.substr(0, first_break);
    std::string_view now_text, player;
    if (first_break != std::string_view::npos) {
        const std::string_view rest = text.substr(first_break + 1);
        const size_t second_break = rest.find('\n');
        now_text = rest.substr(0, second_break);
        if (second_break != std::string_view::npos) player = rest.substr(second_break + 1);
    }
    const int64_t now = parse_now(now_text);

    const TicketCheck check = check_ticket(secret, campaign_id, player, ticket, now);
    FUZZ_CHECK(!to_string(check).empty(), describe(ticket, now, check));
    if (ticket.size() > max_ticket_length) {
        FUZZ_CHECK(check == TicketCheck::malformed, describe(ticket, now, check));
    }
    if (check == TicketCheck::valid || check == TicketCheck::expired) {
        const int64_t expires = expires_of(ticket);
        FUZZ_CHECK(ticket == sign_ticket(secret, campaign_id, player, expires),
                   describe(ticket, now, check));
        FUZZ_CHECK((check == TicketCheck::valid) == (expires > now), describe(ticket, now, check));
    }
    for (const std::string_view wrong_secret : {std::string_view{}, other_secret}) {
        const TicketCheck elsewhere = check_ticket(wrong_secret, campaign_id, player, ticket, now);
        FUZZ_CHECK((elsewhere == TicketCheck::malformed) == (check == TicketCheck::malformed),
                   describe(ticket, now, elsewhere));
        FUZZ_CHECK(elsewhere == TicketCheck::malformed || elsewhere == TicketCheck::bad_signature,
                   describe(ticket, now, elsewhere));
    }

    // No ticket text can carry an expiry outside 0..max_ticket_expires.
    FUZZ_CHECK(sign_ticket(secret, campaign_id, player, -1).empty(), "expiry -1");
    FUZZ_CHECK(sign_ticket(secret, campaign_id, player, max_ticket_expires + 1).empty(),
               "expiry past max_ticket_expires");

    // A ticket made for this player right now.
    if (now < 0 || now >= max_ticket_expires) return 0;
    const int64_t expires = now + 1;
    const std::string fresh = sign_ticket(secret, campaign_id, player, expires);
    FUZZ_CHECK(!fresh.empty() && fresh.size() <= max_ticket_length, fresh);
    FUZZ_CHECK(check_ticket(secret, campaign_id, player, fresh, now) == TicketCheck::valid, fresh);
    FUZZ_CHECK(check_ticket(secret, campaign_id, player, fresh, expires) == TicketCheck::expired,
               fresh);
    const std::string other_player = std::string(player) + "x";
    FUZZ_CHECK(check_ticket(secret, campaign_id, other_player, fresh, now) ==
                   TicketCheck::bad_signature,
               fresh);
    FUZZ_CHECK(check_ticket(secret, "fuzz-ticket-2", player, fresh, now) ==
                   TicketCheck::bad_signature,
               fresh);
    FUZZ_CHECK(check_ticket(other_secret, campaign_id, player, fresh, now) ==
                   TicketCheck::bad_signature,
               fresh);
    FUZZ_CHECK(sign_ticket({}, campaign_id, player, expires).empty(), "signed without a secret");
    return 0;
}
