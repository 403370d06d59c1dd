// Helpers shared by the tests: campaigns built in code, parsed through the
// real validator, so every test starts from a definition an operator could
// have written.

#pragma once

#include "blindbox/calendar.h"
#include "blindbox/campaign.h"
#include "blindbox/campaign_json.h"
#include "blindbox/counters.h"
#include "blindbox/draw.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace blindbox::test {

using json = nlohmann::json;

// A valid odds campaign open all day from 2026-11-01 to 2026-12-31 in +08:00,
// with prizes "gold" (stock 2, odds 1/10) and "silver" (stock 5, odds 1/5).
inline json base_campaign() {
    return json::parse(R"({
        "id": "test-campaign",
        "title": "Test campaign",
        "utc_offset": "+08:00",
        "window": {"first_day": "2026-11-01", "last_day": "2026-12-31"},
        "limits": {"draws_per_day": 1000},
        "prize_table": {"prizes": [
            {"id": "gold", "name": "Gold", "stock": 2, "odds": "1/10"},
            {"id": "silver", "name": "Silver", "stock": 5, "odds": "0.2"}
        ]}
    })");
}

inline Campaign must_parse(const json& document) {
    ParseResult result = parse_campaign(document.dump());
    if (!result.errors.empty()) {
        for (const auto& error : result.errors) {
            MESSAGE("unexpected error at '" << error.pointer << "': " << error.message);
        }
    }
    REQUIRE(result.campaign.has_value());
    return std::move(*result.campaign);
}

inline DayNumber day(const char* text) {
    return *parse_date(text);
}

// Unix time of a local time on a day in a campaign's zone.
inline int64_t at(const Campaign& campaign, const char* date, int hour, int minute = 0) {
    return to_unix_seconds(day(date), hour * 3600 + minute * 60, campaign.utc_offset_minutes);
}

// Counters as a host holds them after `gold` and `silver` wins on a day.
inline MemoryCounters counters_with(const char* date, int64_t gold, int64_t silver) {
    MemoryCounters counters;
    if (gold) counters.add_within(counter_key::prize_issued(day(date), "gold"), gold, gold);
    if (silver) counters.add_within(counter_key::prize_issued(day(date), "silver"), silver, silver);
    return counters;
}

// A deck campaign of `boxes` boxes with two golds in them.
inline json deck_campaign(int64_t boxes) {
    json document = base_campaign();
    document["pool"] = "deck";
    document["prize_table"] = {{"boxes", boxes},
                               {"prizes", {{{"id", "gold"}, {"name", "Gold"}, {"stock", 2}}}}};
    return document;
}

} // namespace blindbox::test
