// bb_calendar: days and clock texts on a UTC offset's calendar (see
// blindbox.h).

#include "abi_support.h"
#include "blindbox/calendar.h"
#include "blindbox/campaign.h"

namespace blindbox::abi {

namespace {

constexpr int64_t max_day_number = 2'932'896; // 9999-12-31

// The "times" of a bb_calendar request: each "HH:MM" with its Unix time on
// `day` and its reading on the viewer's clock, when those are known.
std::optional<json> calendar_times(Request& request, int32_t offset, std::optional<DayNumber> day,
                                   std::optional<int64_t> viewer_offset) {
    const json* list = request.check.field(request.document, "times", "", false);
    if (!list) return json(nullptr);
    if (!list->is_array() || list->size() > 1440) {
        request.check.fail("/times", "must be an array of at most 1440 times like \"10:00\"");
        return std::nullopt;
    }
    json out = json::array();
    for (size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        auto minutes = item.is_string()
                           ? parse_time_of_day(item.get_ref<const std::string&>(), true)
                           : std::nullopt;
        if (!minutes) {
            request.check.fail("/times/" + std::to_string(i),
                               "must be a time like \"22:00\" (00:00-24:00)");
            return std::nullopt;
        }
        json entry = {{"at", format_time_of_day(*minutes)}};
        if (day) entry["unix"] = to_unix_seconds(*day, int64_t{*minutes} * 60, offset);
        if (viewer_offset) {
            entry["viewer"] = format_time_of_day(
                shift_time_of_day(*minutes, offset, static_cast<int32_t>(*viewer_offset)));
        }
        out.push_back(std::move(entry));
    }
    return out;
}

// The "labels" of a bb_calendar request: clock labels of moments after an opening.
std::optional<json> calendar_labels(Request& request) {
    const json* labels = request.check.field(request.document, "labels", "", false);
    if (!labels) return json(nullptr);
    const json* seconds = labels->is_object() && labels->contains("seconds_since_open")
                              ? &(*labels)["seconds_since_open"]
                              : nullptr;
    auto opens =
        labels->is_object() && labels->contains("opens_at") && (*labels)["opens_at"].is_string()
            ? parse_time_of_day((*labels)["opens_at"].get_ref<const std::string&>(), false)
            : std::nullopt;
    bool ok =
        opens && seconds && seconds->is_array() && seconds->size() <= 10'000 && labels->size() == 2;
    json out = json::array();
    for (size_t i = 0; ok && i < seconds->size(); ++i) {
        const json& value = (*seconds)[i];
        ok = value.is_number_integer() && value.get<int64_t>() >= 0 &&
             value.get<int64_t>() <= 2 * seconds_per_day;
        if (ok) out.push_back(clock_label(*opens, value.get<int64_t>()));
    }
    if (!ok) {
        request.check.fail("/labels", "must be {\"opens_at\": \"10:00\", \"seconds_since_open\": "
                                      "[...]} with at most 10000 whole numbers from 0 to 172800");
        return std::nullopt;
    }
    return out;
}

// The "day" (`day` plus `add_days`) and, with "span", the "days" from it.
bool calendar_days(Request& request, DayNumber& day, int64_t add_days, std::optional<int64_t> span,
                   json& out) {
    day += add_days;
    if (day < 0 || day > max_day_number) {
        request.check.fail("/add_days", "takes the day outside 1970-01-01..9999-12-31");
        return false;
    }
    out["day"] = format_date(day);
    if (span) {
        json days = json::array();
        for (int64_t i = 0; i < *span && day + i <= max_day_number; ++i)
            days.push_back(format_date(day + i));
        out["days"] = std::move(days);
    }
    return true;
}

} // namespace

} // namespace blindbox::abi

using namespace blindbox;
using namespace blindbox::abi;

BB_EXPORT(bb_calendar) int32_t bb_calendar(const char* data, uint32_t size) {
    Request request;
    if (auto refused = open_request(data, size,
                                    {"utc_offset", "now", "day", "add_days", "span", "times",
                                     "viewer_offset_minutes", "labels"},
                                    request))
        return *refused;
    const json& document = request.document;
    auto offset_text = request.check.text(document, "utc_offset", "", true, 64);
    auto now = request.check.whole_number(document, "now", "", false, 0, max_unix_seconds);
    auto day_text = request.check.text(document, "day", "", false, 10);
    auto add = request.check.whole_number(document, "add_days", "", false, -max_day_number,
                                          max_day_number);
    auto span = request.check.whole_number(document, "span", "", false, 1, max_campaign_days);
    auto viewer =
        request.check.whole_number(document, "viewer_offset_minutes", "", false, -1440, 1440);
    if (!request.check.errors.empty()) return invalid_request(request);
    auto offset = parse_utc_offset(*offset_text);
    if (!offset) {
        request.check.fail("/utc_offset", "must be a UTC offset like \"+08:00\" or \"-05:30\" "
                                          "(from -12:00 to +14:00)");
        return invalid_request(request);
    }
    json out = {{"utc_offset_minutes", *offset}};
    std::optional<DayNumber> day;
    if (now) {
        const LocalTime local = to_local_time(*now, *offset);
        out["today"] = format_date(local.day);
        out["time"] = format_time_of_day(static_cast<int32_t>(local.second_of_day / 60));
        day = local.day;
    }
    if (day_text) {
        day = parse_date(*day_text);
        if (!day) {
            request.check.fail("/day", "must be a date like \"2026-11-28\"");
            return invalid_request(request);
        }
    }
    if (day && !calendar_days(request, *day, add.value_or(0), span, out))
        return invalid_request(request);
    auto times = calendar_times(request, *offset, day, viewer);
    auto labels = calendar_labels(request);
    if (!times || !labels) return invalid_request(request);
    if (!times->is_null()) out["times"] = std::move(*times);
    if (!labels->is_null()) out["labels"] = std::move(*labels);
    return reply(BB_OK, dump_json(out));
}
