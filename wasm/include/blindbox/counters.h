// The host interface: atomic counters.
//
// The core owns every decision but no storage. It reads and changes a
// campaign's state only through these three operations on named integer
// counters, which the host implements inside one transaction per draw: the
// Worker over Durable Object SQLite storage (`ctx.storage.transactionSync`),
// tests and the CLI with `MemoryCounters` below.
//
// A draw first reads, then writes; a write that fails (a cap reached) means the
// state changed under the draw, which inside a transaction cannot happen. If it
// does, the draw reports a conflict and the host must roll the whole
// transaction back: a draw is all-or-nothing.
//
// Counter names are text with the variable part last (see `counter_key`), and
// never mention a shard: a shard of a campaign is a separate store holding the
// same names for its own part of the stock.

#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace blindbox {

class Counters {
  public:
    virtual ~Counters() = default;
    // The counter's value; 0 for a counter never written.
    virtual int64_t get(std::string_view key) = 0;
    // Adds `delta` (which may be negative) if the result stays within
    // [0, cap]; returns whether it did. A refused add changes nothing.
    virtual bool add_within(std::string_view key, int64_t delta, int64_t cap) = 0;
    // Sets the counter to 1 if it was 0; returns true the first time only.
    virtual bool mark_once(std::string_view key) = 0;
};

// Counters in memory, with an optional undo journal so tests and simulations
// get the same all-or-nothing behaviour as a storage transaction.
class MemoryCounters final : public Counters {
  public:
    int64_t get(std::string_view key) override;
    bool add_within(std::string_view key, int64_t delta, int64_t cap) override;
    bool mark_once(std::string_view key) override;

    // Starts recording changes; rollback() undoes every change since, commit()
    // keeps them. Transactions do not nest.
    void begin();
    void commit();
    void rollback();

    size_t size() const { return values_.size(); }
    // Forgets every counter (keeping the table's memory for reuse).
    void clear() {
        values_.clear();
        journal_.clear();
    }
    // Every counter, sorted by name (for dumps and comparisons).
    std::vector<std::pair<std::string, int64_t>> sorted() const;

  private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view key) const noexcept;
    };
    using Map = std::unordered_map<std::string, int64_t, Hash, std::equal_to<>>;
    Map values_;
    // (counter, value before) for each change since begin().
    std::vector<std::pair<Map::value_type*, int64_t>> journal_;
    bool recording_ = false;
};

} // namespace blindbox
