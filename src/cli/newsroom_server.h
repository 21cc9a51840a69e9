// NewsroomServer: what `gazette serve` adds for the newsroom: the admin at /admin, the Admin
// API at /api/admin, and the scheduler that publishes scheduled articles on time (it looks
// every second, and at start-up, so articles due during a restart go live at once).
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

namespace gazette::cli {

class NewsroomServer {
 public:
  // Loads the admin theme (themes/admin) and starts the scheduler. kUnavailable if the theme is
  // missing. REQUIRES: `site` outlives the server.
  static Result<std::unique_ptr<NewsroomServer>> Start(app::Site& site, content::LiveSettings& live);
  ~NewsroomServer();

  // True for the requests answered here; they must bypass the page cache.
  static bool Owns(const http::Request& req) {
    return admin::AdminSite::Owns(req.path) || admin::AdminApi::Owns(req.path) || req.path.starts_with("/media/");
  }
  http::Response Handle(const http::Request& req);  // thread-safe
  // The paths that take image uploads (bodies up to 12 MiB).
  static std::vector<std::string> UploadPaths() { return {"/admin/media/upload", "/api/admin/media"}; }

 private:
  NewsroomServer(app::Site& site) : site_(site), newsroom_(site) {}
  void RunScheduler();

  app::Site& site_;
  app::Newsroom newsroom_;
  accounts::LoginThrottle throttle_;
  std::unique_ptr<admin::AdminViews> views_;
  std::unique_ptr<admin::AdminSite> admin_;
  std::unique_ptr<admin::AdminApi> api_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread scheduler_;
};

}  // namespace gazette::cli
