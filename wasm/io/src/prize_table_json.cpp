// Reads prize tables from a campaign definition (see prize_table_json.h).

#include "prize_table_json.h"

#include "blindbox/odds_text.h"

namespace blindbox {

namespace {

// A prize's published odds: a string the core's read_odds_text() accepts, with
// its problem at the field otherwise.
std::optional<Fraction> read_odds(JsonChecker& check, const json& item, const std::string& at) {
    const json* value = check.field(item, "odds", at, true);
    if (!value) return std::nullopt;
    if (!value->is_string()) {
        check.fail(child(at, "odds"), std::string(odds_format_problem));
        return std::nullopt;
    }
    OddsReading reading = read_odds_text(value->get_ref<const std::string&>());
    if (!reading.odds) check.fail(child(at, "odds"), reading.problem);
    return reading.odds;
}

// Reads prize `index` of a table into `table` (unless it is not an object).
void read_prize(JsonChecker& check, const json& item, const std::string& prizes_pointer,
                size_t index, PoolModel pool, PrizeTable& table) {
    const std::string at = child(prizes_pointer, index);
    if (!check.check_object(item, at, {"id", "name", "value", "image", "stock", "odds"})) return;
    Prize prize;
    if (auto id = check.id(item, "id", at)) {
        const int previous = table.find(*id);
        if (previous >= 0) {
            check.fail(child(at, "id"), "duplicate prize id \"" + *id + "\" (also at " +
                                            child(prizes_pointer, static_cast<size_t>(previous)) +
                                            ")");
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
            check.fail(child(at, "odds"), "the deck model takes no odds: a prize's odds are its "
                                          "stock over the boxes left");
        }
    } else if (auto odds = read_odds(check, item, at)) {
        prize.odds = *odds;
    }
    table.prizes.push_back(std::move(prize));
}

// The "prizes" array of a table at `pointer`; nullptr (reported) unless it
// holds 1..max_prizes entries.
const json* prize_list(JsonChecker& check, const json& node, const std::string& pointer) {
    const json* prizes = check.field(node, "prizes", pointer, true);
    if (!prizes) return nullptr;
    const std::string at = child(pointer, "prizes");
    if (!prizes->is_array()) {
        check.fail(at, "must be an array of prizes");
    } else if (prizes->empty()) {
        check.fail(at, "must list at least one prize");
    } else if (prizes->size() > max_prizes) {
        check.fail(at, "must list at most " + std::to_string(max_prizes) + " prizes (got " +
                           std::to_string(prizes->size()) + ")");
    } else {
        return prizes;
    }
    return nullptr;
}

} // namespace

PrizeTable read_prize_table(JsonChecker& check, const json& node, const std::string& pointer,
                            PoolModel pool) {
    PrizeTable table;
    const size_t errors_before = check.errors.size();
    if (!check.check_object(node, pointer, {"prizes", "boxes"})) return table;
    if (pool == PoolModel::deck) {
        if (auto boxes = check.whole_number(node, "boxes", pointer, true, 1, max_stock)) {
            table.boxes = *boxes;
        }
    } else if (node.contains("boxes")) {
        check.fail(child(pointer, "boxes"),
                   "only the deck model has boxes (this campaign uses the odds model)");
    }
    const json* prizes = prize_list(check, node, pointer);
    if (!prizes) return table;
    const std::string prizes_pointer = child(pointer, "prizes");
    for (size_t i = 0; i < prizes->size(); ++i)
        read_prize(check, (*prizes)[i], prizes_pointer, i, pool, table);
    if (check.errors.size() != errors_before) return table;
    auto problem = pool == PoolModel::deck ? weigh_deck_table(table) : weigh_odds_table(table);
    if (problem) check.fail(prizes_pointer, std::move(*problem));
    return table;
}

} // namespace blindbox
