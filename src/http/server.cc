// Server: Beast sessions on a shared io_context, one thread per core. Every read has a deadline
// and every request a size limit, because Beast sets none by default.
#include "http/server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "http/form.h"

namespace gazette::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

bool ParseTarget(std::string_view target, Request& req) {
  auto url = boost::urls::parse_origin_form(boost::urls::string_view(target.data(), target.size()));
  if (!url) return false;
  req.path = url->path();  // decoded
  if (url->has_query()) {
    auto q = ParseFormEncoded(std::string_view(url->encoded_query().data(), url->encoded_query().size()));
    if (!q) return false;
    req.query = std::move(*q);
  }
  return true;
}

namespace {

// Holds one of the server's connection slots while it lives.
class ConnectionSlot {
 public:
  explicit ConnectionSlot(std::atomic<int>& open) : open_(open) { ++open_; }
  ~ConnectionSlot() { --open_; }
  ConnectionSlot(const ConnectionSlot&) = delete;
  ConnectionSlot& operator=(const ConnectionSlot&) = delete;

 private:
  std::atomic<int>& open_;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const ServerOptions& options, const Handler& handler, const Observer& observer,
          std::atomic<int>& open)
      : stream_(std::move(socket)), options_(options), handler_(handler), observer_(observer), slot_(open) {}

  void Start() {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ip_ = ep.address().to_string();
    ReadRequest(true);
  }

 private:
  void ReadRequest(bool first) {
    if (!first && buffer_.size() == 0) return AwaitNextRequest();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
    parser_->body_limit(options_.max_body_bytes);
    // Once a request has begun, all of it must arrive within the read timeout.
    stream_.expires_after(std::chrono::seconds(options_.read_timeout_seconds));
    if (options_.upload_paths.empty())
      return bhttp::async_read(stream_, buffer_, *parser_,
                               beast::bind_front_handler(&Session::OnRead, shared_from_this()));
    // Beast checks Content-Length against the limit as the head completes, so the head is read
    // under the upload limit and the ordinary limit is applied here once the path is known.
    parser_->body_limit(std::max(options_.max_body_bytes, options_.max_upload_bytes));
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t n) {
    if (ec) return OnRead(ec, n);
    const std::string_view target = parser_->get().target();
    const std::string_view path = target.substr(0, target.find('?'));
    bool upload = false;
    for (const auto& p : options_.upload_paths) upload |= path == p;
    if (!upload) {
      if (parser_->content_length().value_or(0) > options_.max_body_bytes)
        return SendError(413, "The request body is too large.\n");
      parser_->body_limit(options_.max_body_bytes);  // for chunked bodies
    }
    bhttp::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  // Between keep-alive requests the client may stay silent for the idle timeout; its first bytes
  // start the (shorter) read timeout for the rest of the request.
  void AwaitNextRequest() {
    stream_.expires_after(std::chrono::seconds(options_.idle_timeout_seconds));
    auto self = shared_from_this();
    stream_.async_read_some(buffer_.prepare(4096), [self](beast::error_code ec, std::size_t n) {
      if (ec) return self->Close();
      self->buffer_.commit(n);
      self->ReadRequest(true);
    });
  }

  void OnRead(beast::error_code ec, std::size_t) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::connection_reset ||
        ec == asio::error::eof || ec == asio::error::operation_aborted)
      return Close();
    if (ec == bhttp::error::body_limit) return SendError(413, "The request body is too large.\n");
    if (ec == bhttp::error::header_limit) return SendError(431, "The request headers are too large.\n");
    if (ec) return SendError(400, "Malformed HTTP request.\n");
    Handle(parser_->release());
  }

  void Handle(bhttp::request<bhttp::string_body> raw) {
    Request req;
    req.method = std::string(raw.method_string());
    req.target = std::string(raw.target());
    req.remote_ip = remote_ip_;
    if (!ParseTarget(req.target, req)) return SendError(400, "Malformed request target.\n");
    for (const auto& field : raw) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    req.body = std::move(raw.body());
    const bool head = raw.method() == bhttp::verb::head;
    const std::string original_method = req.method;
    if (head) req.method = "GET";
    req.head = head;
    req.keep_alive = raw.keep_alive();
    req.version = raw.version();

    Response res;
    const auto started = std::chrono::steady_clock::now();
    try {
      res = handler_(req);
    } catch (const std::exception& e) {
      spdlog::error("{} {} failed: {}", req.method, req.target, e.what());
      res = Response::Text(500, "Internal server error.\n");
    }
    spdlog::debug(
        "{} {} {} {}us", req.method, req.target, res.status,
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count());
    if (observer_) observer_(req, original_method, res, head ? 0 : res.BodySize());
    Write(std::move(res), raw.version(), raw.keep_alive(), head);
  }

  // The body is held by a shared pointer and sent from where it lies: a cached page's bytes are
  // never copied per response.
  using Message = bhttp::response<bhttp::span_body<const char>>;
  struct Outgoing {
    std::shared_ptr<const std::string> body;
    Message msg;
  };

  void Write(Response res, unsigned version, bool keep_alive, bool head) {
    if (res.raw_head && res.shared_body && version == 11 && keep_alive && !head) return WriteRaw(std::move(res));
    auto out = std::make_shared<Outgoing>();
    out->body = res.shared_body ? std::move(res.shared_body) : std::make_shared<const std::string>(std::move(res.body));
    Message& msg = out->msg;
    msg.result(static_cast<bhttp::status>(res.status));
    msg.version(version);
    msg.set(bhttp::field::server, "Gazette");
    if (res.status != 304) msg.set(bhttp::field::content_type, res.content_type);
    for (auto& [name, value] : res.headers) msg.insert(name, value);
    msg.keep_alive(keep_alive);
    // 304 and 204 carry no body and no Content-Length; HEAD states the length it would have sent.
    if (res.status != 304 && res.status != 204) msg.content_length(out->body->size());
    if (!head && res.status != 304 && res.status != 204) msg.body() = {out->body->data(), out->body->size()};
    stream_.expires_after(std::chrono::seconds(options_.read_timeout_seconds));
    auto self = shared_from_this();
    bhttp::async_write(stream_, msg, [self, out, keep_alive](beast::error_code ec, std::size_t) {
      if (ec || !keep_alive) return self->Close();
      self->ReadRequest(false);
    });
  }

  // A response whose head was serialised in advance: two buffers, no per-response formatting.
  void WriteRaw(Response res) {
    auto head = std::move(res.raw_head);
    auto body = std::move(res.shared_body);
    const std::array<asio::const_buffer, 2> buffers = {asio::buffer(*head), asio::buffer(*body)};
    stream_.expires_after(std::chrono::seconds(options_.read_timeout_seconds));
    auto self = shared_from_this();
    asio::async_write(stream_, buffers, [self, head, body](beast::error_code ec, std::size_t) {
      if (ec) return self->Close();
      self->ReadRequest(false);
    });
  }

  void SendError(int status, std::string message) {
    Response res = Response::Text(status, std::move(message));
    Write(std::move(res), 11, false, false);
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  const ServerOptions& options_;
  const Handler& handler_;
  const Observer& observer_;
  ConnectionSlot slot_;
  std::string remote_ip_;
};

}  // namespace

