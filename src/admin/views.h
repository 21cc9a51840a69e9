// AdminViews: the admin's Mustache templates (themes/admin/), rendered inside its layout.
// Every {{value}} is HTML-escaped by the engine; {{{content}}} is only ever HTML rendered here.
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <memory>
#include <string>

#include "common/result.h"

namespace gazette::admin {

using ViewData = kainjow::mustache::data;

class AdminViews {
 public:
  // Loads every *.mustache file of `dir`. kUnavailable if the folder or layout is missing.
  static Result<std::unique_ptr<AdminViews>> Load(const std::string& dir);

  // Renders template `name` with `page`, then the layout around it with `layout` (which gets
  // the page's HTML as {{{content}}}). Thread-safe.
  std::string Render(const std::string& name, ViewData& page, ViewData& layout) const;

 private:
  explicit AdminViews(std::map<std::string, std::string> templates) : templates_(std::move(templates)) {}
  std::string RenderOne(const std::string& name, ViewData& data) const;

  std::map<std::string, std::string> templates_;
};

}  // namespace gazette::admin
