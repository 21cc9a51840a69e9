// Newsroom: the accounts, editorial and media services and the article desk (the newsroom's
// use cases, each in one transaction) built over an open Site, for the admin, the Admin API and
// the `user` / `token` commands.
#pragma once

#include <string>

#include "accounts/account_service.h"
#include "app/site.h"
#include "content/editorial_service.h"
#include "media/media_service.h"
#include "newsroom/article_desk.h"
#include "storage/sqlite/account_store.h"
#include "storage/sqlite/editorial_store.h"
#include "storage/sqlite/unit_of_work.h"

namespace gazette::app {

class Newsroom {
 public:
  // REQUIRES: `site` outlives the Newsroom. Uploaded images live in the folder beside the
  // database named after it: site.db -> site-media/.
  explicit Newsroom(Site& site);

  accounts::AccountService& accounts() { return accounts_; }
  content::EditorialService& editorial() { return editorial_; }
  media::MediaService& media() { return media_; }
  newsroom::ArticleDesk& desk() { return desk_; }

  static std::string MediaDirFor(const std::string& db_path);

 private:
  storage::sqlite::UserStore users_;
  storage::sqlite::SessionStore sessions_;
  storage::sqlite::ApiTokenStore tokens_;
  storage::sqlite::EditorialStore editorial_store_;
  accounts::AccountService accounts_;
  content::EditorialService editorial_;
  media::MediaService media_;
  storage::sqlite::SqliteUnitOfWork unit_;
  newsroom::ArticleDesk desk_;
};

}  // namespace gazette::app
