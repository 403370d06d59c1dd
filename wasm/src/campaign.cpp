#include "blindbox/campaign.h"

#include "json_support.h"

#include <algorithm>
#include <set>

namespace blindbox {

namespace {

bool looks_like_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    return true;
}

std::string date_problem(std::string_view text) {
    if (looks_like_date(text)) {
        return "is not a calendar date from 1970 on (" + std::string(text) + ")";
    }
    return "must be a date like \"2026-11-28\"";
}

bool is_web_image(std::string_view image) {
    return image.rfind("https://", 0) == 0 || image.rfind("http://", 0) == 0 ||
           (image.rfind("/", 0) == 0 && image.rfind("//", 0) != 0);
}

bool is_hex_color(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return false;
    for (size_t i = 1; i < 7; ++i) {
        const char c = text[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

void read_localized(JsonChecker& check, const json& object, std::string_view key,
                    const std::string& pointer, size_t max_length, LocalizedText& out) {
    const json* value = check.field(object, key, pointer, false);
    if (!value) return;
    const std::string at = child(pointer, key);
    if (!check.check_object(*value, at, {"en", "zh"})) return;
    if (auto en = check.text(*value, "en", at, false, max_length, true)) out.en = *en;
    if (auto zh = check.text(*value, "zh", at, false, max_length, true)) out.zh = *zh;
}

void read_theme(JsonChecker& check, const json& node, Theme& theme) {
    const std::string at = "/theme";
    if (!check.check_object(node, at,
                            {"primary_color", "accent_color", "background_color", "text_color",
                             "logo", "box_image", "headline", "intro"})) {
        return;
    }
    const std::pair<std::string_view, std::string*> colors[] = {
        {"primary_color", &theme.primary_color},
        {"accent_color", &theme.accent_color},
        {"background_color", &theme.background_color},
        {"text_color", &theme.text_color}};
    for (const auto& [key, target] : colors) {
        if (auto color = check.text(node, key, at, false, 16)) {
            if (is_hex_color(*color)) {
                *target = *color;
            } else {
                check.fail(child(at, key), "must be a colour like \"#c8102e\"");
            }
        }
    }
    const std::pair<std::string_view, std::string*> images[] = {{"logo", &theme.logo},
                                                                {"box_image", &theme.box_image}};
    for (const auto& [key, target] : images) {
        if (auto image = check.text(node, key, at, false, max_image_length, true)) {
            if (image->empty() || is_web_image(*image)) {
                *target = *image;
            } else {
                check.fail(child(at, key), "must be an http(s) URL or a path starting with /");
            }
        }
    }
    read_localized(check, node, "headline", at, max_headline_length, theme.headline);
    read_localized(check, node, "intro", at, max_intro_length, theme.intro);
}

struct TableRead {
    PrizeTable table;
    bool ok = false;
};

// Reads one prize table at `pointer`. `pool` decides which fields are allowed.
TableRead read_table(JsonChecker& check, const json& node, const std::string& pointer,
                     PoolModel pool) {
    TableRead result;
    size_t errors_before = check.errors.size();
    if (pool == PoolModel::deck) {
        if (!check.check_object(node, pointer, {"prizes", "boxes"})) return result;
        if (auto boxes = check.whole_number(node, "boxes", pointer, true, 1, max_stock)) {
            result.table.boxes = *boxes;
        }
    } else {
        if (!check.check_object(node, pointer, {"prizes", "boxes"})) return result;
        if (node.contains("boxes")) {
            check.fail(child(pointer, "boxes"),
                       "only the deck model has boxes (this campaign uses the odds model)");
        }
    }
    const json* prizes = check.field(node, "prizes", pointer, true);
    if (!prizes) return result;
    std::string prizes_pointer = child(pointer, "prizes");
    if (!prizes->is_array()) {
        check.fail(prizes_pointer, "must be an array of prizes");
        return result;
    }
    if (prizes->empty()) {
        check.fail(prizes_pointer, "must list at least one prize");
        return result;
    }
    if (prizes->size() > max_prizes) {
        check.fail(prizes_pointer, "must list at most " + std::to_string(max_prizes) +
                                       " prizes (got " + std::to_string(prizes->size()) + ")");
        return result;
    }

    std::vector<std::optional<Fraction>> odds;
    for (size_t i = 0; i < prizes->size(); ++i) {
        const json& item = (*prizes)[i];
        std::string at = child(prizes_pointer, i);
        Prize prize;
        odds.emplace_back();
        if (!check.check_object(item, at, {"id", "name", "value", "image", "stock", "odds"})) {
            continue;
        }
        if (auto id = check.id(item, "id", at)) {
            int previous = result.table.find(*id);
            if (previous >= 0) {
                check.fail(child(at, "id"),
                           "duplicate prize id \"" + *id + "\" (also at " +
                               child(prizes_pointer, static_cast<size_t>(previous)) + ")");
            }
            prize.id = *id;
        }
        if (auto name = check.text(item, "name", at, true, max_name_length)) prize.name = *name;
        if (auto value = check.text(item, "value", at, false, max_value_length, true)) {
            prize.value = *value;
        }
        if (auto image = check.text(item, "image", at, false, max_image_length, true)) {
            if (!image->empty() && !is_web_image(*image)) {
                check.fail(child(at, "image"), "must be an http(s) URL or a path starting with /");
            } else {
                prize.image = *image;
            }
        }
        if (auto stock = check.whole_number(item, "stock", at, true, 0, max_stock)) {
            prize.stock = *stock;
        }
        if (pool == PoolModel::deck) {
            if (item.contains("odds")) {
                check.fail(child(at, "odds"),
                           "the deck model takes no odds: a prize's odds are its stock over the "
                           "boxes left");
            }
        } else if (const json* value = check.field(item, "odds", at, true)) {
            std::optional<Fraction> parsed;
            if (value->is_string()) parsed = parse_odds(value->get_ref<const std::string&>());
            if (!parsed) {
                check.fail(child(at, "odds"), "must be a decimal like \"0.05\" (at most 9 places) "
                                              "or a fraction like \"1/144\" (denominator at most "
                                              "1000000000), written as a string");
            } else if (Fraction::make(1, 1) < *parsed) {
                check.fail(child(at, "odds"),
                           "must be at most 1 (got " + value->get<std::string>() + ")");
            } else {
                odds.back() = parsed;
            }
        }
        result.table.prizes.push_back(std::move(prize));
    }
    if (check.errors.size() != errors_before) return result;

    if (pool == PoolModel::deck) {
        u128 stock_sum = 0;
        for (const auto& prize : result.table.prizes)
            stock_sum += prize.stock;
        if (stock_sum > static_cast<u128>(result.table.boxes)) {
            check.fail(prizes_pointer, "prize stock adds up to " + u128_to_string(stock_sum) +
                                           ", more than the " + std::to_string(result.table.boxes) +
                                           " boxes");
            return result;
        }
        for (auto& prize : result.table.prizes) {
            prize.odds = Fraction::make(prize.stock, result.table.boxes);
        }
        result.ok = true;
        return result;
    }

    uint64_t common = 1;
    for (const auto& fraction : odds) {
        auto next = lcm_within(common, static_cast<uint64_t>(fraction->denominator),
                               max_common_denominator);
        if (!next) {
            check.fail(prizes_pointer, "the odds have no common denominator below 2^62; write "
                                       "them as decimals or as fractions sharing denominators");
            return result;
        }
        common = *next;
    }
    u128 total = 0;
    for (size_t i = 0; i < odds.size(); ++i) {
        Prize& prize = result.table.prizes[i];
        prize.odds = *odds[i];
        prize.weight = static_cast<uint64_t>(odds[i]->numerator * (common / odds[i]->denominator));
        total += prize.weight;
    }
    if (total > common) {
        check.fail(prizes_pointer, "odds add up to " + Fraction::make(total, common).to_string() +
                                       " (" + Fraction::make(total, common).to_decimal(9) +
                                       "), more than 1");
        return result;
    }
    result.table.common_denominator = common;
    result.table.total_weight = static_cast<uint64_t>(total);
    result.ok = true;
    return result;
}

} // namespace

int PrizeTable::find(std::string_view prize_id) const {
    for (size_t i = 0; i < prizes.size(); ++i) {
        if (prizes[i].id == prize_id) return static_cast<int>(i);
    }
    return -1;
}

const PrizeTable& Campaign::table_for(DayNumber day) const {
    auto it = std::lower_bound(overrides.begin(), overrides.end(), day,
                               [](const DateOverride& o, DayNumber d) { return o.day < d; });
    if (it != overrides.end() && it->day == day) return it->table;
    return default_table;
}

ParseResult parse_campaign_document(const json& document) {
    ParseResult result;
    JsonChecker check;
    Campaign campaign;
    const std::string root;

    if (!check.check_object(document, root,
                            {"$schema", "id", "title", "utc_offset", "window", "pool", "sold_out",
                             "pacing", "identity", "limits", "pity", "prize_table",
                             "date_overrides", "theme"})) {
        result.errors = std::move(check.errors);
        return result;
    }
    if (auto id = check.id(document, "id", root)) campaign.id = *id;
    if (auto title = check.text(document, "title", root, true, max_title_length)) {
        campaign.title = *title;
    }
    if (auto offset = check.text(document, "utc_offset", root, true, 64)) {
        if (auto minutes = parse_utc_offset(*offset)) {
            campaign.utc_offset_text = *offset;
            campaign.utc_offset_minutes = *minutes;
        } else {
            check.fail("/utc_offset", "must be a UTC offset like \"+08:00\" or \"-05:30\" "
                                      "(from -12:00 to +14:00)");
        }
    }

    bool window_ok = false;
    if (const json* window = check.field(document, "window", root, true)) {
        const std::string at = "/window";
        if (check.check_object(*window, at, {"first_day", "last_day", "opens_at", "closes_at"})) {
            size_t errors_before = check.errors.size();
            auto read_date = [&](std::string_view key) -> std::optional<DayNumber> {
                auto text = check.text(*window, key, at, true, 64);
                if (!text) return std::nullopt;
                auto day = parse_date(*text);
                if (!day) check.fail(child(at, key), date_problem(*text));
                return day;
            };
            auto first = read_date("first_day");
            auto last = read_date("last_day");
            auto read_time = [&](std::string_view key, bool end) -> std::optional<int32_t> {
                auto text = check.text(*window, key, at, false, 64);
                if (!text) return std::nullopt;
                auto minute = parse_time_of_day(*text, end);
                if (!minute) {
                    check.fail(child(at, key), end ? "must be a time like \"22:00\" (00:00-24:00)"
                                                   : "must be a time like \"10:00\" (00:00-23:59)");
                }
                return minute;
            };
            auto opens = read_time("opens_at", false);
            auto closes = read_time("closes_at", true);
            if (check.errors.size() == errors_before) {
                if (first && last) {
                    campaign.first_day = *first;
                    campaign.last_day = *last;
                    if (*last < *first) {
                        check.fail("/window/last_day",
                                   "must not be before first_day (" + format_date(*first) + ")");
                    } else if (*last - *first + 1 > static_cast<int64_t>(max_campaign_days)) {
                        check.fail("/window/last_day", "a campaign may run at most " +
                                                           std::to_string(max_campaign_days) +
                                                           " days");
                    }
                }
                if (opens) campaign.opens_at_minute = *opens;
                if (closes) campaign.closes_at_minute = *closes;
                if (campaign.closes_at_minute <= campaign.opens_at_minute) {
                    check.fail(window->contains("closes_at") ? "/window/closes_at"
                                                             : "/window/opens_at",
                               "closes_at (" + format_time_of_day(campaign.closes_at_minute) +
                                   ") must be later than opens_at (" +
                                   format_time_of_day(campaign.opens_at_minute) +
                                   "): opening hours cannot cross midnight");
                }
                window_ok = check.errors.size() == errors_before;
            }
        }
    }

    const size_t errors_before_pool = check.errors.size();
    if (auto pool = check.choice(document, "pool", root, {"odds", "deck"})) {
        campaign.pool = static_cast<PoolModel>(*pool);
    }
    // Prize tables are checked against the pool model, so only once it is known.
    const bool pool_ok = check.errors.size() == errors_before_pool;
    if (auto policy = check.choice(document, "sold_out", root, {"lose", "redistribute"})) {
        campaign.sold_out = static_cast<SoldOutPolicy>(*policy);
        if (campaign.pool == PoolModel::deck && campaign.sold_out == SoldOutPolicy::redistribute) {
            check.fail("/sold_out", "applies to the odds model only: a deck has no odds to "
                                    "redistribute");
        }
    }
    if (auto pacing = check.choice(document, "pacing", root, {"none", "even"})) {
        campaign.pacing = static_cast<Pacing>(*pacing);
        if (campaign.pool == PoolModel::deck && campaign.pacing == Pacing::even) {
            check.fail("/pacing", "applies to the odds model only: a shuffled deck already "
                                  "spreads its prizes over the day");
        }
    }
    if (auto identity = check.choice(document, "identity", root, {"open", "ticket"})) {
        campaign.identity = static_cast<Identity>(*identity);
    }

    if (const json* theme = check.field(document, "theme", root, false)) {
        read_theme(check, *theme, campaign.theme);
    }

    if (const json* limits = check.field(document, "limits", root, false)) {
        if (check.check_object(*limits, "/limits", {"draws_per_day", "draws_per_campaign"})) {
            if (auto per_day =
                    check.whole_number(*limits, "draws_per_day", "/limits", false, 1, 1'000'000)) {
                campaign.limits.draws_per_day = *per_day;
            }
            campaign.limits.draws_per_campaign = check.whole_number(
                *limits, "draws_per_campaign", "/limits", false, 1, 1'000'000'000);
        }
    }

    // Prize tables: the default, then each date override.
    std::set<std::string> known_prize_ids;
    const size_t errors_before_tables = check.errors.size();
    if (pool_ok) {
        if (const json* table = check.field(document, "prize_table", root, true)) {
            auto read = read_table(check, *table, "/prize_table", campaign.pool);
            for (const auto& prize : read.table.prizes)
                known_prize_ids.insert(prize.id);
            campaign.default_table = std::move(read.table);
        }
        if (const json* overrides = check.field(document, "date_overrides", root, false)) {
            if (!overrides->is_object()) {
                check.fail("/date_overrides", "must be an object of date -> prize table");
            } else if (overrides->size() > max_date_overrides) {
                check.fail("/date_overrides",
                           "must hold at most " + std::to_string(max_date_overrides) + " dates");
            } else {
                for (const auto& item : overrides->items()) {
                    std::string at = child("/date_overrides", item.key());
                    auto day = parse_date(item.key());
                    if (!day) {
                        check.fail(at, "must be keyed by a date like \"2026-11-28\"" +
                                           std::string(looks_like_date(item.key())
                                                           ? " (this one is not on the calendar)"
                                                           : ""));
                        continue;
                    }
                    if (window_ok && (*day < campaign.first_day || *day > campaign.last_day)) {
                        check.fail(at, "is outside the campaign window (" +
                                           format_date(campaign.first_day) + " to " +
                                           format_date(campaign.last_day) + ")");
                    }
                    auto read = read_table(check, item.value(), at, campaign.pool);
                    for (const auto& prize : read.table.prizes)
                        known_prize_ids.insert(prize.id);
                    campaign.overrides.push_back({*day, std::move(read.table)});
                }
                // Keys of a JSON object are already unique and sorted by text, which for
                // YYYY-MM-DD is date order.
            }
        }
    }

    // Unknown pity prizes are reported only when every table could be read.
    const bool tables_ok = pool_ok && check.errors.size() == errors_before_tables;
    if (const json* pity = check.field(document, "pity", root, false)) {
        const std::string at = "/pity";
        if (check.check_object(*pity, at, {"after", "prizes"})) {
            PityRule rule;
            size_t errors_before = check.errors.size();
            if (auto after = check.whole_number(*pity, "after", at, true, 1, 1'000'000)) {
                rule.after = *after;
            }
            if (const json* ids = check.field(*pity, "prizes", at, true)) {
                if (!ids->is_array() || ids->empty()) {
                    check.fail("/pity/prizes", "must be a non-empty array of prize ids");
                } else {
                    for (size_t i = 0; i < ids->size(); ++i) {
                        std::string item_at = child("/pity/prizes", i);
                        const json& id = (*ids)[i];
                        if (!id.is_string()) {
                            check.fail(item_at, "must be a prize id (a string)");
                            continue;
                        }
                        const auto& text = id.get_ref<const std::string&>();
                        if (std::find(rule.prize_ids.begin(), rule.prize_ids.end(), text) !=
                            rule.prize_ids.end()) {
                            check.fail(item_at, "names prize \"" + text + "\" twice");
                        } else if (tables_ok && !known_prize_ids.count(text)) {
                            check.fail(item_at, "unknown prize \"" + text +
                                                    "\": not in the prize table or any date "
                                                    "override");
                        }
                        rule.prize_ids.push_back(text);
                    }
                }
            }
            if (check.errors.size() == errors_before) campaign.pity = std::move(rule);
        }
    }
    if (campaign.pity) {
        auto mark = [&](PrizeTable& table) {
            for (auto& prize : table.prizes) {
                const auto& ids = campaign.pity->prize_ids;
                prize.pity_eligible = std::find(ids.begin(), ids.end(), prize.id) != ids.end();
            }
        };
        mark(campaign.default_table);
        for (auto& date_override : campaign.overrides)
            mark(date_override.table);
    }

    result.errors = std::move(check.errors);
    if (result.errors.empty()) result.campaign = std::move(campaign);
    return result;
}

ParseResult parse_campaign(std::string_view json_text) {
    std::string syntax_error;
    json document = parse_json_document(json_text, syntax_error);
    if (document.is_discarded()) {
        ParseResult result;
        result.errors.push_back({"", syntax_error});
        return result;
    }
    return parse_campaign_document(document);
}

std::string errors_to_json(const std::vector<ValidationError>& errors) {
    json list = json::array();
    for (const auto& error : errors) {
        list.push_back({{"pointer", error.pointer}, {"message", error.message}});
    }
    return dump_json(list);
}

std::string_view to_string(PoolModel model) {
    return model == PoolModel::odds ? "odds" : "deck";
}
std::string_view to_string(SoldOutPolicy policy) {
    return policy == SoldOutPolicy::lose ? "lose" : "redistribute";
}
std::string_view to_string(Pacing pacing) {
    return pacing == Pacing::none ? "none" : "even";
}
std::string_view to_string(Identity identity) {
    return identity == Identity::open ? "open" : "ticket";
}

} // namespace blindbox
