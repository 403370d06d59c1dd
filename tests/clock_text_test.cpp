// Clock texts the pages show: opening hours on another offset's clock and the
// labels of moments after an opening.

#include "blindbox/calendar.h"

#include <doctest/doctest.h>

using namespace blindbox;

TEST_CASE("a time of day reads on another offset's clock, wrapped into the day") {
    CHECK(shift_time_of_day(10 * 60, 8 * 60, 8 * 60) == 10 * 60);
    CHECK(shift_time_of_day(10 * 60, 8 * 60, 0) == 2 * 60);
    CHECK(shift_time_of_day(10 * 60, 8 * 60, -5 * 60) == 21 * 60);
    CHECK(shift_time_of_day(22 * 60, -5 * 60, 14 * 60) == 17 * 60);
    CHECK(shift_time_of_day(24 * 60, 0, 0) == 0);
    CHECK(shift_time_of_day(0, 5 * 60 + 30, 0) == 18 * 60 + 30);
}

TEST_CASE("a moment after the opening is labelled to the nearest minute") {
    CHECK(clock_label(10 * 60, 0) == "10:00");
    CHECK(clock_label(10 * 60, 29) == "10:00");
    CHECK(clock_label(10 * 60, 30) == "10:01");
    CHECK(clock_label(10 * 60, 12 * 3600) == "22:00");
    CHECK(clock_label(0, 86400) == "24:00");
    CHECK(clock_label(22 * 60, 3 * 3600) == "01:00");
}
