// RelatedService: a full rebuild on every change for now; it takes a fraction of a second on
// the 2,225-article corpus (see the closing note of the foundation issue).
#include "related/related_service.h"

namespace gazette::related {

Status RelatedService::Rebuild() {
  std::lock_guard lock(rebuild_mutex_);
  auto texts = articles_.PublishedTexts();
  if (!texts) return texts.error();
  return related_.ReplaceAll(ComputeRelated(*texts, options_));
}

}  // namespace gazette::related
