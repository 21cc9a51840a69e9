// WebhookClient on blocking sockets with SO_SNDTIMEO/SO_RCVTIMEO: the worker thread sends one
// request at a time, so an event loop would buy nothing here.
#include "http/webhook_client.h"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <memory>

#include "common/numbers.h"

namespace gazette::http {
namespace {

struct Target {
  std::string host, port = "80", path = "/";
};

std::optional<Target> ParseHttpUrl(std::string_view url) {
  if (!url.starts_with("http://")) return std::nullopt;
  url.remove_prefix(7);
  Target t;
  const std::size_t slash = url.find('/');
  std::string_view authority = url.substr(0, slash);
  if (slash != std::string_view::npos) t.path = std::string(url.substr(slash));
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    t.host = std::string(authority.substr(1, close - 1));
    if (close + 1 < authority.size() && authority[close + 1] == ':') t.port = std::string(authority.substr(close + 2));
  } else {
    const std::size_t colon = authority.rfind(':');
    t.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) t.port = std::string(authority.substr(colon + 1));
  }
  if (t.host.empty() || t.port.empty()) return std::nullopt;
  return t;
}

}  // namespace

Status WebhookClient::Post(const std::string& url, const std::string& body,
                           const std::vector<std::pair<std::string, std::string>>& headers) {
  auto target = ParseHttpUrl(url);
  if (!target) return Error::Invalid("not an http:// URL");
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(target->host.c_str(), target->port.c_str(), &hints, &found) != 0 || !found)
    return Error::Unavailable("cannot resolve " + target->host);
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> addrs(found, freeaddrinfo);
  int fd = -1;
  timeval tv{timeout_ms_ / 1000, (timeout_ms_ % 1000) * 1000};
  for (addrinfo* a = found; a; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) break;
    ::close(fd);
    fd = -1;
  }
  if (fd < 0) return Error::Unavailable("cannot connect to " + target->host + ":" + target->port);
  std::unique_ptr<int, void (*)(int*)> guard(&fd, [](int* f) { ::close(*f); });
  std::string req = "POST " + target->path + " HTTP/1.1\r\nHost: " + target->host + ":" + target->port +
                    "\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  for (const auto& [name, value] : headers) req += name + ": " + value + "\r\n";
  req += "\r\n" + body;
  for (std::size_t sent = 0; sent < req.size();) {
    const ssize_t n = ::send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return Error::Unavailable("sending to " + url + " failed or timed out");
    sent += static_cast<std::size_t>(n);
  }
  std::string head;
  char buf[1024];
  while (head.find("\r\n") == std::string::npos && head.size() < 8192) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return Error::Unavailable("no answer from " + url);
    head.append(buf, static_cast<std::size_t>(n));
  }
  // "HTTP/1.1 204 No Content"
  int status = 0;
  const std::size_t sp = head.find(' ');
  if (sp != std::string::npos) status = ParseInteger<int>(std::string_view(head).substr(sp + 1, 3)).value_or(0);
  if (status < 200 || status > 299) return Error::Unavailable(url + " answered " + std::to_string(status));
  return Status::Ok();
}

}  // namespace gazette::http
