// Related settings as text values, parsed leniently on read and strictly on write.
#include "related/related_settings.h"

#include <cstdlib>
#include <string>

#include "common/numbers.h"

namespace gazette::related {

Result<RelatedSettings> LoadRelatedSettings(const content::SettingsRepository& repo) {
  RelatedSettings s;
  auto k = repo.Get("related.top_k");
  if (!k) return k.error();
  if (*k) {
    const int v = ParseInteger<int>(**k).value_or(0);
    if (v >= 1 && v <= RelatedSettings::kMaxTopK) s.top_k = v;
  }
  auto d = repo.Get("related.near_duplicate");
  if (!d) return d.error();
  if (*d) {
    char* end = nullptr;
    const double v = std::strtod((*d)->c_str(), &end);
    if (end && *end == '\0' && v > 0 && v <= 1) s.near_duplicate = v;
  }
  return s;
}

Status SaveRelatedSettings(content::SettingsRepository& repo, const RelatedSettings& s) {
  if (s.top_k < 1 || s.top_k > RelatedSettings::kMaxTopK)
    return Error::Invalid("top k is between 1 and " + std::to_string(RelatedSettings::kMaxTopK) + ".", "top_k");
  if (!(s.near_duplicate > 0 && s.near_duplicate <= 1))
    return Error::Invalid("The near-duplicate threshold is above 0 and at most 1.", "near_duplicate");
  if (auto st = repo.Set("related.top_k", std::to_string(s.top_k)); !st) return st;
  char buf[32];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, s.near_duplicate);
  return repo.Set("related.near_duplicate", std::string(buf, p));
}

}  // namespace gazette::related
