// Reads the "theme" member of a campaign definition (see theme_json.h).

#include "theme_json.h"

namespace blindbox {

namespace {

bool is_hex_color(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return false;
    for (size_t i = 1; i < 7; ++i) {
        const char c = text[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

void read_localized(JsonChecker& check, const json& object, std::string_view key,
                    const std::string& pointer, size_t max_length, LocalizedText& out) {
    const json* value = check.field(object, key, pointer, false);
    if (!value) return;
    const std::string at = child(pointer, key);
    if (!check.check_object(*value, at, {"en", "zh"})) return;
    if (auto en = check.text(*value, "en", at, false, max_length, true)) out.en = *en;
    if (auto zh = check.text(*value, "zh", at, false, max_length, true)) out.zh = *zh;
}

} // namespace

void read_theme(JsonChecker& check, const json& node, Theme& theme) {
    const std::string at = "/theme";
    if (!check.check_object(node, at,
                            {"primary_color", "accent_color", "background_color", "text_color",
                             "logo", "box_image", "headline", "intro"})) {
        return;
    }
    const std::pair<std::string_view, std::string*> colors[] = {
        {"primary_color", &theme.primary_color},
        {"accent_color", &theme.accent_color},
        {"background_color", &theme.background_color},
        {"text_color", &theme.text_color}};
    for (const auto& [key, target] : colors) {
        if (auto color = check.text(node, key, at, false, 16)) {
            if (is_hex_color(*color)) {
                *target = *color;
            } else {
                check.fail(child(at, key), "must be a colour like \"#c8102e\"");
            }
        }
    }
    const std::pair<std::string_view, std::string*> images[] = {{"logo", &theme.logo},
                                                                {"box_image", &theme.box_image}};
    for (const auto& [key, target] : images) {
        if (auto image = check.text(node, key, at, false, max_image_length, true)) {
            if (image->empty() || is_web_image(*image)) {
                *target = *image;
            } else {
                check.fail(child(at, key), "must be an http(s) URL or a path starting with /");
            }
        }
    }
    read_localized(check, node, "headline", at, max_headline_length, theme.headline);
    read_localized(check, node, "intro", at, max_intro_length, theme.intro);
}

} // namespace blindbox
