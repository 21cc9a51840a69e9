// MemoryStorage: one MemoryDatabase with a twin of every repository over it, the in-memory
// counterpart of the SQLite stores a site builds over one file. A test declares one and passes
// its members to the services it tests:
//
//   testing::MemoryStorage storage;
//   testing::FakeClock clock;
//   content::ArticleService articles(storage.articles, clock);
#pragma once

#include "testing/memory_account_repository.h"
#include "testing/memory_article_repository.h"
#include "testing/memory_comment_repository.h"
#include "testing/memory_database.h"
#include "testing/memory_editorial_repository.h"
#include "testing/memory_media_repository.h"
#include "testing/memory_redirect_repository.h"
#include "testing/memory_related_repository.h"
#include "testing/memory_settings_repository.h"
#include "testing/memory_unit_of_work.h"

namespace gazette::testing {

struct MemoryStorage {
  MemoryDatabase db;  // first: every twin below is built over it
  MemoryArticleRepository articles{db};
  MemoryEditorialRepository editorial{db};
  MemorySettingsRepository settings{db};
  MemoryCommentRepository comments{db};
  MemoryUserRepository users{db};
  MemorySessionRepository sessions{db};
  MemoryApiTokenRepository tokens{db};
  MemoryRelatedRepository related{db};
  MemoryMediaRepository media{db};
  MemoryRedirectRepository redirects{db};
  MemoryUnitOfWork unit{db};
};

}  // namespace gazette::testing
