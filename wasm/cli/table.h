// Plain text tables for the `blindbox` commands, laid out with fmt.
//
// A TextTable makes each column as wide as its widest cell, measured in
// terminal columns (CJK and other wide characters take two), aligns numbers
// right and trims trailing spaces. print_fields lines up "label  value"
// pairs. Uses fmt only; knows nothing of campaigns.

#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blindbox::cli {

// Terminal columns taken by UTF-8 text (East Asian wide characters count two).
size_t display_width(std::string_view text);

class TextTable {
  public:
    enum class Align { left, right };

    void add_column(std::string header, Align align);
    // One cell per column added, in order.
    void add_row(std::vector<std::string> cells);
    // The header line, then one line per row.
    void print(std::FILE* out) const;

  private:
    void print_row(std::FILE* out, const std::vector<std::string>& cells,
                   const std::vector<size_t>& widths) const;

    std::vector<std::string> headers_;
    std::vector<Align> aligns_;
    std::vector<std::vector<std::string>> rows_;
};

// "label   value" lines on `out`, the values lined up two spaces after the
// longest label.
void print_fields(std::FILE* out, const std::vector<std::pair<std::string, std::string>>& fields);

} // namespace blindbox::cli
