// Reading one prize table (the default or a date override) from a campaign
// definition (the io layer).
//
// The reader checks each prize's fields and points at every problem; once
// every field reads, the core weighs the table (weigh_odds_table: the common
// denominator; weigh_deck_table: stock over boxes) and a problem it finds is
// pointed at the table's "prizes".

#pragma once

#include "json_support.h"

#include <string>

namespace blindbox {

// Reads the table at `pointer`; `pool` decides which fields are allowed
// ("boxes" for a deck, "odds" for each prize of the odds model).
PrizeTable read_prize_table(JsonChecker& check, const json& node, const std::string& pointer,
                            PoolModel pool);

} // namespace blindbox
