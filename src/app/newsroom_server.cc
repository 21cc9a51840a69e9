// NewsroomServer wiring.
#include "app/newsroom_server.h"

#include <spdlog/spdlog.h>

#include "admin/media_files.h"

namespace gazette::app {

Result<std::unique_ptr<NewsroomServer>> NewsroomServer::Start(Site& site, content::LiveSettings& live,
                                                              bool scheduler) {
  std::unique_ptr<NewsroomServer> s(new NewsroomServer(site));
  const std::string theme = FindResource("themes/admin");
  auto views = admin::AdminViews::Load(theme);
  if (!views) return views.error();
  s->views_ = std::move(*views);
  auto secret = site.Secret();
  if (!secret) return secret.error();
  s->admin_ = std::make_unique<admin::AdminSite>(
      admin::AdminDeps{live, s->newsroom_.accounts(), s->throttle_, site.articles(), s->newsroom_.editorial(),
                       s->newsroom_.desk(), site.comments(), s->newsroom_.media(), site.settings_store(), site.clock(),
                       *s->views_, *secret, theme + "/static"});
  s->api_ = std::make_unique<admin::AdminApi>(admin::ApiDeps{live, s->newsroom_.accounts(), site.articles(),
                                                             s->newsroom_.editorial(), s->newsroom_.desk(),
                                                             site.comments(), s->newsroom_.media(), site.clock()});
  if (scheduler) s->scheduler_ = std::thread([p = s.get()] { p->RunScheduler(); });
  return s;
}

NewsroomServer::~NewsroomServer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (scheduler_.joinable()) scheduler_.join();
}

http::Response NewsroomServer::MediaFile(const http::Request& req) { return admin::MediaFile(newsroom_.media(), req); }

void NewsroomServer::RunScheduler() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    auto n = newsroom_.editorial().PublishDue();
    if (!n)
      spdlog::error("publishing scheduled articles: {}", n.error().message);
    else if (*n)
      spdlog::info("published {} scheduled article(s)", *n);
    lock.lock();
    wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; });
  }
}

}  // namespace gazette::app