// One io_context per thread, as nginx runs one event loop per worker: a connection lives on one
// thread from accept to close, so no strand or scheduler lock is shared between threads. The
// acceptor runs on the first loop and hands each new connection to the next loop in turn.
struct Server::Impl {
  Impl(ServerOptions o, Handler h, Observer ob)
      : options(std::move(o)), handler(std::move(h)), observer(std::move(ob)) {
    const int threads =
        options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int i = 0; i < threads; ++i) loops.push_back(std::make_unique<asio::io_context>(1));
    acceptor = std::make_unique<tcp::acceptor>(*loops[0]);
    signals = std::make_unique<asio::signal_set>(*loops[0]);
  }

  void Accept() {
    asio::io_context& loop = *loops[next_loop++ % loops.size()];
    acceptor->async_accept(loop, [this, &loop](beast::error_code ec, tcp::socket socket) {
      if (!ec) {
        if (open_connections.load() >= options.max_connections) {
          // Over the limit: close at once rather than let one more client hold memory and a slot.
          socket.close(ec);
        } else {
          socket.set_option(tcp::no_delay(true), ec);
          auto session = std::make_shared<Session>(std::move(socket), options, handler, observer, open_connections);
          asio::post(loop, [session] { session->Start(); });
        }
      }
      if (acceptor->is_open()) Accept();
    });
  }

  ServerOptions options;
  Handler handler;
  Observer observer;
  std::atomic<int> open_connections{0};
  std::vector<std::unique_ptr<asio::io_context>> loops;
  std::size_t next_loop = 0;  // only touched on the acceptor's loop
  std::unique_ptr<tcp::acceptor> acceptor;
  std::unique_ptr<asio::signal_set> signals;
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Bind(const ServerOptions& options, Handler handler, Observer observer) {
  auto impl = std::make_unique<Impl>(options, std::move(handler), std::move(observer));
  beast::error_code ec;
  const auto address = asio::ip::make_address(options.address, ec);
  if (ec) return Error::Invalid("Not an IP address: " + options.address);
  const tcp::endpoint endpoint(address, options.port);
  tcp::acceptor& acceptor = *impl->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    return Error::Unavailable("Cannot listen on " + options.address + ":" + std::to_string(options.port) + ": " +
                              ec.message());
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

std::uint16_t Server::port() const { return impl_->acceptor->local_endpoint().port(); }

void Server::Run() {
  impl_->signals->add(SIGINT);
  impl_->signals->add(SIGTERM);
  impl_->signals->async_wait([this](beast::error_code, int) { Stop(); });
  impl_->Accept();
  // Keep every loop running while it has no connection yet.
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  for (auto& loop : impl_->loops) guards.push_back(asio::make_work_guard(*loop));
  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < impl_->loops.size(); ++i) pool.emplace_back([this, i] { impl_->loops[i]->run(); });
  impl_->loops[0]->run();
  for (auto& t : pool) t.join();
}

void Server::Stop() {
  asio::post(*impl_->loops[0], [this] {
    beast::error_code ec;
    impl_->acceptor->close(ec);
    for (auto& loop : impl_->loops) loop->stop();
  });
}

}  // namespace gazette::http
