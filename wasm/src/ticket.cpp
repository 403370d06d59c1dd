#include "blindbox/ticket.h"

#include "blindbox/claim_token.h"
#include "blindbox/sha256.h"

namespace blindbox {
namespace {

constexpr std::string_view ticket_domain = "blindbox-ticket-v1\n";
constexpr size_t max_expires_digits = 10;

constexpr bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

constexpr bool is_base64url_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

// The Unix seconds written in `text` if it is 1 to 10 decimal digits without a leading zero
// ("0" itself is canonical), else -1.
int64_t parse_expires(std::string_view text) {
    if (text.empty() || text.size() > max_expires_digits) return -1;
    if (text.size() > 1 && text[0] == '0') return -1;
    int64_t value = 0;
    for (const char c : text) {
        if (!is_digit(c)) return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

std::string sign_ticket(std::string_view secret, std::string_view campaign_id,
                        std::string_view player, int64_t expires_unix) {
    if (secret.empty() || expires_unix < 0 || expires_unix > max_ticket_expires) return {};
    const std::string expires = std::to_string(expires_unix);

    std::string message;
    message.reserve(ticket_domain.size() + campaign_id.size() + player.size() + expires.size() + 2);
    message += ticket_domain;
    message += campaign_id;
    message += '\n';
    message += player;
    message += '\n';
    message += expires;

    const Digest signature = hmac_sha256(secret, message);
    return expires + "." + base64url_encode(signature.data(), signature.size());
}

TicketCheck check_ticket(std::string_view secret, std::string_view campaign_id,
                         std::string_view player, std::string_view ticket, int64_t now_unix) {
    if (ticket.size() > max_ticket_length) return TicketCheck::malformed;
    const size_t dot = ticket.find('.');
    if (dot == std::string_view::npos) return TicketCheck::malformed;
    const int64_t expires = parse_expires(ticket.substr(0, dot));
    if (expires < 0) return TicketCheck::malformed;
    const std::string_view signature = ticket.substr(dot + 1);
    if (signature.size() != ticket_signature_length) return TicketCheck::malformed;
    for (const char c : signature) {
        if (!is_base64url_char(c)) return TicketCheck::malformed;
    }

    // EXPIRES is canonical, so the expected text has the same length as the presented one and
    // the comparison's time depends on neither's contents.
    const std::string expected = sign_ticket(secret, campaign_id, player, expires);
    if (expected.empty() || !equal_constant_time(expected, ticket)) {
        return TicketCheck::bad_signature;
    }
    if (expires <= now_unix) return TicketCheck::expired;
    return TicketCheck::valid;
}

std::string_view to_string(TicketCheck check) {
    switch (check) {
    case TicketCheck::valid:
        return "valid";
    case TicketCheck::malformed:
        return "malformed";
    case TicketCheck::expired:
        return "expired";
    case TicketCheck::bad_signature:
        return "bad_signature";
    }
    return "malformed";
}

} // namespace blindbox
