#include "host_counters.h"

#include <algorithm>

#if defined(BLINDBOX_HOST_COUNTERS)

// Imports the Worker provides (host/src/core.ts). Values and caps travel as
// f64, which is exact for every integer the core uses (below 2^53) and spares
// the host BigInt conversions on every call.
extern "C" {
__attribute__((import_module("blindbox_host"), import_name("counter_get"))) double
blindbox_host_counter_get(const char* key, uint32_t key_size);
__attribute__((import_module("blindbox_host"), import_name("counter_add"))) int32_t
blindbox_host_counter_add(const char* key, uint32_t key_size, double delta, double cap);
__attribute__((import_module("blindbox_host"), import_name("counter_mark"))) int32_t
blindbox_host_counter_mark(const char* key, uint32_t key_size);
}

namespace blindbox {
namespace {

constexpr int64_t max_exact_integer = int64_t{1} << 53;

class ImportedCounters final : public Counters {
  public:
    int64_t get(std::string_view key) override {
        return static_cast<int64_t>(
            blindbox_host_counter_get(key.data(), static_cast<uint32_t>(key.size())));
    }
    bool add_within(std::string_view key, int64_t delta, int64_t cap) override {
        return blindbox_host_counter_add(
                   key.data(), static_cast<uint32_t>(key.size()), static_cast<double>(delta),
                   static_cast<double>(std::min(cap, max_exact_integer))) != 0;
    }
    bool mark_once(std::string_view key) override {
        return blindbox_host_counter_mark(key.data(), static_cast<uint32_t>(key.size())) != 0;
    }
};

ImportedCounters imported;

} // namespace

Counters& host_counters() {
    return imported;
}
void reset_memory_counters() {}

} // namespace blindbox

#else

namespace blindbox {
namespace {
MemoryCounters memory;
} // namespace

Counters& host_counters() {
    return memory;
}
void reset_memory_counters() {
    memory = MemoryCounters();
}

} // namespace blindbox

#endif
