// MediaStore: media::MediaRepository on SQLite (the media table of migration 4, crops from 13).
#pragma once

#include "media/media.h"
#include "storage/sqlite/database.h"

namespace gazette::storage::sqlite {

class MediaStore final : public media::MediaRepository {
 public:
  explicit MediaStore(Database& db) : db_(db) {}
  Result<media::MediaItem> Insert(const media::MediaItem& item) override;
  Result<media::MediaItem> FindByHash(std::string_view hash) const override;
  Result<media::MediaItem> FindById(std::int64_t id) const override;
  Result<std::vector<media::MediaItem>> List() const override;
  Status SetCrops(std::int64_t id, const std::vector<media::Crop>& crops) override;

 private:
  Database& db_;
};

}  // namespace gazette::storage::sqlite
