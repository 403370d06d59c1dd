// Reading a campaign definition named on the command line, and the options
// that pick a day of it, for the commands that take FILE (validate, odds,
// simulate).
//
// FILE may be "-" for standard input; files over 1 MiB are refused. Problems
// are printed here in the form every command uses. Uses the core and fmt.

#pragma once

#include "blindbox/calendar.h"
#include "blindbox/campaign.h"
#include "blindbox/campaign_json.h"

#include <optional>
#include <string>
#include <string_view>

namespace blindbox::cli {

inline constexpr size_t max_campaign_bytes = 1024 * 1024;

// Reads and validates `file` for `command`. On failure prints the problems
// (each validation error as "FILE: /pointer: message") and returns nullopt
// with `exit_status` set.
std::optional<Campaign> load_campaign(std::string_view command, const std::string& file,
                                      int& exit_status);

// "2026-11-28 to 2026-12-24".
std::string window_text(const Campaign& campaign);

// "10:00 to 20:00".
std::string hours_text(const Campaign& campaign);

// The day a command reports on: `day_option` (the text of --day) if given,
// else today in the campaign's time zone if that lies in the window, else the
// campaign's first day. Returns nullopt with `error` set when --day is not a
// date or lies outside the window.
std::optional<DayNumber> chosen_day(const Campaign& campaign,
                                    const std::optional<std::string>& day_option,
                                    std::string& error);

} // namespace blindbox::cli
