// The C ABI's draw calls (see blindbox.h): bb_draw (a whole draw through the
// host's counters, with its claim token), bb_decide (the pure decision on a
// given stock) and bb_player_status (what a player has drawn and may still
// draw). Requests are read with the helpers of abi_support.h; the decisions
// are the core's (draw.h).

#include "blindbox.h"

#include "abi_support.h"
#include "blindbox/claim_token.h"
#include "blindbox/draw.h"
#include "blindbox/sha256.h"
#include "host_counters.h"
#include "json_support.h"
#include "report_objects.h"

#include <optional>
#include <string>

namespace blindbox::abi {
namespace {

// The request's "entropy" (64 hexadecimal digits), or nothing when absent or bad.
std::optional<Entropy> read_entropy(Request& request, bool required) {
    auto text = request.check.text(request.document, "entropy", "", required, 64);
    if (!text) return std::nullopt;
    Entropy entropy;
    if (!from_hex(*text, entropy.bytes.data(), entropy.bytes.size())) {
        request.check.fail("/entropy", "must be 64 hexadecimal digits (32 bytes)");
        return std::nullopt;
    }
    return entropy;
}

// The allowance fields of draw and player-status replies.
void put_allowance(json& out, const PlayerAllowance& allowance) {
    out["draws_left_today"] = allowance.draws_left_today;
    out["draws_left_in_campaign"] = optional_count(allowance.draws_left_in_campaign);
    out["draws_until_guaranteed"] = optional_count(allowance.draws_until_guaranteed);
}

} // namespace
} // namespace blindbox::abi

using namespace blindbox;
using namespace blindbox::abi;

BB_EXPORT(bb_decide) int32_t bb_decide(int32_t handle, const char* data, uint32_t size) {
    const Campaign* campaign = nullptr;
    Request request;
    if (auto refused = open_campaign_request(
            handle, data, size,
            {"day", "seconds_since_open", "issued", "boxes_opened", "pity_streak", "entropy"},
            campaign, request))
        return *refused;
    auto moment = read_moment(*campaign, request);
    if (!moment) return invalid_request(request);
    const PrizeTable& table = campaign->table_for(moment->day);
    auto issued = read_issued(table, request);
    auto opened =
        request.check.whole_number(request.document, "boxes_opened", "", false, 0, max_stock);
    auto streak =
        request.check.whole_number(request.document, "pity_streak", "", false, 0, max_stock);
    auto entropy = read_entropy(request, true);
    if (!issued || !entropy || !request.check.errors.empty()) return invalid_request(request);
    if (campaign->pool == PoolModel::deck && opened.value_or(0) >= table.boxes) {
        return error_reply(BB_E_INVALID, "boxes_exhausted", "every box of that day is open",
                           "/boxes_opened");
    }
    ArrayDayStock stock(issued->data(), issued->size(), opened.value_or(0));
    Decision decision =
        decide(*campaign, table, moment->seconds_since_open, stock, streak.value_or(0), *entropy);
    json out = {{"prize", decision.win() ? json(table.prizes[decision.prize].id) : json(nullptr)},
                {"by_pity", decision.by_pity},
                {"sold_out_prize", decision.sold_out_prize >= 0
                                       ? json(table.prizes[decision.sold_out_prize].id)
                                       : json(nullptr)}};
    return reply(BB_OK, dump_json(out));
}

BB_EXPORT(bb_draw) int32_t bb_draw(int32_t handle, const char* data, uint32_t size) {
    const Campaign* campaign = nullptr;
    Request request;
    if (auto refused = open_campaign_request(
            handle, data, size, {"now", "player", "request_id", "paused", "entropy", "claim_token"},
            campaign, request))
        return *refused;
    auto now = request.check.whole_number(request.document, "now", "", true, 0, max_unix_seconds);
    auto player = request.check.text(request.document, "player", "", true, 128);
    auto request_id = request.check.text(request.document, "request_id", "", false, 128);
    auto paused = request.check.boolean(request.document, "paused", "", false);
    auto entropy = read_entropy(request, false);
    auto given_token = request.check.text(request.document, "claim_token", "", false, 64);
    if (given_token && !is_well_formed_claim_token(*given_token)) {
        request.check.fail("/claim_token", "must be a token from bb_claim_token_new (24 URL-safe "
                                           "characters)");
    }
    if (!request.check.errors.empty()) return invalid_request(request);
    if (!entropy) {
        entropy.emplace();
        if (!fill_secure_random(entropy->bytes.data(), entropy->bytes.size())) {
            return error_reply(BB_E_RANDOM, "random_unavailable", "the CSPRNG failed");
        }
    }
    const std::string request_id_text = request_id.value_or("");
    DrawRequest draw_request;
    draw_request.now_unix = *now;
    draw_request.player = *player;
    draw_request.request_id = request_id_text;
    draw_request.paused = paused.value_or(false);
    draw_request.entropy = *entropy;
    DrawResult result = draw(*campaign, host_counters(), draw_request);
    if (result.status == DrawStatus::conflict) {
        return error_reply(BB_E_CONFLICT, "conflict",
                           "a counter changed during the draw; roll the transaction back");
    }
    json out = draw_result_object(result);
    out["entropy"] = to_hex(entropy->bytes.data(), entropy->bytes.size());
    if (result.status == DrawStatus::win || result.status == DrawStatus::blank) {
        put_allowance(out, result.allowance);
    } else if (result.status == DrawStatus::daily_limit_reached) {
        out["draws_per_day"] = campaign->limits.draws_per_day;
    } else if (result.status == DrawStatus::campaign_limit_reached) {
        out["draws_per_campaign"] = optional_count(campaign->limits.draws_per_campaign);
    }
    if (result.status == DrawStatus::win) {
        auto token = given_token ? std::optional<ClaimToken>(
                                       ClaimToken{*given_token, claim_token_hash(*given_token)})
                                 : new_claim_token();
        if (!token) return error_reply(BB_E_RANDOM, "random_unavailable", "the CSPRNG failed");
        out["claim_token"] = token->token;
        out["claim_token_hash"] = token->hash_hex;
    }
    return reply(BB_OK, dump_json(out));
}

BB_EXPORT(bb_player_status)
int32_t bb_player_status(int32_t handle, const char* data, uint32_t size) {
    const Campaign* campaign = nullptr;
    Request request;
    if (auto refused = open_campaign_request(handle, data, size, {"now", "player", "paused"},
                                             campaign, request))
        return *refused;
    auto now = request.check.whole_number(request.document, "now", "", true, 0, max_unix_seconds);
    auto player = request.check.text(request.document, "player", "", true, 128);
    auto paused = request.check.boolean(request.document, "paused", "", false);
    if (!request.check.errors.empty()) return invalid_request(request);
    const PlayerStatus status =
        player_status(*campaign, host_counters(), *now, *player, paused.value_or(false));
    const PlayerAllowance& allowance = status.allowance;
    json out = {
        {"clock", clock_object(status.clock)},
        {"day", format_date(status.clock.day)},
        {"draws_today", status.draws_today},
        {"draws_left_today", allowance.draws_left_today},
        {"draws_total", status.draws_total},
        {"draws_left_in_campaign", optional_count(allowance.draws_left_in_campaign)},
        {"pity", nullptr},
    };
    if (campaign->pity) {
        out["pity"] = {{"after", campaign->pity->after},
                       {"streak", status.pity_streak},
                       {"draws_until_guaranteed", *allowance.draws_until_guaranteed}};
    }
    return reply(BB_OK, dump_json(out));
}
