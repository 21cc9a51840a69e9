// LiveSettings: the site's settings as a running server uses them. The server reloads them when
// they change (the change log says so, whichever process changed them), so an administrator's
// new title, URL or permalink pattern takes effect without a restart. Each request takes one
// snapshot, so a page is rendered with one consistent set of settings.
#pragma once

#include <memory>
#include <mutex>

#include "common/result.h"
#include "content/permalink.h"
#include "content/site_settings.h"

namespace gazette::content {

struct SiteView {
  SiteSettings settings;
  Permalink permalink;
};

class LiveSettings {
 public:
  // Reads the settings. kInvalidArgument if the stored permalink pattern does not parse.
  // REQUIRES: `repo` outlives the object.
  static Result<std::unique_ptr<LiveSettings>> Load(const SettingsRepository& repo);

  // Thread-safe; the snapshot stays valid for as long as it is held.
  std::shared_ptr<const SiteView> Current() const;
  // Reads the settings again. On an error the current view is kept and the error returned.
  Status Reload();

 private:
  LiveSettings(const SettingsRepository& repo, std::shared_ptr<const SiteView> view)
      : repo_(repo), view_(std::move(view)) {}

  const SettingsRepository& repo_;
  mutable std::mutex mutex_;
  std::shared_ptr<const SiteView> view_;
};

}  // namespace gazette::content
