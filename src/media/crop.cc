// Crop geometry: whole multiples of the ratio, so that 16:9 is exactly 16:9 at every size.
#include "media/crop.h"

#include <algorithm>

namespace gazette::media {

CropSize CropSizeFor(int width, int height, AspectRatio ratio, int target_width) {
  if (width <= 0 || height <= 0 || ratio.across <= 0 || ratio.down <= 0) return {};
  // The largest number of ratio units that fit both ways, then no more than the target asks for.
  int units = std::min(width / ratio.across, height / ratio.down);
  units = std::min(units, std::max(target_width / ratio.across, 1));
  return units == 0 ? CropSize{} : CropSize{units * ratio.across, units * ratio.down};
}

const AspectRatio* FindCropRatio(std::string_view name) {
  for (const auto& r : kCropRatios)
    if (r.name == name) return &r;
  return nullptr;
}

}  // namespace gazette::media
