#include "blindbox/calendar.h"

#include <doctest/doctest.h>

using namespace blindbox;

TEST_CASE("dates are real calendar dates") {
    CHECK(parse_date("1970-01-01") == 0);
    CHECK(parse_date("2026-11-28") == 20785);
    CHECK(parse_date("2028-02-29").has_value());
    CHECK(parse_date("2000-02-29").has_value());
    for (const char* bad : {"2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
                            "2026-1-01", "26-11-28", "2026/11/28", "1969-12-31", "2026-11-28T"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_date(bad).has_value());
    }
    for (DayNumber d = 0; d < 40000; d += 37)
        CHECK(parse_date(format_date(d)) == d);
}

TEST_CASE("UTC offsets are fixed offsets between -12:00 and +14:00") {
    CHECK(parse_utc_offset("+08:00") == 480);
    CHECK(parse_utc_offset("-05:30") == -330);
    CHECK(parse_utc_offset("+00:00") == 0);
    CHECK(parse_utc_offset("Z") == 0);
    CHECK(parse_utc_offset("+14:00") == 840);
    for (const char* bad : {"+8:00", "08:00", "+08:60", "+15:00", "-12:01", "UTC", "+0800", ""}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_utc_offset(bad).has_value());
    }
}

TEST_CASE("a Unix time falls on the campaign's local day") {
    // 2026-11-27 16:30 UTC is 2026-11-28 00:30 in +08:00 and 2026-11-27 11:30 in -05:00.
    const int64_t t = 20784 * 86400 + 16 * 3600 + 30 * 60;
    CHECK(to_local_time(t, 480).day == 20785);
    CHECK(to_local_time(t, 480).second_of_day == 30 * 60);
    CHECK(to_local_time(t, -300).day == 20784);
    CHECK(to_local_time(t, -300).second_of_day == 11 * 3600 + 30 * 60);
    CHECK(to_unix_seconds(20785, 30 * 60, 480) == t);
}

TEST_CASE("times of day allow 24:00 only as a closing time") {
    CHECK(parse_time_of_day("10:00", false) == 600);
    CHECK(parse_time_of_day("24:00", true) == 1440);
    CHECK_FALSE(parse_time_of_day("24:00", false).has_value());
    CHECK_FALSE(parse_time_of_day("24:01", true).has_value());
    CHECK_FALSE(parse_time_of_day("9:00", false).has_value());
    CHECK(format_time_of_day(605) == "10:05");
}
