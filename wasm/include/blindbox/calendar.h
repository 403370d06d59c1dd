// Campaign days and opening hours.
//
// A campaign runs on the calendar of its own time zone, given as a fixed UTC
// offset ("+08:00"). The core never reads a clock: the host passes the current
// Unix time, and these functions turn it into the campaign's day ("2026-11-28")
// and the second of that day, with proleptic Gregorian arithmetic on integers
// (Howard Hinnant's days-from-civil), so every build agrees to the second.

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace blindbox {

// Days since 1970-01-01.
using DayNumber = int64_t;

inline constexpr int64_t seconds_per_day = 86'400;

// "YYYY-MM-DD" with a real month and day (leap years checked), years 1970..9999.
std::optional<DayNumber> parse_date(std::string_view text);
std::string format_date(DayNumber day);

// "+08:00", "-05:30", "+00:00" (also "Z") to minutes east of UTC; the range is -12:00..+14:00.
std::optional<int32_t> parse_utc_offset(std::string_view text);

// "HH:MM" to minutes after midnight, 00:00..24:00 ("24:00" only where
// `allow_end_of_day`).
std::optional<int32_t> parse_time_of_day(std::string_view text, bool allow_end_of_day);
std::string format_time_of_day(int32_t minutes);

// A time of day on another UTC offset's clock, wrapped into 00:00..23:59
// (10:00 at +08:00 is 21:00 at -05:00 of the day before).
int32_t shift_time_of_day(int32_t minutes, int32_t from_offset_minutes, int32_t to_offset_minutes);

// The clock label of a moment `seconds_since_open` (>= 0) after an opening at
// `opens_at_minute`: "HH:MM", to the nearest minute (half up); "24:00" at the
// end of the day, wrapped past it.
std::string clock_label(int32_t opens_at_minute, int64_t seconds_since_open);

// Where a Unix time falls on the campaign's calendar.
struct LocalTime {
    DayNumber day = 0;
    int64_t second_of_day = 0; // 0..86399
};

LocalTime to_local_time(int64_t unix_seconds, int32_t utc_offset_minutes);
// The Unix time of `second_of_day` on `day` in the campaign's zone.
int64_t to_unix_seconds(DayNumber day, int64_t second_of_day, int32_t utc_offset_minutes);

} // namespace blindbox
