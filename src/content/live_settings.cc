// LiveSettings: a snapshot behind a mutex; readers copy the pointer, never the settings.
#include "content/live_settings.h"

namespace gazette::content {

namespace {

Result<std::shared_ptr<const SiteView>> Read(const SettingsRepository& repo) {
  auto settings = LoadSiteSettings(repo);
  if (!settings) return settings.error();
  auto permalink = Permalink::Parse(settings->permalink);
  if (!permalink) return Error::Invalid("Bad permalink setting: " + permalink.error().message, "permalink");
  return std::make_shared<const SiteView>(SiteView{std::move(*settings), std::move(*permalink)});
}

}  // namespace

Result<std::unique_ptr<LiveSettings>> LiveSettings::Load(const SettingsRepository& repo) {
  auto view = Read(repo);
  if (!view) return view.error();
  return std::unique_ptr<LiveSettings>(new LiveSettings(repo, std::move(*view)));
}

std::shared_ptr<const SiteView> LiveSettings::Current() const {
  std::lock_guard lock(mutex_);
  return view_;
}

Status LiveSettings::Reload() {
  auto view = Read(repo_);
  if (!view) return view.error();
  std::lock_guard lock(mutex_);
  view_ = std::move(*view);
  return Status::Ok();
}

}  // namespace gazette::content
