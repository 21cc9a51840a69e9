// Static manifest: reading, writing and comparing the list of exported files.
#include "exports/static_manifest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>

namespace gazette::exports {
namespace {

bool Contained(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view seg = std::string_view(path).substr(start, end - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

std::vector<std::string> RemovedFiles(const std::set<std::string>& before, const std::set<std::string>& after) {
  std::vector<std::string> gone;
  std::set_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(gone));
  return gone;
}

std::string ManifestJson(const std::set<std::string>& files) {
  nlohmann::json j = {{"format", 1}, {"files", nlohmann::json::array()}};
  for (const auto& f : files) j["files"].push_back(f);
  return j.dump(1) + "\n";
}

Result<std::set<std::string>> ParseManifest(std::string_view json) {
  try {
    const auto j = nlohmann::json::parse(json);
    if (!j.is_object() || j.value("format", 0) != 1 || !j.contains("files") || !j["files"].is_array())
      return Error::Invalid("Not a Gazette export manifest");
    std::set<std::string> files;
    for (const auto& f : j["files"]) {
      if (!f.is_string() || !Contained(f.get<std::string>()))
        return Error::Invalid("The export manifest names a path outside the folder");
      files.insert(f.get<std::string>());
    }
    return files;
  } catch (const nlohmann::json::exception&) {
    return Error::Invalid("The export manifest is not valid JSON");
  }
}

}  // namespace gazette::exports
