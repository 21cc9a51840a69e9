// Demo content loader. The texts are original, written for this project (see demo/).
#include "cli/demo_content.h"
#include "content/authors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "common/text.h"

namespace gazette::cli {
namespace fs = std::filesystem;

namespace {

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

Result<content::ArticleDraft> ParseDemoArticle(const std::string& source, const std::string& name) {
  content::ArticleDraft draft;
  draft.status = content::ArticleStatus::kPublished;
  std::istringstream in(source);
  std::string line;
  bool ended = false;
  while (std::getline(in, line)) {
    if (text::Trim(line) == "---") {
      ended = true;
      break;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string key(text::Trim(std::string_view(line).substr(0, colon)));
    const std::string value(text::Trim(std::string_view(line).substr(colon + 1)));
    if (key == "title")
      draft.title = value;
    else if (key == "author")
      draft.authors = content::SplitAuthorNames(value);
    else if (key == "tags")
      draft.tags = text::SplitTrimmed(value, ',');
    else if (key == "date")
      draft.published_at = ParseIso8601(value);
  }
  if (!ended) return Error::Invalid(name + ": no '---' line after the header");
  std::ostringstream body;
  body << in.rdbuf();
  draft.markdown = body.str();
  return draft;
}

}  // namespace

Result<int> LoadDemoContent(app::Site& site, const std::string& demo_dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path(demo_dir) / "articles", ec))
    if (entry.path().extension() == ".md") files.push_back(entry.path());
  if (ec) return Error::NotFound("Cannot read " + demo_dir + "/articles: " + ec.message());
  std::sort(files.begin(), files.end());
  std::map<std::string, content::ArticleId> ids;
  for (const auto& file : files) {
    auto draft = ParseDemoArticle(ReadFile(file), file.filename().string());
    if (!draft) return draft.error();
    auto article = site.articles().Create(*draft);
    if (!article) return Error::Invalid(file.filename().string() + ": " + article.error().message);
    ids[file.filename().string()] = article->id;
  }
  const fs::path comments_file = fs::path(demo_dir) / "comments.json";
  if (fs::exists(comments_file, ec)) {
    nlohmann::json comments;
    try {
      comments = nlohmann::json::parse(ReadFile(comments_file));
    } catch (const nlohmann::json::exception& e) {
      return Error::Invalid("comments.json: " + std::string(e.what()));
    }
    UnixTime when = site.clock().Now() - 3600 * 24;
    for (const auto& c : comments) {
      auto it = ids.find(c.value("article", ""));
      if (it == ids.end()) return Error::Invalid("comments.json names an unknown article: " + c.value("article", ""));
      comments::Comment comment;
      comment.article_id = it->second;
      comment.name = c.value("name", "");
      comment.email = c.value("email", "");
      comment.website = c.value("website", "");
      comment.body = c.value("body", "");
      comment.status =
          comments::ParseCommentStatus(c.value("status", "pending")).value_or(comments::CommentStatus::kPending);
      comment.created_at = when += 1800;
      if (auto st = site.comment_store().Insert(comment); !st) return st.error();
    }
  }
  if (auto st = site.related().Rebuild(); !st) return st.error();
  return static_cast<int>(files.size());
}

}  // namespace gazette::cli
