#include "json_support.h"

#include <algorithm>

namespace blindbox {

namespace {

std::string escape_pointer_token(std::string_view token) {
    std::string escaped;
    for (char c : token) {
        if (c == '~') {
            escaped += "~0";
        } else if (c == '/') {
            escaped += "~1";
        } else {
            escaped.push_back(c);
        }
    }
    return escaped;
}

// Byte offset and reason of a JSON syntax error, found by a second, SAX pass.
struct SyntaxErrorFinder : nlohmann::json_sax<json> {
    std::string message;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception&) override {
        std::string near;
        for (char c : last_token.substr(last_token.size() > 20 ? last_token.size() - 20 : 0)) {
            near.push_back(c >= 0x20 && c < 0x7F ? c : '?'); // quote only printable ASCII
        }
        message = "not valid JSON: syntax error at byte " + std::to_string(position) + " near '" +
                  near + "'";
        return false;
    }
};

} // namespace

json parse_json_document(std::string_view text, std::string& error) {
    json document = json::parse(text.begin(), text.end(), nullptr, false);
    if (document.is_discarded()) {
        SyntaxErrorFinder finder;
        json::sax_parse(text.begin(), text.end(), &finder, nlohmann::detail::input_format_t::json,
                        true);
        error = finder.message.empty() ? "not valid JSON" : finder.message;
    }
    return document;
}

std::string dump_json(const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string child(const std::string& pointer, std::string_view key) {
    return pointer + "/" + escape_pointer_token(key);
}

std::string child(const std::string& pointer, size_t index) {
    return pointer + "/" + std::to_string(index);
}

// Characters in valid UTF-8 text (nlohmann has already rejected invalid UTF-8).
size_t count_code_points(std::string_view text) {
    size_t count = 0;
    for (unsigned char c : text)
        count += (c & 0xC0) != 0x80;
    return count;
}

bool has_control_characters(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7F;
    });
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > max_id_length) return false;
    auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    };
    if (!allowed(id[0]) || id[0] == '-' || id[0] == '_') return false;
    return std::all_of(id.begin(), id.end(), allowed);
}

bool is_web_image(std::string_view image) {
    return image.rfind("https://", 0) == 0 || image.rfind("http://", 0) == 0 ||
           (image.rfind("/", 0) == 0 && image.rfind("//", 0) != 0);
}

void JsonChecker::fail(std::string pointer, std::string message) {
    errors.push_back({std::move(pointer), std::move(message)});
}

// Reports fields of `object` not in `known`; returns false if `object` is
// not an object at all.
bool JsonChecker::check_object(const json& object, const std::string& pointer,
                               std::initializer_list<std::string_view> known) {
    if (!object.is_object()) {
        fail(pointer, "must be an object");
        return false;
    }
    for (const auto& item : object.items()) {
        if (std::find(known.begin(), known.end(), item.key()) == known.end()) {
            fail(child(pointer, item.key()), "unknown field \"" + item.key() + "\"");
        }
    }
    return true;
}

const json* JsonChecker::field(const json& object, std::string_view key, const std::string& pointer,
                               bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
        if (required) fail(child(pointer, key), "is required");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> JsonChecker::text(const json& object, std::string_view key,
                                             const std::string& pointer, bool required,
                                             size_t max_code_points, bool allow_empty) {
    const json* value = field(object, key, pointer, required);
    if (!value) return std::nullopt;
    std::string at = child(pointer, key);
    if (!value->is_string()) {
        fail(at, "must be a string");
        return std::nullopt;
    }
    const auto& text = value->get_ref<const std::string&>();
    if (text.empty() && !allow_empty) {
        fail(at, "must not be empty");
        return std::nullopt;
    }
    size_t length = count_code_points(text);
    if (length > max_code_points) {
        fail(at, "must be at most " + std::to_string(max_code_points) + " characters (got " +
                     std::to_string(length) + ")");
        return std::nullopt;
    }
    if (has_control_characters(text)) {
        fail(at, "must not contain control characters");
        return std::nullopt;
    }
    return text;
}

std::optional<std::string> JsonChecker::id(const json& object, std::string_view key,
                                           const std::string& pointer) {
    auto value = text(object, key, pointer, true, max_id_length);
    if (value && !is_valid_id(*value)) {
        fail(child(pointer, key), "must be 1-64 characters of a-z, 0-9, '-' and '_', "
                                  "starting with a letter or digit");
        return std::nullopt;
    }
    return value;
}

std::optional<int64_t> JsonChecker::whole_number(const json& object, std::string_view key,
                                                 const std::string& pointer, bool required,
                                                 int64_t min, int64_t max) {
    const json* value = field(object, key, pointer, required);
    if (!value) return std::nullopt;
    bool in_range = false;
    int64_t number = 0;
    if (value->is_number_unsigned()) {
        auto u = value->get<uint64_t>();
        in_range = u <= static_cast<uint64_t>(max) && static_cast<int64_t>(u) >= min;
        number = static_cast<int64_t>(u);
    } else if (value->is_number_integer()) {
        number = value->get<int64_t>();
        in_range = number >= min && number <= max;
    }
    if (!in_range) {
        fail(child(pointer, key),
             "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
        return std::nullopt;
    }
    return number;
}

// One of a fixed set of words; returns the index into `words`.
std::optional<size_t> JsonChecker::choice(const json& object, std::string_view key,
                                          const std::string& pointer,
                                          std::initializer_list<std::string_view> words) {
    const json* value = field(object, key, pointer, false);
    if (!value) return std::nullopt;
    std::string expected;
    for (auto word : words) {
        expected += expected.empty() ? "" : " or ";
        expected += "\"" + std::string(word) + "\"";
    }
    if (value->is_string()) {
        const auto& text = value->get_ref<const std::string&>();
        auto it = std::find(words.begin(), words.end(), text);
        if (it != words.end()) return static_cast<size_t>(it - words.begin());
    }
    fail(child(pointer, key), "must be " + expected);
    return std::nullopt;
}

std::optional<bool> JsonChecker::boolean(const json& object, std::string_view key,
                                         const std::string& pointer, bool required) {
    const json* value = field(object, key, pointer, required);
    if (!value) return std::nullopt;
    if (!value->is_boolean()) {
        fail(child(pointer, key), "must be true or false");
        return std::nullopt;
    }
    return value->get<bool>();
}

} // namespace blindbox
