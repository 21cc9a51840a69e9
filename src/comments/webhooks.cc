// Webhook payloads and signatures.
#include "comments/webhooks.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>

#include "common/sodium.h"

namespace gazette::comments {

std::string WebhookPayload(const OutboxEvent& event, const Comment& c, const std::string& comment_url) {
  nlohmann::json j = {{"event", event.event},
                      {"delivery", event.id},
                      {"comment",
                       {{"id", c.id},
                        {"article_id", c.article_id},
                        {"parent_id", c.parent_id ? nlohmann::json(*c.parent_id) : nlohmann::json(nullptr)},
                        {"name", c.name},
                        {"website", c.website},
                        {"body", c.body},
                        {"status", ToString(c.status)},
                        {"moderation_reason", c.moderation_reason},
                        {"created_at", FormatIso8601(c.created_at)},
                        {"url", comment_url}}}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string WebhookSignature(const std::string& secret, const std::string& body) {
  EnsureSodium();
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return "sha256=" + ToHex(mac, sizeof mac);
}

std::int64_t WebhookBackoffMs(int attempts) {
  return std::min<std::int64_t>(600000, 1000LL << std::clamp(attempts - 1, 0, 20));
}

}  // namespace gazette::comments
