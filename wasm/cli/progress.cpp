// The simulation progress bar: "[##########..........] 50% 500000/1000000 draws".
//
// Drawn only when the percentage changes (simulate_day reports about every 1%
// of the run), so the terminal is written about a hundred times per run.

#include "progress.h"

#include <algorithm>
#include <string>

#include <unistd.h>

namespace blindbox::cli {

namespace {

constexpr int bar_width = 20;

} // namespace

bool ProgressBar::wanted(std::FILE* stream, int64_t total_draws) {
    return total_draws >= min_draws_shown && isatty(fileno(stream)) == 1;
}

void ProgressBar::report(void* context, int64_t done, int64_t total) {
    static_cast<ProgressBar*>(context)->draw(done, total);
}

void ProgressBar::draw(int64_t done, int64_t total) {
    if (total <= 0) return;
    done = std::clamp<int64_t>(done, 0, total);
    const int percent = static_cast<int>(done * 100 / total);
    if (percent == last_percent_) return;
    last_percent_ = percent;

    const int filled = percent * bar_width / 100;
    std::string line = "\r[";
    line.append(static_cast<size_t>(filled), '#');
    line.append(static_cast<size_t>(bar_width - filled), '.');
    line += "] " + std::to_string(percent) + "% " + std::to_string(done) + "/" +
            std::to_string(total) + " draws";
    // Pad over whatever a longer previous line left behind.
    const int width = static_cast<int>(line.size()) - 1;
    if (width < drawn_width_) line.append(static_cast<size_t>(drawn_width_ - width), ' ');
    drawn_width_ = std::max(drawn_width_, width);
    std::fputs(line.c_str(), stream_);
    std::fflush(stream_);
}

void ProgressBar::clear() {
    if (drawn_width_ == 0) return;
    std::string blank = "\r";
    blank.append(static_cast<size_t>(drawn_width_), ' ');
    blank += "\r";
    std::fputs(blank.c_str(), stream_);
    std::fflush(stream_);
    drawn_width_ = 0;
    last_percent_ = -1;
}

} // namespace blindbox::cli
