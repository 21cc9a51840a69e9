// Newsroom wiring.
#include "app/newsroom.h"

#include <filesystem>

namespace gazette::app {

Newsroom::Newsroom(Site& site)
    : users_(site.db()),
      sessions_(site.db()),
      tokens_(site.db()),
      editorial_store_(site.db()),
      accounts_(users_, sessions_, tokens_, site.clock()),
      editorial_(site.articles(), site.article_store(), editorial_store_, site.clock()),
      media_(site.media_store(), MediaDirFor(site.db().path()), site.clock()),
      unit_(site.db()),
      desk_(editorial_, site.comment_store(), site.media_store(), unit_) {
  // Images of our media library in an article get all their sizes (srcset) when it is saved.
  editorial_.SetHtmlFilter([this](const std::string& html) { return media_.AddSizes(html); });
}

std::string Newsroom::MediaDirFor(const std::string& db_path) {
  std::filesystem::path p(db_path);
  return p.replace_filename(p.stem().string() + "-media").string();
}

}  // namespace gazette::app
