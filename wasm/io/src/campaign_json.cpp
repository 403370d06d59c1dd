// Reads a campaign definition from JSON into the core's model (see
// blindbox/campaign_json.h). Each part of the document has its own reader;
// CampaignReader holds what later parts depend on (is the window valid, is
// the pool model known, could every prize table be read). Prize tables are
// read by prize_table_json.cpp, the theme by theme_json.cpp; the arithmetic on
// prize tables and the rules between fields are the core's (weigh_odds_table,
// weigh_deck_table, mark_pity_prizes; blindbox/campaign_rules.h).

#include "blindbox/campaign_json.h"

#include "json_support.h"
#include "prize_table_json.h"
#include "theme_json.h"

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

// The whole document, part by part, in the order the errors are reported.
class CampaignReader {
  public:
    explicit CampaignReader(const json& document) : document_(document) {}

    ParseResult read();

  private:
    void read_names();
    void read_window(const json& window);
    void check_window(std::optional<DayNumber> first, std::optional<DayNumber> last,
                      std::optional<int32_t> opens, std::optional<int32_t> closes,
                      bool closes_written);
    void read_rules();
    void read_limits(const json& limits);
    void read_tables();
    void read_overrides(const json& overrides);
    void read_pity(const json& pity);
    void read_pity_prizes(const json& ids, PityRule& rule);
    void report(std::optional<ValidationError> problem);

    const json& document_;
    const std::string root_;
    JsonChecker check_;
    Campaign campaign_;
    Theme theme_;
    bool window_ok_ = false;
    bool pool_ok_ = false;
    bool tables_ok_ = false;
};

ParseResult CampaignReader::read() {
    ParseResult result;
    if (!check_.check_object(document_, root_,
                             {"$schema", "id", "title", "utc_offset", "window", "pool", "sold_out",
                              "pacing", "identity", "limits", "pity", "prize_table",
                              "date_overrides", "theme"})) {
        result.errors = std::move(check_.errors);
        return result;
    }
    read_names();
    if (const json* window = check_.field(document_, "window", root_, true)) read_window(*window);
    read_rules();
    if (const json* theme = check_.field(document_, "theme", root_, false)) {
        read_theme(check_, *theme, theme_);
    }
    if (const json* limits = check_.field(document_, "limits", root_, false)) read_limits(*limits);
    read_tables();
    if (const json* pity = check_.field(document_, "pity", root_, false)) read_pity(*pity);
    mark_pity_prizes(campaign_);

    result.errors = std::move(check_.errors);
    if (result.errors.empty()) {
        result.campaign = std::move(campaign_);
        result.theme = std::move(theme_);
    }
    return result;
}

void CampaignReader::read_names() {
    if (auto id = check_.id(document_, "id", root_)) campaign_.id = *id;
    if (auto title = check_.text(document_, "title", root_, true, max_title_length)) {
        campaign_.title = *title;
    }
    if (auto offset = check_.text(document_, "utc_offset", root_, true, 64)) {
        if (auto minutes = parse_utc_offset(*offset)) {
            campaign_.utc_offset_text = *offset;
            campaign_.utc_offset_minutes = *minutes;
        } else {
            check_.fail("/utc_offset", "must be a UTC offset like \"+08:00\" or \"-05:30\" "
                                       "(from -12:00 to +14:00)");
        }
    }
}

void CampaignReader::read_window(const json& window) {
    const std::string at = "/window";
    if (!check_.check_object(window, at, {"first_day", "last_day", "opens_at", "closes_at"})) {
        return;
    }
    const size_t errors_before = check_.errors.size();
    auto read_date = [&](std::string_view key) -> std::optional<DayNumber> {
        auto text = check_.text(window, key, at, true, 64);
        if (!text) return std::nullopt;
        auto day = parse_date(*text);
        if (!day) check_.fail(child(at, key), date_problem(*text));
        return day;
    };
    auto read_time = [&](std::string_view key, bool end) -> std::optional<int32_t> {
        auto text = check_.text(window, key, at, false, 64);
        if (!text) return std::nullopt;
        auto minute = parse_time_of_day(*text, end);
        if (!minute) {
            check_.fail(child(at, key), end ? "must be a time like \"22:00\" (00:00-24:00)"
                                            : "must be a time like \"10:00\" (00:00-23:59)");
        }
        return minute;
    };
    auto first = read_date("first_day");
    auto last = read_date("last_day");
    auto opens = read_time("opens_at", false);
    auto closes = read_time("closes_at", true);
    if (check_.errors.size() != errors_before) return;
    check_window(first, last, opens, closes, window.contains("closes_at"));
    window_ok_ = check_.errors.size() == errors_before;
}

// The window's fields each read; now the core's rules between them.
void CampaignReader::check_window(std::optional<DayNumber> first, std::optional<DayNumber> last,
                                  std::optional<int32_t> opens, std::optional<int32_t> closes,
                                  bool closes_written) {
    if (first && last) {
        campaign_.first_day = *first;
        campaign_.last_day = *last;
        if (auto problem = window_days_problem(*first, *last)) {
            check_.fail("/window/last_day", std::move(*problem));
        }
    }
    if (opens) campaign_.opens_at_minute = *opens;
    if (closes) campaign_.closes_at_minute = *closes;
    if (auto problem =
            opening_hours_problem(campaign_.opens_at_minute, campaign_.closes_at_minute)) {
        check_.fail(closes_written ? "/window/closes_at" : "/window/opens_at", std::move(*problem));
    }
}

