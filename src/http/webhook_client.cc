// WebhookClient: Boost.Beast over a plain or TLS stream (OpenSSL, verifying the certificate and
// the host name against the system's trust store), run on a private io_context so that the
// worker thread sends one request at a time; every step shares one deadline.
#include "http/webhook_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>

#include <chrono>
#include <memory>

namespace gazette::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

struct Target {
  bool tls = false;
  std::string host, port, path;
};

std::optional<Target> ParseUrl(const std::string& url) {
  auto u = boost::urls::parse_absolute_uri(url);
  if (!u || !u->has_authority()) return std::nullopt;
  Target t;
  if (u->scheme() == "https")
    t.tls = true;
  else if (u->scheme() != "http")
    return std::nullopt;
  t.host = u->host_address();
  if (t.host.empty()) return std::nullopt;
  t.port = u->has_port() ? std::string(u->port()) : (t.tls ? "443" : "80");
  t.path = std::string(u->encoded_path());
  if (t.path.empty()) t.path = "/";
  if (u->has_query()) t.path += "?" + std::string(u->encoded_query());
  return t;
}

// Resolve, connect, (handshake), write, read: each step's failure ends the chain with its message.
template <class Stream>
class Exchange : public std::enable_shared_from_this<Exchange<Stream>> {
 public:
  Exchange(Stream& stream, tcp::resolver& resolver, bhttp::request<bhttp::string_body> req, const Target& target,
           Status& result)
      : stream_(stream), resolver_(resolver), req_(std::move(req)), target_(target), result_(result) {}

  void Start() {
    resolver_.async_resolve(target_.host, target_.port, [self = this->shared_from_this()](auto ec, auto results) {
      if (ec) return self->Fail("cannot resolve " + self->target_.host);
      beast::get_lowest_layer(self->stream_).async_connect(results, [self](beast::error_code ec, const tcp::endpoint&) {
        if (ec) return self->Fail("cannot connect to " + self->target_.host + ":" + self->target_.port);
        self->Handshake();
      });
    });
  }

 private:
  void Handshake() {
    if constexpr (std::is_same_v<Stream, beast::ssl_stream<beast::tcp_stream>>) {
      stream_.async_handshake(net::ssl::stream_base::client, [self = this->shared_from_this()](beast::error_code ec) {
        if (ec) return self->Fail("TLS with " + self->target_.host + " failed: " + ec.message());
        self->Write();
      });
    } else {
      Write();
    }
  }
  void Write() {
    bhttp::async_write(stream_, req_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->Fail("sending to " + self->target_.host + " failed or timed out");
      bhttp::async_read(self->stream_, self->buffer_, self->res_, [self](beast::error_code ec, std::size_t) {
        if (ec) return self->Fail("no answer from " + self->target_.host);
        const unsigned status = self->res_.result_int();
        self->result_ = status >= 200 && status <= 299
                            ? Status::Ok()
                            : Status(Error::Unavailable(self->target_.host + " answered " + std::to_string(status)));
      });
    });
  }
  void Fail(const std::string& message) { result_ = Error::Unavailable(message); }

  Stream& stream_;
  tcp::resolver& resolver_;
  bhttp::request<bhttp::string_body> req_;
  Target target_;
  Status& result_;
  beast::flat_buffer buffer_;
  bhttp::response<bhttp::string_body> res_;
};

}  // namespace

Status WebhookClient::Post(const std::string& url, const std::string& body,
                           const std::vector<std::pair<std::string, std::string>>& headers) {
  auto target = ParseUrl(url);
  if (!target) return Error::Invalid("not an http:// or https:// URL");
  bhttp::request<bhttp::string_body> req{bhttp::verb::post, target->path, 11};
  req.set(bhttp::field::host, target->host + ":" + target->port);
  req.set(bhttp::field::connection, "close");
  for (const auto& [name, value] : headers) req.set(name, value);
  req.body() = body;
  req.prepare_payload();

  const auto timeout = std::chrono::milliseconds(timeout_ms_);
  net::io_context ioc;
  tcp::resolver resolver(ioc);
  Status result = Error::Unavailable("no answer from " + target->host + " in time");
  if (target->tls) {
    net::ssl::context ctx(net::ssl::context::tls_client);
    ctx.set_default_verify_paths();
    ctx.set_verify_mode(net::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
    if (!SSL_set_tlsext_host_name(stream.native_handle(), target->host.c_str()))
      return Error::Unavailable("TLS setup for " + target->host + " failed");
    stream.set_verify_callback(net::ssl::host_name_verification(target->host));
    beast::get_lowest_layer(stream).expires_after(timeout);
    std::make_shared<Exchange<beast::ssl_stream<beast::tcp_stream>>>(stream, resolver, std::move(req), *target, result)
        ->Start();
    ioc.run_for(timeout * 2);  // the stream's deadline ends every step; this bounds the resolver too
  } else {
    beast::tcp_stream stream(ioc);
    stream.expires_after(timeout);
    std::make_shared<Exchange<beast::tcp_stream>>(stream, resolver, std::move(req), *target, result)->Start();
    ioc.run_for(timeout * 2);
  }
  return result;
}

}  // namespace gazette::http
