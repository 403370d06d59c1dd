// The example campaigns in kv-schema/examples and the JSON Schema beside them.
//
// The C++ validator is the authority on the campaign format; these tests keep
// the documentation honest: every valid example passes it, every invalid
// example fails with exactly the errors recorded next to it (X.json and
// X.errors.json, [{"pointer": ..., "message": ...}] in the validator's order),
// and the schema documents every field the validator knows.

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "blindbox/campaign.h"
#include "blindbox/campaign_json.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path source_dir{BLINDBOX_SOURCE_DIR};
const fs::path schema_dir = source_dir / "kv-schema";
const fs::path valid_dir = schema_dir / "examples" / "valid";
const fs::path invalid_dir = schema_dir / "examples" / "invalid";

// The examples each directory must at least hold, so no test passes vacuously.
constexpr size_t min_valid_examples = 5;
constexpr size_t min_invalid_examples = 14;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The campaign files of a directory (*.json but not *.errors.json), sorted.
std::vector<fs::path> campaign_files(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code error;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (it->is_regular_file() && ends_with(name, ".json") && !ends_with(name, ".errors.json")) {
            files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// X.json -> X.errors.json
fs::path expected_errors_path(const fs::path& campaign) {
    fs::path path = campaign;
    path.replace_extension(".errors.json");
    return path;
}

std::string describe(const std::vector<blindbox::ValidationError>& errors) {
    std::string text;
    for (const auto& error : errors) {
        text += "\n  \"" + error.pointer + "\": " + error.message;
    }
    return text.empty() ? "(none)" : text;
}

// The value at `keys` below `node`, or null when any step is missing. (A const
// json's operator[] must not be given a missing key, and with JSON_NOEXCEPTION
// at() aborts, so the schema is walked with find().)
const json& lookup(const json& node, std::initializer_list<std::string_view> keys) {
    static const json missing;
    const json* at = &node;
    for (auto key : keys) {
        if (!at->is_object()) return missing;
        auto it = at->find(key);
        if (it == at->end()) return missing;
        at = &*it;
    }
    return *at;
}

std::set<std::string> property_names(const json& schema) {
    std::set<std::string> names;
    const json& properties = lookup(schema, {"properties"});
    if (properties.is_object()) {
        for (const auto& item : properties.items())
            names.insert(item.key());
    }
    return names;
}

json read_schema() {
    return json::parse(read_file(schema_dir / "campaign.schema.json"), nullptr, false);
}

} // namespace

TEST_CASE("the example directories hold enough examples") {
    CHECK(campaign_files(valid_dir).size() >= min_valid_examples);
    CHECK(campaign_files(invalid_dir).size() >= min_invalid_examples);
    // The newcomer's example campaign.
    CHECK(fs::is_regular_file(valid_dir / "spring-festival.json"));
}

TEST_CASE("every valid example campaign passes the validator") {
    const auto files = campaign_files(valid_dir);
    REQUIRE(files.size() >= min_valid_examples);
    for (const auto& file : files) {
        const std::string name = file.filename().string();
        const auto result = blindbox::parse_campaign(read_file(file));
        const std::string errors = describe(result.errors);
        INFO("example: ", name);
        INFO("validator errors: ", errors);
        CHECK(result.errors.empty());
        CHECK(result.campaign.has_value());
    }
}

TEST_CASE("every invalid example gives exactly its expected errors") {
    const auto files = campaign_files(invalid_dir);
    REQUIRE(files.size() >= min_invalid_examples);
    for (const auto& file : files) {
        const std::string name = file.filename().string();
        const fs::path expected_path = expected_errors_path(file);
        INFO("example: ", name);
        REQUIRE_MESSAGE(fs::is_regular_file(expected_path), "missing ",
                        expected_path.filename().string());

        const json expected = json::parse(read_file(expected_path), nullptr, false);
        REQUIRE_MESSAGE(!expected.is_discarded(), expected_path.filename().string(),
                        " is not valid JSON");
        REQUIRE_MESSAGE(expected.is_array(), expected_path.filename().string(),
                        " must be an array of {pointer, message}");
        // An invalid example must fail: an empty list would hide a valid one.
        CHECK_FALSE(expected.empty());

        const auto result = blindbox::parse_campaign(read_file(file));
        const std::string actual_text = describe(result.errors);
        INFO("validator errors: ", actual_text);
        CHECK_FALSE(result.campaign.has_value());
        CHECK(result.errors.size() == expected.size());
        const size_t count = std::min(result.errors.size(), expected.size());
        for (size_t i = 0; i < count; ++i) {
            const json& want = expected[i];
            REQUIRE(want.is_object());
            REQUIRE(want.size() == 2);
            REQUIRE(want.contains("pointer"));
            REQUIRE(want.contains("message"));
            REQUIRE(want["pointer"].is_string());
            REQUIRE(want["message"].is_string());
            CAPTURE(i);
            CHECK(result.errors[i].pointer == want["pointer"].get<std::string>());
            CHECK(result.errors[i].message == want["message"].get<std::string>());
        }
    }
}

TEST_CASE("every expected-errors file belongs to an invalid example") {
    std::error_code error;
    size_t orphans = 0;
    for (fs::directory_iterator it(invalid_dir, error), end; !error && it != end;
         it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (!ends_with(name, ".errors.json")) continue;
        const fs::path campaign =
            invalid_dir /
            (name.substr(0, name.size() - std::string(".errors.json").size()) + ".json");
        INFO("errors file: ", name);
        CHECK(fs::is_regular_file(campaign));
        orphans += !fs::is_regular_file(campaign);
    }
    CHECK_FALSE(error);
    CHECK(orphans == 0);
}

TEST_CASE("the schema file is valid JSON and documents every top-level field the validator knows") {
    const json schema = read_schema();
    REQUIRE_FALSE(schema.is_discarded());
    REQUIRE(schema.is_object());
    CHECK(lookup(schema, {"$schema"}) == "https://json-schema.org/draft/2020-12/schema");
    CHECK(lookup(schema, {"additionalProperties"}) == false);

    // The field list of CampaignReader::read's check_object in wasm/io/src/campaign_json.cpp.
    const std::set<std::string> validator_fields = {
        "$schema", "id",       "title",  "utc_offset", "window",      "pool",           "sold_out",
        "pacing",  "identity", "limits", "pity",       "prize_table", "date_overrides", "theme"};
    CHECK(property_names(schema) == validator_fields);

    // The fields the validator requires.
    const json& required_list = lookup(schema, {"required"});
    REQUIRE(required_list.is_array());
    std::set<std::string> required;
    for (const auto& field : required_list) {
        if (field.is_string()) required.insert(field.get<std::string>());
    }
    CHECK(required == std::set<std::string>{"id", "title", "utc_offset", "window", "prize_table"});

    // Every field is explained to operators.
    for (const auto& item : lookup(schema, {"properties"}).items()) {
        INFO("field: ", item.key());
        CHECK(item.value().is_object());
        CHECK(item.value().contains("description"));
    }
}

TEST_CASE("the schema documents every nested field the validator knows") {
    const json schema = read_schema();
    REQUIRE_FALSE(schema.is_discarded());
    const json& properties = lookup(schema, {"properties"});
    const json& defs = lookup(schema, {"$defs"});
    REQUIRE(properties.is_object());
    REQUIRE(defs.is_object());
    const json& window = lookup(properties, {"window"});
    const json& limits = lookup(properties, {"limits"});
    const json& pity = lookup(properties, {"pity"});
    const json& table = lookup(defs, {"prize_table"});
    const json& prize = lookup(defs, {"prize"});

    // Each set is the `known` list of a check_object call in campaign.cpp.
    CHECK(property_names(window) ==
          std::set<std::string>{"first_day", "last_day", "opens_at", "closes_at"});
    CHECK(property_names(limits) == std::set<std::string>{"draws_per_day", "draws_per_campaign"});
    CHECK(property_names(pity) == std::set<std::string>{"after", "prizes"});
    CHECK(property_names(table) == std::set<std::string>{"prizes", "boxes"});
    CHECK(property_names(prize) ==
          std::set<std::string>{"id", "name", "value", "image", "stock", "odds"});

    // Every object the validator closes is closed in the schema too, and every
    // field in it is explained.
    for (const json* closed : {&window, &limits, &pity, &table, &prize}) {
        CHECK(lookup(*closed, {"additionalProperties"}) == false);
        for (const auto& item : lookup(*closed, {"properties"}).items()) {
            INFO("field: ", item.key());
            CHECK(lookup(item.value(), {"description"}).is_string());
        }
    }

    // The words the validator accepts, in its order.
    CHECK(lookup(properties, {"pool", "enum"}) == json::array({"odds", "deck"}));
    CHECK(lookup(properties, {"sold_out", "enum"}) == json::array({"lose", "redistribute"}));
    CHECK(lookup(properties, {"pacing", "enum"}) == json::array({"none", "even"}));
    CHECK(lookup(properties, {"identity", "enum"}) == json::array({"open", "ticket"}));

    // The limits of campaign.h.
    CHECK(lookup(table, {"properties", "prizes", "maxItems"}) == blindbox::max_prizes);
    CHECK(lookup(prize, {"properties", "name", "maxLength"}) == blindbox::max_name_length);
    CHECK(lookup(prize, {"properties", "value", "maxLength"}) == blindbox::max_value_length);
    CHECK(lookup(prize, {"properties", "image", "maxLength"}) == blindbox::max_image_length);
    CHECK(lookup(prize, {"properties", "stock", "maximum"}) == blindbox::max_stock);
    CHECK(lookup(properties, {"title", "maxLength"}) == blindbox::max_title_length);
    CHECK(lookup(properties, {"id", "maxLength"}) == blindbox::max_id_length);
    CHECK(lookup(properties, {"date_overrides", "maxProperties"}) == blindbox::max_date_overrides);
}
