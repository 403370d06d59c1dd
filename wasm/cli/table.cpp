// Text tables (see table.h). Widths are measured here rather than by fmt's own
// width estimate, which is internal to fmt; padding and output go through fmt.

#include "table.h"

#include <fmt/core.h>

#include <algorithm>

namespace blindbox::cli {
namespace {

bool is_wide_character(char32_t c) {
    // East Asian wide and fullwidth ranges (CJK, Hangul, kana, fullwidth
    // forms, emoji): two terminal columns each.
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

} // namespace

size_t display_width(std::string_view text) {
    size_t width = 0;
    for (size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t code_point = length == 1   ? lead
                              : length == 2 ? lead & 0x1F
                              : length == 3 ? lead & 0x0F
                                            : lead & 0x07;
        for (size_t k = 1; k < length && i + k < text.size(); ++k) {
            code_point = (code_point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        }
        width += is_wide_character(code_point) ? 2 : 1;
        i += length;
    }
    return width;
}

void TextTable::add_column(std::string header, Align align) {
    headers_.push_back(std::move(header));
    aligns_.push_back(align);
}

void TextTable::add_row(std::vector<std::string> cells) {
    rows_.push_back(std::move(cells));
}

void TextTable::print(std::FILE* out) const {
    std::vector<size_t> widths(headers_.size(), 0);
    auto measure = [&](const std::vector<std::string>& cells) {
        for (size_t c = 0; c < cells.size(); ++c) {
            widths[c] = std::max(widths[c], display_width(cells[c]));
        }
    };
    measure(headers_);
    for (const auto& row : rows_)
        measure(row);
    print_row(out, headers_, widths);
    for (const auto& row : rows_)
        print_row(out, row, widths);
}

void TextTable::print_row(std::FILE* out, const std::vector<std::string>& cells,
                          const std::vector<size_t>& widths) const {
    std::string line;
    for (size_t c = 0; c < cells.size(); ++c) {
        const size_t padding = widths[c] - display_width(cells[c]);
        const std::string_view separator = c > 0 ? "  " : "";
        if (aligns_[c] == Align::right) {
            line += fmt::format("{}{:{}}{}", separator, "", padding, cells[c]);
        } else {
            line += fmt::format("{}{}{:{}}", separator, cells[c], "", padding);
        }
    }
    line.erase(line.find_last_not_of(' ') + 1);
    fmt::print(out, "{}\n", line);
}

void print_fields(std::FILE* out, const std::vector<std::pair<std::string, std::string>>& fields) {
    size_t width = 0;
    for (const auto& field : fields)
        width = std::max(width, field.first.size());
    for (const auto& [label, value] : fields) {
        fmt::print(out, "{:<{}}{}\n", label, width + 2, value);
    }
}

} // namespace blindbox::cli
