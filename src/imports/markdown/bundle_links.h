// A page bundle's links to its own files (![](photo.jpg)) pointed at their media-library copies.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace gazette::imports::markdown {

// Replaces the destination of every inline link or image ("](photo.jpg)", "](./photo.jpg
// "title")") and reference definition ("[1]: photo.jpg") whose target, without a leading "./",
// is a key of `urls` (a path relative to the bundle) with the mapped URL. Returns how many were
// replaced in `*count` when given. Other text is left exactly as it was.
std::string RewriteBundleLinks(std::string_view markdown, const std::map<std::string, std::string>& urls,
                               int* count = nullptr);

}  // namespace gazette::imports::markdown
