// Reading the page's theme from a campaign definition (the io layer).
//
// The theme is presentation only: colours, pictures and texts the player page
// shows. The parser returns it beside the core's Campaign (ParseResult), never
// inside it; the core has no use for it.

#pragma once

#include "json_support.h"

namespace blindbox {

// Reads the theme object at "/theme" into `theme`, recording every problem in
// `check`.
void read_theme(JsonChecker& check, const json& node, Theme& theme);

} // namespace blindbox
