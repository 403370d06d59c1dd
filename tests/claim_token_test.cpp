#include "blindbox/claim_token.h"
#include "blindbox/sha256.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>

namespace {

std::string encode_text(std::string_view text) {
    return blindbox::base64url_encode(reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

} // namespace

TEST_CASE("fill_secure_random fills buffers larger than one getentropy request") {
    std::string buffer(1000, '\0');
    REQUIRE(blindbox::fill_secure_random(reinterpret_cast<uint8_t*>(buffer.data()), buffer.size()));
    // 1000 random bytes are all zero with probability 2^-8000; the tail proves chunking reached it.
    CHECK(buffer.substr(0, 256) != std::string(256, '\0'));
    CHECK(buffer.substr(744) != std::string(256, '\0'));
    CHECK(blindbox::fill_secure_random(nullptr, 0));
}

TEST_CASE("base64url_encode matches RFC 4648 section 10 without padding") {
    CHECK(encode_text("") == "");
    CHECK(encode_text("f") == "Zg");
    CHECK(encode_text("fo") == "Zm8");
    CHECK(encode_text("foo") == "Zm9v");
    CHECK(encode_text("foob") == "Zm9vYg");
    CHECK(encode_text("fooba") == "Zm9vYmE");
    CHECK(encode_text("foobar") == "Zm9vYmFy");
}

TEST_CASE("base64url_encode uses - and _ instead of + and /") {
    const uint8_t bytes[] = {0xfb, 0xff};
    CHECK(blindbox::base64url_encode(bytes, sizeof bytes) == "-_8");
    const uint8_t all_ones[] = {0xff, 0xff, 0xff};
    CHECK(blindbox::base64url_encode(all_ones, sizeof all_ones) == "____");
    const uint8_t two_62s_two_63s[] = {0xfb, 0xef, 0xff};
    CHECK(blindbox::base64url_encode(two_62s_two_63s, sizeof two_62s_two_63s) == "--__");
}

TEST_CASE("a new claim token is 24 URL-safe characters with its SHA-256 hex hash") {
    const std::optional<blindbox::ClaimToken> claim = blindbox::new_claim_token();
    REQUIRE(claim.has_value());
    CHECK(claim->token.size() == 24);
    CHECK(blindbox::is_well_formed_claim_token(claim->token));
    CHECK(claim->hash_hex == blindbox::to_hex(blindbox::sha256(claim->token)));
    CHECK(claim->hash_hex.size() == 64);
    CHECK(claim->hash_hex.find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("1000 new claim tokens are all distinct") {
    std::set<std::string> tokens;
    for (int i = 0; i < 1000; ++i) {
        const std::optional<blindbox::ClaimToken> claim = blindbox::new_claim_token();
        REQUIRE(claim.has_value());
        CHECK(blindbox::is_well_formed_claim_token(claim->token));
        tokens.insert(claim->token);
    }
    CHECK(tokens.size() == 1000);
}

TEST_CASE("claim_token_hash is the lowercase hex SHA-256 of the token text") {
    CHECK(blindbox::claim_token_hash("abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(blindbox::claim_token_hash("") ==
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("claim_token_matches accepts only the right token against a well-formed hash") {
    const std::optional<blindbox::ClaimToken> claim = blindbox::new_claim_token();
    REQUIRE(claim.has_value());
    CHECK(blindbox::claim_token_matches(claim->token, claim->hash_hex));

    SUBCASE("a token differing in one character does not match") {
        for (size_t position : {size_t{0}, size_t{11}, size_t{23}}) {
            std::string altered = claim->token;
            altered[position] = altered[position] == 'A' ? 'B' : 'A';
            CHECK_FALSE(blindbox::claim_token_matches(altered, claim->hash_hex));
        }
    }
    SUBCASE("a malformed stored hash never matches") {
        CHECK_FALSE(blindbox::claim_token_matches(claim->token, ""));
        CHECK_FALSE(blindbox::claim_token_matches(claim->token, claim->hash_hex.substr(0, 63)));
        CHECK_FALSE(blindbox::claim_token_matches(claim->token, claim->hash_hex + "0"));
        std::string not_hex = claim->hash_hex;
        not_hex[10] = 'z';
        CHECK_FALSE(blindbox::claim_token_matches(claim->token, not_hex));
        CHECK_FALSE(blindbox::claim_token_matches(claim->token, claim->token));
    }
    SUBCASE("a stored hash that differs in its last digit does not match") {
        std::string other_hash = claim->hash_hex;
        other_hash[63] = other_hash[63] == '0' ? '1' : '0';
        CHECK_FALSE(blindbox::claim_token_matches(claim->token, other_hash));
    }
}

TEST_CASE("a well-formed claim token is exactly 24 characters of [A-Za-z0-9_-]") {
    CHECK(blindbox::is_well_formed_claim_token("ABCDEFGHIJKLmnopqrstuv01"));
    CHECK(blindbox::is_well_formed_claim_token("abcdefghijklmnopqrst-_89"));
    CHECK_FALSE(blindbox::is_well_formed_claim_token(""));
    CHECK_FALSE(blindbox::is_well_formed_claim_token("ABCDEFGHIJKLmnopqrstuv0"));
    CHECK_FALSE(blindbox::is_well_formed_claim_token("ABCDEFGHIJKLmnopqrstuv012"));
    CHECK_FALSE(blindbox::is_well_formed_claim_token("ABCDEFGHIJKLmnopqrstuv0+"));
    CHECK_FALSE(blindbox::is_well_formed_claim_token("ABCDEFGHIJKLmnopqrstuv0/"));
    CHECK_FALSE(blindbox::is_well_formed_claim_token("ABCDEFGHIJKLmnopqrstuv0="));
    CHECK_FALSE(blindbox::is_well_formed_claim_token("ABCDEFGHIJKL nopqrstuv01"));
    CHECK_FALSE(
        blindbox::is_well_formed_claim_token(std::string_view("ABCDEFGHIJKL\0nopqrstuv01", 24)));
}
