// A progress bar for long simulations.
//
// `blindbox simulate` may run up to 100 million draws, which takes a while.
// When stderr is a terminal and the run is long enough to be worth watching,
// the CLI hands `ProgressBar::report` to blindbox::simulate_day as its
// ProgressCallback; the bar is redrawn in place with '\r' whenever the whole
// percentage changes, and wiped when the run ends, so nothing of it is left in
// the terminal or in any redirected output.

#pragma once

#include <cstdint>
#include <cstdio>

namespace blindbox::cli {

class ProgressBar {
  public:
    // Runs shorter than this finish before a bar would be worth reading.
    static constexpr int64_t min_draws_shown = 100'000;

    // Whether a run of `total_draws` should show a bar on `stream`: only on a
    // terminal, and only for long runs.
    static bool wanted(std::FILE* stream, int64_t total_draws);

    explicit ProgressBar(std::FILE* stream) : stream_(stream) {}
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    ~ProgressBar() { clear(); }

    // A blindbox::ProgressCallback; `context` is the ProgressBar.
    static void report(void* context, int64_t done, int64_t total);

    // Wipes the bar from the terminal line (also done by the destructor).
    void clear();

  private:
    void draw(int64_t done, int64_t total);

    std::FILE* stream_;
    int last_percent_ = -1;
    int drawn_width_ = 0; // characters on the line, to wipe
};

} // namespace blindbox::cli
