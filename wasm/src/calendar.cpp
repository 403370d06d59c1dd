#include "blindbox/calendar.h"

namespace blindbox {

namespace {

// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
DayNumber days_from_civil(int64_t year, unsigned month, unsigned day) {
    year -= month <= 2;
    const int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto year_of_era = static_cast<unsigned>(year - era * 400);
    const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<int64_t>(day_of_era) - 719468;
}

void civil_from_days(DayNumber days, int64_t& year, unsigned& month, unsigned& day) {
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto day_of_era = static_cast<unsigned>(days - era * 146097);
    const unsigned year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned month_index = (5 * day_of_year + 2) / 153;
    day = day_of_year - (153 * month_index + 2) / 5 + 1;
    month = month_index < 10 ? month_index + 3 : month_index - 9;
    year = static_cast<int64_t>(year_of_era) + era * 400 + (month <= 2);
}

bool is_leap(int64_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(int64_t year, unsigned month) {
    static constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : lengths[month - 1];
}

bool read_number(std::string_view text, size_t position, size_t width, int64_t& out) {
    int64_t value = 0;
    for (size_t i = position; i < position + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    out = value;
    return true;
}

void append_two_digits(std::string& text, int64_t value) {
    text.push_back(static_cast<char>('0' + value / 10));
    text.push_back(static_cast<char>('0' + value % 10));
}

int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

} // namespace

std::optional<DayNumber> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int64_t year = 0, month = 0, day = 0;
    if (!read_number(text, 0, 4, year) || !read_number(text, 5, 2, month) ||
        !read_number(text, 8, 2, day)) {
        return std::nullopt;
    }
    if (year < 1970 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, static_cast<unsigned>(month))) {
        return std::nullopt;
    }
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::string format_date(DayNumber day_number) {
    int64_t year = 0;
    unsigned month = 0, day = 0;
    civil_from_days(day_number, year, month, day);
    std::string text = std::to_string(year);
    while (text.size() < 4)
        text.insert(text.begin(), '0');
    text.push_back('-');
    append_two_digits(text, month);
    text.push_back('-');
    append_two_digits(text, day);
    return text;
}

std::optional<int32_t> parse_utc_offset(std::string_view text) {
    if (text == "Z") return 0;
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') {
        return std::nullopt;
    }
    int64_t hours = 0, minutes = 0;
    if (!read_number(text, 1, 2, hours) || !read_number(text, 4, 2, minutes) || minutes > 59) {
        return std::nullopt;
    }
    int64_t total = hours * 60 + minutes;
    if (text[0] == '-') total = -total;
    if (total < -12 * 60 || total > 14 * 60) return std::nullopt;
    return static_cast<int32_t>(total);
}

std::optional<int32_t> parse_time_of_day(std::string_view text, bool allow_end_of_day) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    int64_t hours = 0, minutes = 0;
    if (!read_number(text, 0, 2, hours) || !read_number(text, 3, 2, minutes) || minutes > 59) {
        return std::nullopt;
    }
    if (hours == 24 && minutes == 0 && allow_end_of_day) return 24 * 60;
    if (hours > 23) return std::nullopt;
    return static_cast<int32_t>(hours * 60 + minutes);
}

std::string format_time_of_day(int32_t minutes) {
    std::string text;
    append_two_digits(text, minutes / 60);
    text.push_back(':');
    append_two_digits(text, minutes % 60);
    return text;
}

int32_t shift_time_of_day(int32_t minutes, int32_t from_offset_minutes, int32_t to_offset_minutes) {
    const int64_t shifted = int64_t{minutes} + to_offset_minutes - from_offset_minutes;
    const int64_t minutes_per_day = 24 * 60;
    return static_cast<int32_t>(shifted - floor_div(shifted, minutes_per_day) * minutes_per_day);
}

std::string clock_label(int32_t opens_at_minute, int64_t seconds_since_open) {
    const int64_t minutes_per_day = 24 * 60;
    int64_t minutes = opens_at_minute + (seconds_since_open + 30) / 60;
    if (minutes > minutes_per_day) minutes %= minutes_per_day;
    return format_time_of_day(static_cast<int32_t>(minutes));
}

LocalTime to_local_time(int64_t unix_seconds, int32_t utc_offset_minutes) {
    int64_t local = unix_seconds + int64_t{utc_offset_minutes} * 60;
    DayNumber day = floor_div(local, seconds_per_day);
    return LocalTime{day, local - day * seconds_per_day};
}

int64_t to_unix_seconds(DayNumber day, int64_t second_of_day, int32_t utc_offset_minutes) {
    return day * seconds_per_day + second_of_day - int64_t{utc_offset_minutes} * 60;
}

} // namespace blindbox
