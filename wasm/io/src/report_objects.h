// Report pieces as JSON values, for the ABI to add members before writing
// them (the io layer; reports.h has the finished texts).

#pragma once

#include "blindbox/draw.h"
#include "json_support.h"

namespace blindbox {

// Where a time falls in the campaign, as a JSON value (clock_json in reports.h
// is its text); draw results and player status carry it as "clock".
json clock_object(const CampaignClock& clock);

// A draw's result as a JSON value, for callers that add members before
// writing it (bb_draw adds the claim token).
json draw_result_object(const DrawResult& result);

} // namespace blindbox
