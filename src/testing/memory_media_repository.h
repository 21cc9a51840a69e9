// MemoryMediaRepository: media::MediaRepository in memory (storage/sqlite/media_store.cc).
#pragma once

#include "media/media.h"
#include "testing/memory_database.h"

namespace gazette::testing {

// Thread-safe. REQUIRES: `db` outlives the repository. As in SQLite, inserting an image whose
// hash is already stored returns the stored one, and uploaded_by (unless 0) must be a user.
class MemoryMediaRepository final : public media::MediaRepository {
 public:
  explicit MemoryMediaRepository(MemoryDatabase& db) : db_(db) {}

  Result<media::MediaItem> Insert(const media::MediaItem& item) override;
  Result<media::MediaItem> FindByHash(std::string_view hash) const override;
  Result<media::MediaItem> FindById(std::int64_t id) const override;
  Result<std::vector<media::MediaItem>> List() const override;
  Status SetCrops(std::int64_t id, const std::vector<media::Crop>& crops) override;

 private:
  MemoryDatabase& db_;
};

}  // namespace gazette::testing
