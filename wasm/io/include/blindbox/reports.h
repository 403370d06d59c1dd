// The core's results as JSON (the io layer).
//
// The Worker, the browser (through the C ABI) and the CLI's --json output all
// print the same numbers, so all of them render through these functions.
// Fractions appear as {"fraction": "1/144", "decimal": "0.006944444"}: the
// fraction is exact, the decimal is rounded half up to 9 places for display.

#pragma once

#include "blindbox/campaign.h"
#include "blindbox/campaign_json.h"
#include "blindbox/draw.h"
#include "blindbox/simulation.h"

#include <string>

namespace blindbox {

// The public description of a campaign: everything players may see (window,
// hours, limits, pity rule, pool model, today's table is in the odds report),
// with the page's theme that the parser returned beside it.
std::string campaign_summary_json(const Campaign& campaign, const Theme& theme);

std::string odds_report_json(const Campaign& campaign, const OddsReport& report);

std::string clock_json(const CampaignClock& clock);

std::string simulation_report_json(const Campaign& campaign, const SimulationReport& report);

} // namespace blindbox
