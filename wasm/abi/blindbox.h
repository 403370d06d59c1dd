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

#define BB_ABI_VERSION 2

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
 * {"issued": {"prize_id": n, ...}, "boxes_opened": n} (missing counts are 0;
 * a prize not of that day's table is refused, or skipped with "other_prizes":
 * "skip", for a host's snapshot taken under an earlier definition) or
 * {"stock": "counters"}. */
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
 * for a win, a fresh "claim_token" and its "claim_token_hash". A win or a blank
 * also has the player's allowance after it: "draws_left_today",
 * "draws_left_in_campaign" (null without a campaign limit) and
 * "draws_until_guaranteed" (null without a pity rule; 1 when the next draw is
 * the guaranteed one); daily_limit_reached has "draws_per_day",
 * campaign_limit_reached "draws_per_campaign". Returns 0, or BB_E_CONFLICT
 * when the host must roll its transaction back.
 *
 * Request ids. With a "request_id" (up to 128 bytes; a host may pass a hash of
 * the client's id) a drawn request marks the counter
 * "request/DAY/LEN/PLAYER/REQUEST_ID" (DAY the campaign day of the draw, LEN
 * the player id's length in bytes), and a repeat on the same campaign day is
 * answered "duplicate_request" without drawing. The host keeps those marks as
 * long as it wants repeats detected and deletes a day's marks (every name
 * starting "request/DAY/") when it forgets that day's requests; a repeat after
 * that, or on a later day, is not detected by the core. */
int32_t bb_draw(int32_t handle, const char* json, uint32_t size);

/* A player's standing, read from the counters without changing them (for the
 * page before a draw; the same allowance a draw returns): {"now", "player", "paused"?} -> {"clock",
 * "day", "draws_today", "draws_left_today", "draws_total", "draws_left_in_campaign" (null without a
 * campaign limit), "pity" (null without a pity rule, else
 * {"after", "streak", "draws_until_guaranteed"}: 1 when the next draw is the
 * guaranteed one)}. */
int32_t bb_player_status(int32_t handle, const char* json, uint32_t size);

/* A day's stock, read through the counters (never written): {"now"} or
 * {"day": "YYYY-MM-DD"} -> {"day", "prizes": [{"id", "name", "value"?,
 * "image"?, "stock", "issued", "left"}] (the day's table, in order) and, for
 * the deck model,
 * "boxes", "boxes_opened", "boxes_left"}. */
int32_t bb_day_stock(int32_t handle, const char* json, uint32_t size);

/* Whether the campaign `handle` (a proposed definition, loaded) may replace
 * the current one today, given the counters: {"now"} or {"day"} (the day by
 * the proposed definition's clock), and "current"? (the handle of the
 * definition in force; absent for a first definition) -> {"day", "problem",
 * "changes"}. "problem" is null or {"field", "message"}: a prize won today
 * that the proposal drops or stocks below what was won, or a deck with fewer
 * boxes than were opened (prizes checked in the byte order of their ids; the
 * first problem is reported). "changes" lists what players would notice on
 * that day, for the operator to confirm (empty without "current"): {"kind":
 * "removed" | "added", "prize", "name"}, {"kind": "stock" | "odds", "prize",
 * "name", "before", "after"} (odds as fractions), {"kind": "boxes" | "pool" |
 * "sold_out" | "pacing", "before", "after"} (texts; null boxes where a side
 * is not a deck). A problem is a value: the call returns 0. An unknown
 * "current" is BB_E_ARGUMENT. */
int32_t bb_change_check(int32_t handle, const char* json, uint32_t size);

/* Odds texts as the console shows them, read with the campaign parser's
 * grammar: {"odds"?: [text, ...], "previous"?: [text | null, ...], "pairs"?:
 * [[a, b], ...], "shares"?: [fraction, ...]} (an odds entry that is not a
 * string reads as malformed) -> {"prizes": [...], "total", "over_one",
 * "blank", "problem", "pairs", "shares"}. Each prize is {"valid": false, "problem":
 * the parser's message} or a share with "valid": true and "compared" ("lower",
 * "same", "higher" than the same index of "previous", or null). A share is
 * {"fraction", "decimal" (9 places), "percent" (the player page's: 4 places,
 * "0.0500%"), "percent_short" (the simulation page's: 2 places, 4 below 1%),
 * "percent_brief" (the console's: "5%", "0.694%"), "one_in" (1 /
 * share rounded half up; null for zero)}. "total" is the exact sum (null when
 * an entry is not valid or the odds have no common denominator below 2^62),
 * "blank" 1 - total (null over 1), "problem" the parser's message for the
 * table or null. "pairs" compares fractions as the core writes them ("n/d",
 * e.g. an odds report's effective against its disclosed odds): "lower",
 * "same" or "higher" for a against b, null where either is not one.
 * "shares" formats fractions as the core writes them (an odds report's, at
 * most 36 digits a side, at most 1) as shares, null where not one. */
int32_t bb_odds_text(const char* json, uint32_t size);

/* Days and clock texts on a UTC offset's calendar: {"utc_offset": "+08:00",
 * "now"?: unix, "day"?: "YYYY-MM-DD", "add_days"?: n, "span"?: 1..3660,
 * "times"?: ["HH:MM", ...] (24:00 allowed), "viewer_offset_minutes"?: minutes
 * east of UTC, "labels"?: {"opens_at": "HH:MM", "seconds_since_open": [n,
 * ...]}} -> {"utc_offset_minutes", with "now": "today" and "time" ("HH:MM");
 * with "now" or "day": "day" (that day, or today, plus add_days) and with
 * "span" "days" (span days from it); "times": [{"at", "unix" (on "day", when
 * known), "viewer" (the same moment on the viewer's clock, when given)}];
 * "labels": ["HH:MM", ...] (the opening plus each moment, to the minute)}. */
int32_t bb_calendar(const char* json, uint32_t size);

/* A simulated day: {"day", "players", "draws_per_player"?, "seed"?, "arrival"?
 * (relative arrivals per equal slice of the opening hours; evenly when absent)}. */
int32_t bb_simulate(int32_t handle, const char* json, uint32_t size);

/* Several runs of bb_simulate summed up, for the forecast: {"runs": [reply,
 * ...]} (1 to 1000 bb_simulate replies of one day, as returned; the fields
 * read are players, draws, wins, refused, players_who_won and per prize id,
 * name, stock, won, sold_out_after_seconds) -> {"runs", "draws", "wins",
 * "refused" (averages per run), "win_rate", "players_who_won" (shares over
 * all runs), "prizes": [{"id", "name", "stock", "mean_won" (average), "min_won",
 * "max_won", "still_in_stock" (share of runs with won < stock),
 * "sold_out_runs", "median_sold_out_seconds" (null when no run sold out; the
 * mean of the middle two rounded half up)}]}. An average is {"fraction",
 * "decimal" (1 place), "whole"}; a share is as in bb_odds_text plus
 * "percent_whole" ("67%") and "decimal_brief" (3 places, no trailing zeros:
 * "0", "0.333", "1"). */
int32_t bb_forecast(const char* json, uint32_t size);

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
