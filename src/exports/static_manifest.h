// Static manifest: the list of files a static export wrote, kept in the export folder so that the
// next run can remove the files of addresses that no longer exist (an unpublished article).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "common/result.h"

namespace gazette::exports {

// The manifest's file name inside the export folder.
inline constexpr const char* kManifestName = ".gazette-export.json";

// The relative paths in `before` that are not in `after`: what a new run must delete.
std::vector<std::string> RemovedFiles(const std::set<std::string>& before, const std::set<std::string>& after);

// The manifest as JSON text: {"format":1,"files":[...]} with the paths sorted.
std::string ManifestJson(const std::set<std::string>& files);
// The paths of a manifest's JSON text. kInvalidArgument if it is not a manifest, or names a
// path that is absolute or climbs out of the folder ("..") — those are never deleted.
Result<std::set<std::string>> ParseManifest(std::string_view json);

}  // namespace gazette::exports
