// MediaStore: each image's files are kept as lines "WIDTH FILE MIME" in one column, its crops as
// lines "RATIO WIDTH HEIGHT FILE MIME" in another.
#include "storage/sqlite/media_store.h"

#include <sstream>

namespace gazette::storage::sqlite {

using media::MediaItem;

namespace {

constexpr const char* kColumns =
    "SELECT id, hash, mime, width, height, bytes, variants, alt, coalesce(uploaded_by, 0), created_at, crops "
    "FROM media ";

std::string EncodeVariants(const std::vector<media::Variant>& variants) {
  std::string out;
  for (const auto& v : variants) out += std::to_string(v.width) + " " + v.file + " " + v.mime + "\n";
  return out;
}

std::vector<media::Variant> DecodeVariants(const std::string& s) {
  std::vector<media::Variant> out;
  std::istringstream in(s);
  media::Variant v;
  while (in >> v.width >> v.file >> v.mime) out.push_back(v);
  return out;
}

std::string EncodeCrops(const std::vector<media::Crop>& crops) {
  std::string out;
  for (const auto& c : crops)
    out +=
        c.ratio + " " + std::to_string(c.width) + " " + std::to_string(c.height) + " " + c.file + " " + c.mime + "\n";
  return out;
}

std::vector<media::Crop> DecodeCrops(const std::string& s) {
  std::vector<media::Crop> out;
  std::istringstream in(s);
  media::Crop c;
  while (in >> c.ratio >> c.width >> c.height >> c.file >> c.mime) out.push_back(c);
  return out;
}

MediaItem ReadMedia(const Statement& st) {
  MediaItem m;
  m.id = st.Int(0);
  m.hash = st.Text(1);
  m.mime = st.Text(2);
  m.width = static_cast<int>(st.Int(3));
  m.height = static_cast<int>(st.Int(4));
  m.bytes = st.Int(5);
  m.variants = DecodeVariants(st.Text(6));
  m.alt = st.Text(7);
  m.uploaded_by = st.Int(8);
  m.created_at = st.Int(9);
  m.crops = DecodeCrops(st.Text(10));
  return m;
}

}  // namespace

Result<MediaItem> MediaStore::Insert(const MediaItem& m) {
  auto st = db_.Prepare(
      "INSERT INTO media (hash, mime, width, height, bytes, variants, alt, uploaded_by, created_at, crops) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (hash) DO NOTHING");
  st.Bind(1, m.hash).Bind(2, m.mime).Bind(3, std::int64_t{m.width}).Bind(4, std::int64_t{m.height}).Bind(5, m.bytes);
  st.Bind(6, EncodeVariants(m.variants)).Bind(7, m.alt);
  if (m.uploaded_by)
    st.Bind(8, m.uploaded_by);
  else
    st.BindNull(8);
  st.Bind(9, m.created_at).Bind(10, EncodeCrops(m.crops));
  if (auto r = st.Run(); !r) return r.error();
  return FindByHash(m.hash);  // the row just stored, or the one an concurrent upload stored first
}

Result<MediaItem> MediaStore::FindByHash(std::string_view hash) const {
  auto st = db_.Prepare(std::string(kColumns) + "WHERE hash = ?1");
  st.Bind(1, hash);
  return st.One(ReadMedia, "No such image.");
}

Result<MediaItem> MediaStore::FindById(std::int64_t id) const {
  auto st = db_.Prepare(std::string(kColumns) + "WHERE id = ?1");
  st.Bind(1, id);
  return st.One(ReadMedia, "No such image.");
}

Result<std::vector<MediaItem>> MediaStore::List() const {
  auto st = db_.Prepare(std::string(kColumns) + "ORDER BY id DESC");
  return st.Collect(ReadMedia);
}

Status MediaStore::SetCrops(std::int64_t id, const std::vector<media::Crop>& crops) {
  // The media_crops_changed trigger (migration 14) logs the pages of the articles it features in.
  auto st = db_.Prepare("UPDATE media SET crops = ?2 WHERE id = ?1");
  st.Bind(1, id).Bind(2, EncodeCrops(crops));
  if (auto r = st.Run(); !r) return r;
  auto changes = db_.Prepare("SELECT changes()");  // rows of the UPDATE itself, not its trigger's
  auto row = changes.Step();
  if (!row) return row.error();
  if (!*row || changes.Int(0) == 0) return Error::NotFound("No such image.");
  return Status::Ok();
}

}  // namespace gazette::storage::sqlite
