// Campaign definitions read from JSON (the io layer).
//
// A definition arrives as JSON (documented by kv-schema/campaign.schema.json)
// and leaves this file as the core's typed, fully checked `Campaign` plus the
// page's `Theme`, or as the list of *every* problem found, each with a JSON
// pointer to the field at fault and a plain message, so an operator fixes a
// config in one pass. The theme is presentation only: the core never sees it;
// the ABI keeps it beside the campaign and prints it in the summary.
//
// Parsing never throws and never aborts: nlohmann_json is used in its
// no-exception mode and every value's type is checked before it is read. The
// rules that need no JSON (common denominators, deck stock, pity marks, which
// fields may go together) are the core's (blindbox/campaign.h,
// blindbox/campaign_rules.h); this layer only reads, types and points.

#pragma once

#include "blindbox/campaign.h"
#include "blindbox/campaign_rules.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blindbox {

// Text in the page's two languages; either may be empty.
struct LocalizedText {
    std::string en;
    std::string zh;
};

// How the player page looks: brand colours (#rrggbb), pictures (URLs or site
// paths) and texts. Every field is optional; the page has its own defaults.
struct Theme {
    std::string primary_color;
    std::string accent_color;
    std::string background_color;
    std::string text_color;
    std::string logo;
    std::string box_image;
    LocalizedText headline;
    LocalizedText intro;
};

inline constexpr size_t max_headline_length = 120; // characters
inline constexpr size_t max_intro_length = 1000;   // characters

// A parsed definition: the core's model and, beside it, the page's theme.
struct ParseResult {
    std::optional<Campaign> campaign; // set only when `errors` is empty
    Theme theme;                      // meaningful only with `campaign`
    std::vector<ValidationError> errors;
};

// Parses and validates a campaign from JSON text. Never throws; on any problem
// `campaign` is empty and `errors` lists every problem found, in the order
// the fields are checked (top-level fields, then the prize tables, then pity).
ParseResult parse_campaign(std::string_view json_text);

// The JSON text of a validation error list: [{"pointer": ..., "message": ...}].
std::string errors_to_json(const std::vector<ValidationError>& errors);

} // namespace blindbox
