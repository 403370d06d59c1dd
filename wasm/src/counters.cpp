#include "blindbox/counters.h"

#include <algorithm>

namespace blindbox {

size_t MemoryCounters::Hash::operator()(std::string_view key) const noexcept {
    // FNV-1a: the same on every target, unlike std::hash.
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : key) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return static_cast<size_t>(hash ^ (hash >> 32));
}

int64_t MemoryCounters::get(std::string_view key) {
    auto it = values_.find(key);
    return it == values_.end() ? 0 : it->second;
}

bool MemoryCounters::add_within(std::string_view key, int64_t delta, int64_t cap) {
    auto it = values_.find(key);
    const int64_t current = it == values_.end() ? 0 : it->second;
    // current and cap are within [0, INT64_MAX]; compare without overflowing.
    if (delta > 0 ? delta > cap - current : -delta > current) return false;
    if (it == values_.end()) it = values_.emplace(std::string(key), 0).first;
    if (recording_) journal_.emplace_back(&*it, current);
    it->second = current + delta;
    return true;
}

bool MemoryCounters::mark_once(std::string_view key) {
    return add_within(key, 1, 1);
}

void MemoryCounters::begin() {
    journal_.clear();
    recording_ = true;
}

void MemoryCounters::commit() {
    journal_.clear();
    recording_ = false;
}

void MemoryCounters::rollback() {
    // Elements of an unordered_map keep their address until erased, and
    // nothing is erased while a transaction is open.
    for (auto it = journal_.rbegin(); it != journal_.rend(); ++it)
        it->first->second = it->second;
    journal_.clear();
    recording_ = false;
}

std::vector<std::pair<std::string, int64_t>> MemoryCounters::sorted() const {
    std::vector<std::pair<std::string, int64_t>> all(values_.begin(), values_.end());
    std::sort(all.begin(), all.end());
    return all;
}

} // namespace blindbox
