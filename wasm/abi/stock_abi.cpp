// bb_day_stock and bb_change_check: a day's stock and a proposed campaign
// change, read through the host's counters (see blindbox.h).

#include "abi_support.h"
#include "blindbox/campaign_change.h"
#include "blindbox/stock.h"
#include "host_counters.h"

#include <algorithm>
#include <limits>

namespace blindbox::abi {

namespace {

json change_json(const CampaignChange& change) {
    json out = {{"kind", to_string(change.kind)}};
    if (!change.prize_id.empty()) {
        out["prize"] = change.prize_id;
        out["name"] = change.prize_name;
    }
    if (change.kind != ChangeKind::removed && change.kind != ChangeKind::added) {
        out["before"] = change.before.empty() ? json(nullptr) : json(change.before);
        out["after"] = change.after.empty() ? json(nullptr) : json(change.after);
    }
    return out;
}

// The day of a request: {"now"} (the campaign's day then) or {"day"}.
std::optional<DayNumber> read_day(const Campaign& campaign, Request& request) {
    auto moment = read_moment(campaign, request);
    if (!moment) return std::nullopt;
    return moment->day;
}

} // namespace

} // namespace blindbox::abi

using namespace blindbox;
using namespace blindbox::abi;

BB_EXPORT(bb_day_stock) int32_t bb_day_stock(int32_t handle, const char* data, uint32_t size) {
    const Campaign* campaign = nullptr;
    Request request;
    if (auto refused = open_campaign_request(handle, data, size, {"now", "day"}, campaign, request))
        return *refused;
    auto day = read_day(*campaign, request);
    if (!day) return invalid_request(request);
    const DayStockReport report = day_stock(*campaign, host_counters(), *day);
    json prizes = json::array();
    for (const PrizeStock& entry : report.prizes) {
        json prize = {{"id", entry.prize->id},
                      {"name", entry.prize->name},
                      {"stock", entry.stock},
                      {"issued", entry.issued},
                      {"left", entry.left}};
        if (!entry.prize->value.empty()) prize["value"] = entry.prize->value;
        if (!entry.prize->image.empty()) prize["image"] = entry.prize->image;
        prizes.push_back(std::move(prize));
    }
    json out = {{"day", format_date(report.day)}, {"prizes", std::move(prizes)}};
    if (campaign->pool == PoolModel::deck) {
        out["boxes"] = report.boxes;
        out["boxes_opened"] = report.boxes_opened;
        out["boxes_left"] = std::max<int64_t>(0, report.boxes - report.boxes_opened);
    }
    return reply(BB_OK, dump_json(out));
}

BB_EXPORT(bb_change_check)
int32_t bb_change_check(int32_t handle, const char* data, uint32_t size) {
    const Campaign* proposed = nullptr;
    Request request;
    if (auto refused =
            open_campaign_request(handle, data, size, {"now", "day", "current"}, proposed, request))
        return *refused;
    auto current_handle = request.check.whole_number(request.document, "current", "", false,
                                                     std::numeric_limits<int32_t>::min(),
                                                     std::numeric_limits<int32_t>::max());
    if (!request.check.errors.empty()) return invalid_request(request);
    const Campaign* current = nullptr;
    if (current_handle) {
        current = find_campaign(static_cast<int32_t>(*current_handle));
        if (!current) {
            return error_reply(BB_E_ARGUMENT, "unknown_handle", "no such campaign handle",
                               "/current");
        }
    }
    auto day = read_day(*proposed, request);
    if (!day) return invalid_request(request);
    const auto problem = change_problem(current, *proposed, host_counters(), *day);
    json out = {{"day", format_date(*day)}, {"problem", nullptr}, {"changes", json::array()}};
    if (problem) out["problem"] = {{"field", problem->field}, {"message", problem->message}};
    if (current) {
        for (const CampaignChange& change : changes_on_day(*current, *proposed, *day))
            out["changes"].push_back(change_json(change));
    }
    return reply(BB_OK, dump_json(out));
}
