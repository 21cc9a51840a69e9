// NewsroomServer: what `gazette serve` adds for the newsroom: the admin (/admin), the Admin API
// (/api/admin), the media files (/media/), and the scheduler that publishes scheduled articles
// on time (it looks every second, and at start-up, so articles due during a restart go live at
// once). Its routes are in app/server.cc's table.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "accounts/login_throttle.h"
#include "admin/admin_site.h"
#include "admin/api.h"
#include "app/newsroom.h"
#include "app/site.h"
#include "http/message.h"

namespace gazette::app {

class NewsroomServer {
 public:
  // Loads the admin theme (themes/admin) and starts the scheduler (unless !scheduler). kUnavailable
  // if the theme is missing. REQUIRES: `site` outlives the server.
  static Result<std::unique_ptr<NewsroomServer>> Start(Site& site, content::LiveSettings& live,
                                                       bool scheduler = true);
  ~NewsroomServer();

  // Thread-safe.
  http::Response Admin(const http::Request& req) const { return admin_->Handle(req); }
  http::Response Api(const http::Request& req) const { return api_->Handle(req); }
  http::Response MediaFile(const http::Request& req);
  // The paths that take image uploads (bodies up to 12 MiB).
  static std::vector<std::string> UploadPaths() { return {"/admin/media/upload", "/api/admin/media"}; }

 private:
  explicit NewsroomServer(Site& site) : site_(site), newsroom_(site) {}
  void RunScheduler();

  Site& site_;
  Newsroom newsroom_;
  accounts::LoginThrottle throttle_;
  std::unique_ptr<admin::AdminViews> views_;
  std::unique_ptr<admin::AdminSite> admin_;
  std::unique_ptr<admin::AdminApi> api_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread scheduler_;
};

}  // namespace gazette::app
