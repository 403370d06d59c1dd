// Reading a campaign file and choosing its day (see campaign_file.h).

#include "campaign_file.h"

#include "command.h"
#include "figures.h"

#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

namespace blindbox::cli {
namespace {

// The text of `path` ("-": standard input). Returns false with `error` set if
// it cannot be read or is larger than max_campaign_bytes.
bool read_campaign_text(const std::string& path, std::string& text, std::string& error) {
    const bool from_stdin = path == "-";
    const std::string shown = from_stdin ? "standard input" : "'" + path + "'";
    std::FILE* file = from_stdin ? stdin : std::fopen(path.c_str(), "rb");
    if (!file) {
        error = "cannot open " + shown + ": " + std::strerror(errno);
        return false;
    }
    std::vector<char> buffer(64 * 1024);
    bool too_large = false;
    size_t got = 0;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
        if (text.size() + got > max_campaign_bytes) {
            too_large = true;
            break;
        }
        text.append(buffer.data(), got);
    }
    const bool failed = std::ferror(file) != 0;
    const int read_errno = errno;
    if (!from_stdin) std::fclose(file);
    if (too_large) {
        error = shown + " is larger than 1 MiB (" + std::to_string(max_campaign_bytes) +
                " bytes); a campaign definition must fit in that";
        return false;
    }
    if (failed) {
        error = "cannot read " + shown + ": " + std::strerror(read_errno);
        return false;
    }
    return true;
}

void print_validation_errors(const std::string& file, const std::vector<ValidationError>& errors) {
    for (const auto& error : errors) {
        fmt::print(stderr, "{}: {}: {}\n", file,
                   error.pointer.empty() ? "(document)" : error.pointer, error.message);
    }
    fmt::print(stderr, "{}: {}\n", file, plural(static_cast<int64_t>(errors.size()), "problem"));
}

} // namespace

std::optional<Campaign> load_campaign(std::string_view command, const std::string& file,
                                      int& exit_status) {
    std::string text, error;
    if (!read_campaign_text(file, text, error)) {
        exit_status = input_error(command, error);
        return std::nullopt;
    }
    ParseResult parsed = parse_campaign(text);
    if (!parsed.campaign) {
        print_validation_errors(file, parsed.errors);
        exit_status = exit_invalid_campaign;
        return std::nullopt;
    }
    return std::move(parsed.campaign);
}

std::string window_text(const Campaign& campaign) {
    return format_date(campaign.first_day) + " to " + format_date(campaign.last_day);
}

std::string hours_text(const Campaign& campaign) {
    return format_time_of_day(campaign.opens_at_minute) + " to " +
           format_time_of_day(campaign.closes_at_minute);
}

std::optional<DayNumber> chosen_day(const Campaign& campaign,
                                    const std::optional<std::string>& day_option,
                                    std::string& error) {
    if (day_option) {
        const std::string& text = *day_option;
        auto day = parse_date(text);
        if (!day) {
            error = "--day must be a date like 2026-11-28 (got '" + text + "')";
            return std::nullopt;
        }
        if (*day < campaign.first_day || *day > campaign.last_day) {
            error =
                "--day " + text + " is outside the campaign window (" + window_text(campaign) + ")";
            return std::nullopt;
        }
        return day;
    }
    const DayNumber today =
        to_local_time(static_cast<int64_t>(std::time(nullptr)), campaign.utc_offset_minutes).day;
    return today >= campaign.first_day && today <= campaign.last_day ? today : campaign.first_day;
}

} // namespace blindbox::cli
