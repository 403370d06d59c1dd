#include "blindbox/reports.h"

#include "report_objects.h"

namespace blindbox {

namespace {

json fraction_json(const Fraction& fraction) {
    return {{"fraction", fraction.to_string()}, {"decimal", fraction.to_decimal(9)}};
}

json prize_json(const Prize& prize) {
    json out = {{"id", prize.id}, {"name", prize.name}};
    if (!prize.value.empty()) out["value"] = prize.value;
    if (!prize.image.empty()) out["image"] = prize.image;
    return out;
}

} // namespace

json clock_object(const CampaignClock& clock) {
    json out = {{"status", to_string(clock.status)},
                {"day", format_date(clock.day)},
                {"seconds_since_open", clock.seconds_since_open}};
    if (clock.next_open_unix >= 0) out["next_open_unix"] = clock.next_open_unix;
    return out;
}

std::string campaign_summary_json(const Campaign& campaign, const Theme& theme) {
    json out = {
        {"id", campaign.id},
        {"title", campaign.title},
        {"utc_offset", campaign.utc_offset_text},
        {"window",
         {{"first_day", format_date(campaign.first_day)},
          {"last_day", format_date(campaign.last_day)},
          {"opens_at", format_time_of_day(campaign.opens_at_minute)},
          {"closes_at", format_time_of_day(campaign.closes_at_minute)}}},
        {"pool", to_string(campaign.pool)},
        {"sold_out", to_string(campaign.sold_out)},
        {"pacing", to_string(campaign.pacing)},
        {"identity", to_string(campaign.identity)},
        {"limits", {{"draws_per_day", campaign.limits.draws_per_day}}},
        {"pity", nullptr},
    };
    if (campaign.limits.draws_per_campaign) {
        out["limits"]["draws_per_campaign"] = *campaign.limits.draws_per_campaign;
    } else {
        out["limits"]["draws_per_campaign"] = nullptr;
    }
    if (campaign.pity) {
        out["pity"] = {{"after", campaign.pity->after}, {"prizes", campaign.pity->prize_ids}};
    }
    json theme_out = json::object();
    auto put = [&theme_out](const char* key, const std::string& value) {
        if (!value.empty()) theme_out[key] = value;
    };
    put("primary_color", theme.primary_color);
    put("accent_color", theme.accent_color);
    put("background_color", theme.background_color);
    put("text_color", theme.text_color);
    put("logo", theme.logo);
    put("box_image", theme.box_image);
    for (const auto& [key, text] :
         {std::pair{"headline", &theme.headline}, std::pair{"intro", &theme.intro}}) {
        if (!text->en.empty() || !text->zh.empty())
            theme_out[key] = {{"en", text->en}, {"zh", text->zh}};
    }
    out["theme"] = std::move(theme_out);
    return dump_json(out);
}

std::string odds_report_json(const Campaign& campaign, const OddsReport& report) {
    json prizes = json::array();
    for (const auto& odds : report.prizes) {
        json item = prize_json(*odds.prize);
        item["stock_total"] = odds.stock_total;
        item["stock_left"] = odds.stock_left;
        item["released"] = odds.released;
        item["available"] = odds.available;
        item["odds"] = {{"disclosed", fraction_json(odds.disclosed)},
                        {"effective", fraction_json(odds.effective)}};
        prizes.push_back(std::move(item));
    }
    json out = {{"day", format_date(report.day)},
                {"pool", to_string(campaign.pool)},
                {"sold_out", to_string(campaign.sold_out)},
                {"pacing", to_string(campaign.pacing)},
                {"prizes", std::move(prizes)},
                {"win",
                 {{"disclosed", fraction_json(report.win_disclosed)},
                  {"effective", fraction_json(report.win_effective)}}}};
    if (campaign.pool == PoolModel::deck) {
        out["boxes_total"] = report.boxes_total;
        out["boxes_left"] = report.boxes_left;
    }
    return dump_json(out);
}

std::string clock_json(const CampaignClock& clock) {
    return dump_json(clock_object(clock));
}

json draw_result_object(const DrawResult& result) {
    json out = {{"status", to_string(result.status)}, {"clock", clock_object(result.clock)}};
    if (result.status == DrawStatus::win || result.status == DrawStatus::blank) {
        out["day"] = format_date(result.clock.day);
        out["player_draw_number"] = result.player_draw_number;
        out["draws_today"] = result.draws_today;
        out["pity_streak"] = result.pity_streak;
        out["by_pity"] = result.decision.by_pity;
        out["prize"] = result.prize ? prize_json(*result.prize) : json(nullptr);
    } else if (result.status == DrawStatus::daily_limit_reached) {
        out["draws_today"] = result.draws_today;
    }
    return out;
}

std::string simulation_report_json(const Campaign& campaign, const SimulationReport& report) {
    const PrizeTable& table = campaign.table_for(report.day);
    json prizes = json::array();
    for (size_t i = 0; i < report.prizes.size(); ++i) {
        const PrizeSimulation& prize = report.prizes[i];
        json item = prize_json(table.prizes[i]);
        item["stock"] = table.prizes[i].stock;
        item["won"] = prize.won;
        item["won_by_pity"] = prize.won_by_pity;
        item["sold_out_after_seconds"] =
            prize.sold_out_after ? json(*prize.sold_out_after) : json(nullptr);
        item["sold_out_at"] =
            prize.sold_out_after
                ? json(format_time_of_day(campaign.opens_at_minute +
                                          static_cast<int32_t>(*prize.sold_out_after / 60)))
                : json(nullptr);
        prizes.push_back(std::move(item));
    }
    json out = {{"day", format_date(report.day)},
                {"players", report.players},
                {"draws", report.draws},
                {"wins", report.wins},
                {"blanks", report.blanks},
                {"refused", report.refused},
                {"players_who_won", report.players_who_won},
                {"win_rate", report.draws > 0
                                 ? fraction_json(Fraction::make(report.wins, report.draws))
                                 : json(nullptr)},
                {"opening_seconds", report.opening_seconds},
                {"prizes", std::move(prizes)}};
    return dump_json(out);
}

} // namespace blindbox
