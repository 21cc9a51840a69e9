// AdminViews: kainjow's render is not const, so each thread keeps its own parsed templates.
#include "admin/views.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "themes/markup.h"

namespace gazette::admin {
namespace mus = kainjow::mustache;

Result<std::unique_ptr<AdminViews>> AdminViews::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Error::Unavailable("No admin theme folder at " + dir);
  std::map<std::string, std::string> templates;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    templates[entry.path().stem().string()] = s.str();
  }
  if (!templates.count("layout")) return Error::Unavailable("The admin theme at " + dir + " has no layout.mustache");
  for (const auto& [name, source] : templates) {
    mus::mustache parsed(source);
    if (!parsed.is_valid())
      return Error::Invalid("Admin template " + name + " does not parse: " + parsed.error_message());
    if (auto st = themes::CheckUnescaped("admin/" + name, source); !st) return st.error();
  }
  return std::unique_ptr<AdminViews>(new AdminViews(std::move(templates)));
}

std::string AdminViews::RenderOne(const std::string& name, ViewData& data) const {
  thread_local std::unordered_map<const void*, std::unordered_map<std::string, std::unique_ptr<mus::mustache>>> cache;
  auto& slot = cache[this][name];
  if (!slot) {
    auto it = templates_.find(name);
    if (it == templates_.end()) throw std::runtime_error("missing admin template " + name);
    slot = std::make_unique<mus::mustache>(it->second);
  }
  return slot->render(data);
}

std::string AdminViews::Render(const std::string& name, ViewData& page, ViewData& layout) const {
  themes::SetHtml(layout, "content", SafeHtml::Trusted(RenderOne(name, page)));  // escaped by the engine
  return RenderOne("layout", layout);
}

}  // namespace gazette::admin
