// WebhookClient: comments::WebhookTransport over HTTP/1.1 and HTTPS (certificates verified), with
// timeouts, so a slow receiver cannot hold up the comment worker for long.
#pragma once

#include "comments/webhooks.h"

namespace gazette::http {

class WebhookClient final : public comments::WebhookTransport {
 public:
  explicit WebhookClient(int timeout_ms = 5000) : timeout_ms_(timeout_ms) {}
  Status Post(const std::string& url, const std::string& body,
              const std::vector<std::pair<std::string, std::string>>& headers) override;

 private:
  int timeout_ms_;
};

}  // namespace gazette::http
