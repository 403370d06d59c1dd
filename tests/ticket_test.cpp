#include "blindbox/ticket.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>

using blindbox::TicketCheck;

namespace doctest {
template <>
struct StringMaker<TicketCheck> {
    static String convert(TicketCheck check) {
        const std::string_view name = blindbox::to_string(check);
        return String(name.data(), static_cast<String::size_type>(name.size()));
    }
};
} // namespace doctest

namespace {

constexpr std::string_view secret = "dev-secret";
constexpr int64_t expires = 1'800'000'000;

TicketCheck check(std::string_view ticket, int64_t now = expires - 1,
                  std::string_view player = "alice", std::string_view campaign = "spring") {
    return blindbox::check_ticket(secret, campaign, player, ticket, now);
}

} // namespace

TEST_CASE("a ticket is EXPIRES.SIGNATURE exactly as openssl computes the HMAC") {
    // printf 'blindbox-ticket-v1\nspring\nalice\n1800000000' |
    //   openssl dgst -sha256 -hmac 'dev-secret' -binary | basenc --base64url | tr -d '='
    CHECK(blindbox::sign_ticket(secret, "spring", "alice", expires) ==
          "1800000000.a6Y0WR7H92VPRw39cN-WeujXZwLAC_H-08l4aAyKV2Q");

    // The same for player "bob": the player is part of what is signed.
    CHECK(blindbox::sign_ticket(secret, "spring", "bob", expires) ==
          "1800000000.wn5yV7m_4i25t9pDW-aavw1W3Z_0StwtNV0UGXzvHd4");

    // A UTF-8 player, the largest EXPIRES and an 80-byte secret (longer than a block: hashed):
    // printf 'blindbox-ticket-v1\nsummer-2026\n玩家-42\n9999999999' |
    //   openssl dgst -sha256 -hmac "$(printf 'k%.0s' $(seq 80))" -binary | basenc --base64url |
    //   tr -d '='
    CHECK(blindbox::sign_ticket(std::string(80, 'k'), "summer-2026", "玩家-42", 9'999'999'999) ==
          "9999999999.VtxdGFCvtuxUao8vngTmQRERr3PwTq0qvI4Dx0DhasA");
}

TEST_CASE("a ticket signed for a player verifies until it expires") {
    const std::string ticket = blindbox::sign_ticket(secret, "spring", "alice", expires);
    CHECK(ticket.size() == 54);
    CHECK(check(ticket, 0) == TicketCheck::valid);
    CHECK(check(ticket, expires - 3600) == TicketCheck::valid);
    CHECK(check(ticket, expires - 1) == TicketCheck::valid);
    CHECK(check(ticket, expires) == TicketCheck::expired);
    CHECK(check(ticket, expires + 1) == TicketCheck::expired);
    CHECK(check(ticket, INT64_MAX) == TicketCheck::expired);

    SUBCASE("for a 128-character UTF-8 player id as well") {
        std::string player;
        for (int i = 0; i < 128; ++i)
            player += "玩";
        const std::string long_ticket = blindbox::sign_ticket(secret, "spring", player, expires);
        CHECK(check(long_ticket, expires - 1, player) == TicketCheck::valid);
        CHECK(check(long_ticket, expires - 1, player.substr(3)) == TicketCheck::bad_signature);
    }
}

TEST_CASE("a ticket for another player or campaign is refused") {
    const std::string ticket = blindbox::sign_ticket(secret, "spring", "alice", expires);
    CHECK(check(ticket, expires - 1, "bob") == TicketCheck::bad_signature);
    CHECK(check(ticket, expires - 1, "Alice") == TicketCheck::bad_signature);
    CHECK(check(ticket, expires - 1, "alice ") == TicketCheck::bad_signature);
    CHECK(check(ticket, expires - 1, "alic") == TicketCheck::bad_signature);
    CHECK(check(ticket, expires - 1, "alice", "summer") == TicketCheck::bad_signature);
    CHECK(check(ticket, expires - 1, "alice", "spring2") == TicketCheck::bad_signature);

    SUBCASE("and so is one signed under another secret") {
        CHECK(blindbox::check_ticket("dev-secret2", "spring", "alice", ticket, expires - 1) ==
              TicketCheck::bad_signature);
        CHECK(blindbox::check_ticket("Dev-secret", "spring", "alice", ticket, expires - 1) ==
              TicketCheck::bad_signature);
    }

    SUBCASE("even once expired: only a genuine ticket is called expired") {
        CHECK(check(ticket, expires + 1, "bob") == TicketCheck::bad_signature);
    }
}

TEST_CASE("a tampered or malformed ticket is refused") {
    const std::string ticket = blindbox::sign_ticket(secret, "spring", "alice", expires);
    const std::string signature = ticket.substr(11);
    REQUIRE(signature.size() == 43);

    SUBCASE("a later expiry does not carry the old signature") {
        CHECK(check("1800000001." + signature) == TicketCheck::bad_signature);
        CHECK(check("2800000000." + signature) == TicketCheck::bad_signature);
        CHECK(check("180000000." + signature, 0) == TicketCheck::bad_signature);
    }

    SUBCASE("one changed signature character breaks it, wherever it is") {
        for (const size_t position : {size_t{11}, size_t{30}, size_t{52}}) {
            std::string tampered = ticket;
            tampered[position] = tampered[position] == 'A' ? 'B' : 'A';
            CHECK(check(tampered) == TicketCheck::bad_signature);
        }
    }

    SUBCASE("only the canonical encoding of the signature verifies") {
        // The 43rd character carries 4 bits of the digest and 2 unused zero bits; 'Q' (010000)
        // and 'R' (010001) decode to the same bytes, but only 'Q' is what the signer writes.
        REQUIRE(ticket.back() == 'Q');
        CHECK(check(ticket.substr(0, 53) + "R") == TicketCheck::bad_signature);
    }

    SUBCASE("text that is not EXPIRES.SIGNATURE is malformed") {
        CHECK(check("") == TicketCheck::malformed);
        CHECK(check(".") == TicketCheck::malformed);
        CHECK(check(signature) == TicketCheck::malformed);                       // no EXPIRES
        CHECK(check("1800000000") == TicketCheck::malformed);                    // no signature
        CHECK(check("1800000000." + signature + "=") == TicketCheck::malformed); // padding
        CHECK(check(ticket + "A") == TicketCheck::malformed);                    // 44 characters
        CHECK(check(ticket.substr(0, 53)) == TicketCheck::malformed);            // 42 characters
        CHECK(check(ticket + "\n") == TicketCheck::malformed);
        CHECK(check(" " + ticket) == TicketCheck::malformed);
        CHECK(check("1800000000.." + signature.substr(1)) == TicketCheck::malformed);
        CHECK(check("1800000000:" + signature) == TicketCheck::malformed);
        CHECK(check("+1800000000." + signature) == TicketCheck::malformed);
        CHECK(check("-180000000." + signature) == TicketCheck::malformed);
        CHECK(check("01800000000." + signature) == TicketCheck::malformed); // leading zero
        CHECK(check("0180000000." + signature) == TicketCheck::malformed);  // leading zero
        CHECK(check("18000000000." + signature) == TicketCheck::malformed); // 11 digits
        CHECK(check("1.8e9." + signature) == TicketCheck::malformed);
        CHECK(check("0x6b49d200." + signature) == TicketCheck::malformed);
    }

    SUBCASE("a signature in standard base64 or with any other character is malformed") {
        for (const char bad : {'+', '/', '=', '.', ' ', '\0', '\xe7'}) {
            std::string tampered = ticket;
            tampered[30] = bad;
            CHECK(check(tampered) == TicketCheck::malformed);
        }
    }

    SUBCASE("anything over 64 characters is malformed") {
        CHECK(check(std::string(65, '1')) == TicketCheck::malformed);
        CHECK(check(ticket + std::string(11, 'A')) == TicketCheck::malformed);
        CHECK(check(std::string(100000, 'A')) == TicketCheck::malformed);
    }
}

TEST_CASE("an expiry of 0 to 9999999999 can be signed and nothing else") {
    CHECK(blindbox::sign_ticket(secret, "spring", "alice", -1).empty());
    CHECK(blindbox::sign_ticket(secret, "spring", "alice", 10'000'000'000).empty());
    CHECK(blindbox::sign_ticket(secret, "spring", "alice", INT64_MIN).empty());
    CHECK(blindbox::sign_ticket(secret, "spring", "alice", INT64_MAX).empty());

    const std::string first = blindbox::sign_ticket(secret, "spring", "alice", 1);
    CHECK(first.starts_with("1."));
    CHECK(check(first, 0) == TicketCheck::valid);
    CHECK(check(first, 1) == TicketCheck::expired);

    const std::string zero = blindbox::sign_ticket(secret, "spring", "alice", 0);
    CHECK(zero.starts_with("0."));
    CHECK(check(zero, -1) == TicketCheck::valid);
    CHECK(check(zero, 0) == TicketCheck::expired);

    const std::string last = blindbox::sign_ticket(secret, "spring", "alice", 9'999'999'999);
    CHECK(last.size() == 54);
    CHECK(check(last, 9'999'999'998) == TicketCheck::valid);
}

TEST_CASE("an empty secret neither signs nor verifies tickets") {
    CHECK(blindbox::sign_ticket("", "spring", "alice", expires).empty());
    const std::string ticket = blindbox::sign_ticket(secret, "spring", "alice", expires);
    CHECK(blindbox::check_ticket("", "spring", "alice", ticket, expires - 1) ==
          TicketCheck::bad_signature);
}

TEST_CASE("every ticket check has a name") {
    CHECK(blindbox::to_string(TicketCheck::valid) == "valid");
    CHECK(blindbox::to_string(TicketCheck::malformed) == "malformed");
    CHECK(blindbox::to_string(TicketCheck::expired) == "expired");
    CHECK(blindbox::to_string(TicketCheck::bad_signature) == "bad_signature");
}
