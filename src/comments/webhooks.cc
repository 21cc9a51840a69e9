// Webhook payloads and signatures.
#include "comments/webhooks.h"

#include <sodium.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace gazette::comments {

std::string WebhookPayload(const OutboxEvent& event, const Comment& c, const std::string& comment_url) {
  nlohmann::json j = {
      {"event", event.event},
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
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string("sha256=") + hex;
}

std::int64_t WebhookBackoffMs(int attempts) {
  return std::min<std::int64_t>(600000, 1000LL << std::clamp(attempts - 1, 0, 20));
}

}  // namespace gazette::comments