void CampaignReader::read_rules() {
    const size_t errors_before_pool = check_.errors.size();
    if (auto pool = check_.choice(document_, "pool", root_, {"odds", "deck"})) {
        campaign_.pool = static_cast<PoolModel>(*pool);
    }
    // Prize tables are checked against the pool model, so only once it is known.
    pool_ok_ = check_.errors.size() == errors_before_pool;
    if (auto policy = check_.choice(document_, "sold_out", root_, {"lose", "redistribute"})) {
        campaign_.sold_out = static_cast<SoldOutPolicy>(*policy);
        report(sold_out_problem(campaign_));
    }
    if (auto pacing = check_.choice(document_, "pacing", root_, {"none", "even"})) {
        campaign_.pacing = static_cast<Pacing>(*pacing);
        report(pacing_problem(campaign_));
    }
    if (auto identity = check_.choice(document_, "identity", root_, {"open", "ticket"})) {
        campaign_.identity = static_cast<Identity>(*identity);
    }
}

void CampaignReader::read_limits(const json& limits) {
    if (!check_.check_object(limits, "/limits", {"draws_per_day", "draws_per_campaign"})) return;
    if (auto per_day =
            check_.whole_number(limits, "draws_per_day", "/limits", false, 1, 1'000'000)) {
        campaign_.limits.draws_per_day = *per_day;
    }
    campaign_.limits.draws_per_campaign =
        check_.whole_number(limits, "draws_per_campaign", "/limits", false, 1, 1'000'000'000);
}

// Prize tables: the default, then each date override.
void CampaignReader::read_tables() {
    const size_t errors_before = check_.errors.size();
    if (pool_ok_) {
        if (const json* table = check_.field(document_, "prize_table", root_, true)) {
            campaign_.default_table =
                read_prize_table(check_, *table, "/prize_table", campaign_.pool);
        }
        if (const json* overrides = check_.field(document_, "date_overrides", root_, false)) {
            read_overrides(*overrides);
        }
    }
    tables_ok_ = pool_ok_ && check_.errors.size() == errors_before;
}

void CampaignReader::read_overrides(const json& overrides) {
    if (!overrides.is_object()) {
        check_.fail("/date_overrides", "must be an object of date -> prize table");
        return;
    }
    if (overrides.size() > max_date_overrides) {
        check_.fail("/date_overrides",
                    "must hold at most " + std::to_string(max_date_overrides) + " dates");
        return;
    }
    // Keys of a JSON object are already unique and sorted by text, which for
    // YYYY-MM-DD is date order.
    for (const auto& item : overrides.items()) {
        const std::string at = child("/date_overrides", item.key());
        const auto day = parse_date(item.key());
        if (!day) {
            check_.fail(at, "must be keyed by a date like \"2026-11-28\"" +
                                std::string(looks_like_date(item.key())
                                                ? " (this one is not on the calendar)"
                                                : ""));
            continue;
        }
        if (window_ok_) report(override_day_problem(campaign_, *day));
        PrizeTable table = read_prize_table(check_, item.value(), at, campaign_.pool);
        campaign_.overrides.push_back({*day, std::move(table)});
    }
}

void CampaignReader::read_pity(const json& pity) {
    const std::string at = "/pity";
    if (!check_.check_object(pity, at, {"after", "prizes"})) return;
    PityRule rule;
    const size_t errors_before = check_.errors.size();
    if (auto after = check_.whole_number(pity, "after", at, true, 1, 1'000'000)) {
        rule.after = *after;
    }
    if (const json* ids = check_.field(pity, "prizes", at, true)) read_pity_prizes(*ids, rule);
    if (check_.errors.size() == errors_before) campaign_.pity = std::move(rule);
}

void CampaignReader::read_pity_prizes(const json& ids, PityRule& rule) {
    if (!ids.is_array() || ids.empty()) {
        check_.fail("/pity/prizes", "must be a non-empty array of prize ids");
        return;
    }
    // Unknown prizes are reported only when every table could be read.
    PityPrizeRules pity_prize_rules(campaign_, tables_ok_);
    for (size_t i = 0; i < ids.size(); ++i) {
        const json& id = ids[i];
        if (!id.is_string()) {
            check_.fail(child("/pity/prizes", i), "must be a prize id (a string)");
            continue;
        }
        const auto& text = id.get_ref<const std::string&>();
        report(pity_prize_rules.check(text, i));
        rule.prize_ids.push_back(text);
    }
}

// A rule of the core's between fields, reported where the reader meets it.
void CampaignReader::report(std::optional<ValidationError> problem) {
    if (problem) check_.fail(std::move(problem->pointer), std::move(problem->message));
}

} // namespace

ParseResult parse_campaign_document(const json& document) {
    return CampaignReader(document).read();
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

} // namespace blindbox
