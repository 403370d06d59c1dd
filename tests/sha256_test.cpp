#include "blindbox/sha256.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

std::string hex_of(std::string_view data) {
    return blindbox::to_hex(blindbox::sha256(data));
}

std::string repeated_byte(char byte, size_t count) {
    return std::string(count, byte);
}

std::string bytes_from_hex(std::string_view hex) {
    std::string bytes(hex.size() / 2, '\0');
    REQUIRE(blindbox::from_hex(hex, reinterpret_cast<uint8_t*>(bytes.data()), bytes.size()));
    return bytes;
}

std::string hmac_hex(std::string_view key, std::string_view message) {
    return blindbox::to_hex(blindbox::hmac_sha256(key, message));
}

} // namespace

TEST_CASE("SHA-256 matches the FIPS 180-4 examples") {
    CHECK(hex_of("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hex_of("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(hex_of("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                 "klmnopqrlmnopqrsmnopqrstnopqrstu") ==
          "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_CASE("SHA-256 of one million 'a' streamed in uneven chunks matches FIPS 180-4") {
    const std::string million_a = repeated_byte('a', 1000000);
    blindbox::Sha256 hasher;
    size_t offset = 0;
    size_t chunk = 1;
    while (offset < million_a.size()) {
        const size_t size = std::min(chunk, million_a.size() - offset);
        hasher.update(million_a.data() + offset, size);
        offset += size;
        chunk = chunk * 7 % 1013 + 1; // uneven sizes from 1 up to about a thousand bytes
    }
    CHECK(blindbox::to_hex(hasher.finish()) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    CHECK(hex_of(million_a) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("streaming SHA-256 gives the one-shot digest for every split of the message") {
    std::string message;
    for (size_t i = 0; i < 200; ++i) {
        message.push_back(static_cast<char>((i * 37 + 11) & 0xff));
    }
    const blindbox::Digest one_shot = blindbox::sha256(message);
    const std::string_view view(message);

    for (size_t first_split = 0; first_split <= view.size(); ++first_split) {
        blindbox::Sha256 two_parts;
        two_parts.update(view.substr(0, first_split));
        two_parts.update(view.substr(first_split));
        CHECK(two_parts.finish() == one_shot);

        const size_t second_split = first_split + (view.size() - first_split) / 2;
        blindbox::Sha256 three_parts;
        three_parts.update(view.substr(0, first_split));
        three_parts.update(view.substr(first_split, second_split - first_split));
        three_parts.update(view.substr(second_split));
        CHECK(three_parts.finish() == one_shot);
    }
}

TEST_CASE("a finished Sha256 starts over for the next message") {
    blindbox::Sha256 hasher;
    hasher.update("something else");
    (void)hasher.finish();
    hasher.update("abc");
    CHECK(hasher.finish() == blindbox::sha256("abc"));
    CHECK(hasher.finish() == blindbox::sha256(""));
}

TEST_CASE("HMAC-SHA256 matches the RFC 4231 test cases") {
    SUBCASE("case 1: 20-byte key") {
        CHECK(hmac_hex(repeated_byte('\x0b', 20), "Hi There") ==
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }
    SUBCASE("case 2: key shorter than the digest") {
        CHECK(hmac_hex("Jefe", "what do ya want for nothing?") ==
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
    SUBCASE("case 3: 50 bytes of 0xdd under 20 bytes of 0xaa") {
        CHECK(hmac_hex(repeated_byte('\xaa', 20), repeated_byte('\xdd', 50)) ==
              "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    }
    SUBCASE("case 4: 25-byte counting key") {
        CHECK(hmac_hex(bytes_from_hex("0102030405060708090a0b0c0d0e0f10111213141516171819"),
                       repeated_byte('\xcd', 50)) ==
              "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    }
    SUBCASE("case 5: truncation to 128 bits") {
        CHECK(hmac_hex(repeated_byte('\x0c', 20), "Test With Truncation").substr(0, 32) ==
              "a3b6167473100ee06e0c796c2955552b");
    }
    SUBCASE("case 6: key longer than a block is hashed first") {
        CHECK(hmac_hex(repeated_byte('\xaa', 131),
                       "Test Using Larger Than Block-Size Key - Hash Key First") ==
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }
    SUBCASE("case 7: key and data longer than a block") {
        CHECK(hmac_hex(repeated_byte('\xaa', 131),
                       "This is a test using a larger than block-size key and a larger than "
                       "block-size data. The key needs to be hashed before being used by the HMAC "
                       "algorithm.") ==
              "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }
}

TEST_CASE("to_hex writes lowercase and from_hex reads it back in either case") {
    const uint8_t bytes[] = {0x00, 0x01, 0x7f, 0x80, 0xab, 0xcd, 0xef, 0xff};
    const std::string hex = blindbox::to_hex(bytes, sizeof bytes);
    CHECK(hex == "00017f80abcdefff");

    uint8_t decoded[sizeof bytes] = {};
    REQUIRE(blindbox::from_hex(hex, decoded, sizeof decoded));
    CHECK(std::string_view(reinterpret_cast<const char*>(decoded), sizeof decoded) ==
          std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));

    uint8_t decoded_upper[sizeof bytes] = {};
    REQUIRE(blindbox::from_hex("00017F80ABCDEFFF", decoded_upper, sizeof decoded_upper));
    CHECK(std::string_view(reinterpret_cast<const char*>(decoded_upper), sizeof decoded_upper) ==
          std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));

    const blindbox::Digest digest = blindbox::sha256("abc");
    blindbox::Digest digest_back{};
    REQUIRE(blindbox::from_hex(blindbox::to_hex(digest), digest_back.data(), digest_back.size()));
    CHECK(digest_back == digest);

    CHECK(blindbox::to_hex(nullptr, 0).empty());
    CHECK(blindbox::from_hex("", nullptr, 0));
}

TEST_CASE("from_hex rejects the wrong length and non-hex characters") {
    uint8_t out[4] = {};
    CHECK_FALSE(blindbox::from_hex("", out, sizeof out));
    CHECK_FALSE(blindbox::from_hex("0011223", out, sizeof out));
    CHECK_FALSE(blindbox::from_hex("001122334", out, sizeof out));
    CHECK_FALSE(blindbox::from_hex("0011223344", out, sizeof out));
    CHECK_FALSE(blindbox::from_hex("0011223g", out, sizeof out));
    CHECK_FALSE(blindbox::from_hex("g0112233", out, sizeof out));
    CHECK_FALSE(blindbox::from_hex("00 11223", out, sizeof out));
    CHECK_FALSE(blindbox::from_hex("0x112233", out, sizeof out));
    CHECK_FALSE(blindbox::from_hex("-0112233", out, sizeof out));
    CHECK(blindbox::from_hex("0011223f", out, sizeof out));
}

TEST_CASE("equal_constant_time is true only for identical byte strings") {
    CHECK(blindbox::equal_constant_time("", ""));
    CHECK(blindbox::equal_constant_time("same bytes", "same bytes"));
    CHECK_FALSE(blindbox::equal_constant_time("Xame bytes", "same bytes"));
    CHECK_FALSE(blindbox::equal_constant_time("same bytes", "same byteX"));
    CHECK_FALSE(blindbox::equal_constant_time("same bytes", "same bytes!"));
    CHECK_FALSE(blindbox::equal_constant_time("", "a"));
    CHECK(blindbox::equal_constant_time(std::string_view("a\0b", 3), std::string_view("a\0b", 3)));
    CHECK_FALSE(
        blindbox::equal_constant_time(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
}
