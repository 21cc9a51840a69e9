// MemoryMediaRepository: one map by id; the hash is unique, so a second upload finds the first.
#include "testing/memory_media_repository.h"

namespace gazette::testing {

using media::MediaItem;

namespace {

const MediaItem* ByHash(const Tables& t, std::string_view hash) {
  for (const auto& [id, item] : t.media)
    if (item.hash == hash) return &item;
  return nullptr;
}

Error NoSuchImage() { return Error::NotFound("No such image."); }

}  // namespace

Result<MediaItem> MemoryMediaRepository::Insert(const MediaItem& m) {
  return db_.With([&](Tables& t) -> Result<MediaItem> {
    if (const MediaItem* existing = ByHash(t, m.hash)) return *existing;
    if (m.uploaded_by && !t.HasUser(m.uploaded_by)) return ForeignKeyFailed();
    MediaItem stored = m;
    stored.id = NextId(t.media);
    t.media[stored.id] = stored;
    return stored;
  });
}

Result<MediaItem> MemoryMediaRepository::FindByHash(std::string_view hash) const {
  return db_.With([&](const Tables& t) -> Result<MediaItem> {
    const MediaItem* item = ByHash(t, hash);
    if (!item) return NoSuchImage();
    return *item;
  });
}

Result<MediaItem> MemoryMediaRepository::FindById(std::int64_t id) const {
  return db_.With([&](const Tables& t) -> Result<MediaItem> {
    auto it = t.media.find(id);
    if (it == t.media.end()) return NoSuchImage();
    return it->second;
  });
}

Result<std::vector<MediaItem>> MemoryMediaRepository::List() const {
  return db_.With([](const Tables& t) -> Result<std::vector<MediaItem>> {
    std::vector<MediaItem> out;
    for (auto it = t.media.rbegin(); it != t.media.rend(); ++it) out.push_back(it->second);
    return out;
  });
}

Status MemoryMediaRepository::SetCrops(std::int64_t id, const std::vector<media::Crop>& crops) {
  return db_.With([&](Tables& t) -> Status {
    auto it = t.media.find(id);
    if (it == t.media.end()) return NoSuchImage();
    it->second.crops = crops;
    return Status::Ok();
  });
}

}  // namespace gazette::testing
