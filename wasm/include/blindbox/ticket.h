// Player tickets: proof from the operator's login system that a player may draw.
//
// A campaign whose `identity` is "ticket" accepts a draw only with a ticket. The operator's login
// system signs the player id and an expiry time with HMAC-SHA256 under a secret it shares with
// the Worker (`wrangler secret put TICKET_SECRET`); the Worker verifies the ticket with WebCrypto
// before it asks the core for a draw. This file is the C++ side of that exact format, for the CLI
// (`blindbox ticket`) and for tests; both sides must produce the same text byte for byte.
//
//     ticket    = EXPIRES "." SIGNATURE
//     EXPIRES   = Unix seconds, decimal, no sign, no leading zeros (1 to 10 digits)
//     SIGNATURE = base64url without padding (43 characters) of
//                 HMAC-SHA256(secret, "blindbox-ticket-v1\n" + campaign_id + "\n" + player + "\n"
//                                     + EXPIRES)
//
// The signed message binds the ticket to one campaign and one player, so a ticket for another
// player or another campaign does not verify; "blindbox-ticket-v1" keeps it from ever being
// mistaken for any other HMAC made under the same secret, and names the version. Campaign ids
// cannot hold a newline and EXPIRES is digits only, so the message splits back into its parts in
// exactly one way whatever bytes the player id holds. A ticket is at most 10 + 1 + 43 = 54
// characters; anything over 64 is refused as malformed before any other work.
//
// A ticket is checked by recomputing the whole expected ticket text from its EXPIRES and comparing
// the two with equal_constant_time (blindbox/sha256.h), so the time taken does not depend on
// where a forged signature first differs. Only the canonical encoding verifies: a signature whose
// 43rd character carries nonzero unused low bits is refused like any other wrong signature.
//
// An empty secret signs nothing and verifies nothing: with it anyone could mint tickets, so it
// is treated as a misconfiguration rather than as a key.
//
// Plain portable C++ like the rest of the core: no exceptions, no RTTI, no clock reads (the
// caller passes the time).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace blindbox {

// Longest ticket text accepted; longer text is malformed without being parsed.
inline constexpr size_t max_ticket_length = 64;
// Characters of the signature: 32 HMAC bytes in base64url without padding.
inline constexpr size_t ticket_signature_length = 43;
// Largest EXPIRES that fits in 10 digits (in the year 2286).
inline constexpr int64_t max_ticket_expires = 9'999'999'999;

// The ticket for `player` in campaign `campaign_id`, valid until (not including) the Unix second
// `expires_unix`. Returns an empty string -- never a ticket -- if `secret` is empty or
// `expires_unix` is outside 0..max_ticket_expires (no ticket text could carry it). The campaign
// id and player are signed as given, byte for byte; the caller checks their lengths.
std::string sign_ticket(std::string_view secret, std::string_view campaign_id,
                        std::string_view player, int64_t expires_unix);

enum class TicketCheck {
    valid,         // signed under the secret for this campaign and player, and not yet expired
    malformed,     // not the ticket format above (or longer than max_ticket_length)
    expired,       // genuine, but its EXPIRES is at or before now
    bad_signature, // well formed, but not signed under this secret for this campaign and player
};

// Checks `ticket` as presented by `player` for campaign `campaign_id` at the Unix second
// `now_unix`. In this order: malformed if it is not the format above; bad_signature if its
// signature is not the one the secret gives for this campaign, player and EXPIRES (always so for
// an empty secret); expired if EXPIRES <= now_unix; otherwise valid. The signature is checked
// before the expiry so that "expired" is only ever said of a genuine ticket.
TicketCheck check_ticket(std::string_view secret, std::string_view campaign_id,
                         std::string_view player, std::string_view ticket, int64_t now_unix);

// "valid", "malformed", "expired" or "bad_signature".
std::string_view to_string(TicketCheck check);

} // namespace blindbox
