/* The blindbox C ABI: the one place where pointers cross.
 *
 * The WASI reactor (for the Worker) and the Emscripten module (for the
 * browser) export exactly these functions; natively they are a plain C API.
 * Nothing C++ crosses: bytes in, bytes out, integer status codes.
 *
 * Memory. The caller copies its input into module memory obtained from
 * bb_alloc and releases it with bb_free. Every call that produces output
 * writes UTF-8 JSON into a module-owned result buffer and returns; read it
 * with bb_result_ptr/bb_result_len before the next bb_ call, which replaces
 * it. From JavaScript, take a fresh view of memory.buffer after every call:
 * the heap may have grown.
 *
 * Status. Functions return >= 0 on success (0, a handle, or a boolean) and a
 * negative BB_E_* code on failure; on failure the result buffer holds
 *   {"error": {"code": "...", "message": "...", "field": "/pointer"}}
 * ("field" when one input field is at fault; "errors": [...] listing every
 * problem for an invalid campaign). A malformed call (null pointer, oversized
 * input, unknown handle, bad JSON) returns an error; it never traps.
 *
 * Campaigns are loaded once (bb_campaign_load) and referred to by handle, so
 * a draw does not re-parse the definition.
 *
 * Counters. bb_draw, and bb_odds with {"stock": "counters"}, read and change
 * state through the host's atomic counters (bb_player_status only reads
 * them): in the WASI build these are the imports of module "blindbox_host"
 * (declared in host_counters.cpp), which the Worker implements over Durable Object
 * storage inside one transaction; elsewhere a process-wide in-memory store
 * (bb_memory_reset empties it).
 */
#ifndef BLINDBOX_ABI_H
#define BLINDBOX_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BB_ABI_VERSION 1

#define BB_OK 0
#define BB_E_INVALID (-1)  /* input understood and refused: see the result's error */
#define BB_E_ARGUMENT (-2) /* null/oversized pointer arguments or an unknown handle */
#define BB_E_RANDOM (-3)   /* the CSPRNG failed */
#define BB_E_CONFLICT (-4) /* bb_draw: a counter write was refused; roll back */

/* Largest input accepted by any call, in bytes. */
#define BB_MAX_INPUT (1024 * 1024)

uint32_t bb_abi_version(void);

/* Module memory for inputs. bb_alloc returns 0 when out of memory or for
 * size 0 or above BB_MAX_INPUT; bb_free(0) does nothing. */
void* bb_alloc(uint32_t size);
void bb_free(void* pointer);

/* The last call's output. Valid until the next bb_ call. */
const uint8_t* bb_result_ptr(void);
uint32_t bb_result_len(void);

/* Validates a campaign. 0 and {"valid": true} when valid; BB_E_INVALID and an
 * error listing every problem otherwise. */
int32_t bb_validate(const char* json, uint32_t size);

/* Loads a campaign: a handle > 0 and its public summary, or BB_E_INVALID as
 * bb_validate. */
int32_t bb_campaign_load(const char* json, uint32_t size);
/* Releases a handle: 0, or BB_E_ARGUMENT for an unknown one. */
int32_t bb_campaign_unload(int32_t handle);
/* The public summary of a loaded campaign (window, limits, pity, pool). */
int32_t bb_campaign_describe(int32_t handle);

/* Where a time falls: request {"now": unix_seconds, "paused": bool}. */
int32_t bb_clock(int32_t handle, const char* json, uint32_t size);

/* Disclosed and effective odds. Request: the moment, either {"now": unix} or
 * {"day": "YYYY-MM-DD", "seconds_since_open": n}; and the stock, either
 * {"issued": {"prize_id": n, ...}, "boxes_opened": n} (missing counts are 0)
 * or {"stock": "counters"}. */
int32_t bb_odds(int32_t handle, const char* json, uint32_t size);

/* The pure decision (no counters): {"day", "seconds_since_open", "issued",
 * "boxes_opened", "pity_streak", "entropy": 64 hex digits} ->
 * {"prize": id | null, "by_pity": bool, "sold_out_prize": id | null}. */
int32_t bb_decide(int32_t handle, const char* json, uint32_t size);

/* A draw through the counters: {"now", "player", "request_id"?, "paused"?,
 * "entropy"? (64 hex digits; from the CSPRNG when absent), "claim_token"? (one
 * made earlier by bb_claim_token_new, for a host that must seal the token
 * before its storage transaction; a fresh one is made when absent)}. The result has
 * "status" (win, blank, duplicate_request, not_open, daily_limit_reached,
 * campaign_limit_reached, boxes_exhausted), the clock, the entropy used and,
 * for a win, a fresh "claim_token" and its "claim_token_hash". Returns 0, or
 * BB_E_CONFLICT when the host must roll its transaction back. */
int32_t bb_draw(int32_t handle, const char* json, uint32_t size);

/* A player's standing, read from the counters without changing them (for the
 * page before a draw): {"now", "player", "paused"?} -> {"clock", "day",
 * "draws_today", "draws_left_today", "draws_total", "draws_left_in_campaign"
 * (null without a campaign limit), "pity" (null without a pity rule, else
 * {"after", "streak", "draws_until_guaranteed"}: 1 when the next draw is the
 * guaranteed one)}. */
int32_t bb_player_status(int32_t handle, const char* json, uint32_t size);

/* A simulated day: {"day", "players", "draws_per_player"?, "seed"?, "arrival"?
 * (relative arrivals per equal slice of the opening hours; evenly when absent)}. */
int32_t bb_simulate(int32_t handle, const char* json, uint32_t size);

/* Empties the in-memory counters (not the host's). */
int32_t bb_memory_reset(void);

/* {"token", "hash"}: a new claim token from the CSPRNG, or BB_E_RANDOM. */
int32_t bb_claim_token_new(void);
/* {"hash"} of a token given as raw text. */
int32_t bb_claim_token_hash(const char* token, uint32_t size);
/* Request {"token", "hash"}: 1 when the token matches, 0 when not (constant
 * time), BB_E_INVALID for a malformed request. */
int32_t bb_claim_token_matches(const char* json, uint32_t size);

#ifdef __cplusplus
}
#endif

#endif /* BLINDBOX_ABI_H */
