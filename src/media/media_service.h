// MediaService: takes an uploaded image, checks it by its content, stores its sizes under
// content-hash names in the media folder and records it in the library.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "media/media.h"

namespace gazette::media {

class MediaService {
 public:
  static constexpr std::size_t kMaxUploadBytes = 10 << 20;

  // REQUIRES: `repo` and `clock` outlive the service. `dir` is created when missing.
  MediaService(MediaRepository& repo, std::string dir, const Clock& clock)
      : repo_(repo), dir_(std::move(dir)), clock_(clock) {}

  // Stores the image with its sizes and crops (or returns the stored one with the same bytes). kTooLarge over
  // kMaxUploadBytes; kInvalidArgument (field "file") when it is not a JPEG, PNG, WebP or GIF
  // image, whatever its name says, or cannot be decoded; kUnavailable when files cannot be written.
  Result<MediaItem> Upload(std::string_view bytes, std::string alt, std::int64_t user);
  Result<std::vector<MediaItem>> List() const { return repo_.List(); }
  Result<MediaItem> Find(std::int64_t id) const { return repo_.FindById(id); }
  // Makes the crops (media/crop.h) of an image stored before crops existed, from its largest
  // stored file, and records them; an image that has them is returned as it is. kNotFound for no
  // such image; kUnavailable when its file cannot be read or the crops cannot be written;
  // kInvalidArgument when the stored file does not decode.
  Result<MediaItem> AddCrops(std::int64_t id);

  // The path of a stored file for /media/<name>, or nullopt for a name that is not ours.
  std::optional<std::string> PathFor(std::string_view name) const;
  // Rewrites each <img> of article HTML that shows one of our files into a <picture> with all
  // its sizes (srcset). Other HTML is left as it is.
  std::string AddSizes(const std::string& html) const;

  const std::string& dir() const { return dir_; }

 private:
  MediaRepository& repo_;
  std::string dir_;
  const Clock& clock_;
};

}  // namespace gazette::media
