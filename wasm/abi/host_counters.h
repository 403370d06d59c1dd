// The counters behind bb_draw: the host's (imports of module "blindbox_host")
// in the WASI build, a process-wide MemoryCounters everywhere else.

#pragma once

#include "blindbox/counters.h"

namespace blindbox {

Counters& host_counters();
// Empties the in-memory counters; does nothing to the host's.
void reset_memory_counters();

} // namespace blindbox
