// HTML tables as GFM pipe tables. A table with merged cells (colspan, rowspan) or block content
// in its cells has no exact pipe-table form: its cells are laid out on the grid they cover, the
// extra places left empty, and the table is reported.
#include <libxml/tree.h>

#include <algorithm>
#include <vector>

#include "common/text.h"
#include "imports/wordpress/html_walker.h"
#include "imports/wordpress/markdown_text.h"

namespace gazette::imports::wordpress {
namespace {

constexpr int kMaxSpan = 64;
constexpr std::size_t kMaxColumns = 256;

int Span(const xmlNode* cell, const char* attr) {
  const std::string v(text::Trim(Attr(cell, attr)));
  if (v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos) return 1;
  return std::clamp(std::stoi(v), 1, kMaxSpan);
}

void CollectRows(xmlNode* parent, std::vector<xmlNode*>& rows, std::size_t& head_rows, std::string& caption) {
  for (xmlNode* c = parent->children; c; c = c->next) {
    const std::string_view name = Name(c);
    if (name == "tr") {
      rows.push_back(c);
    } else if (name == "thead" || name == "tbody" || name == "tfoot") {
      const std::size_t before = rows.size();
      CollectRows(c, rows, head_rows, caption);
      if (name == "thead" && before == 0) head_rows = rows.size();
    } else if (name == "caption") {
      caption = TextContent(c);
    }
  }
}

}  // namespace

std::string HtmlWalker::Table(xmlNode* table) {
  std::vector<xmlNode*> rows;
  std::size_t head_rows = 0;
  std::string caption;
  CollectRows(table, rows, head_rows, caption);
  bool merged = false;
  bool all_th_first = !rows.empty();
  std::vector<std::vector<std::string>> grid;
  std::vector<int> carried;  // per column: how many more rows a rowspan covers
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::string> row;
    auto fill_carried = [&] {
      while (row.size() < carried.size() && carried[row.size()] > 0) {
        --carried[row.size()];
        row.emplace_back();
      }
    };
    for (xmlNode* cell = rows[r]->children; cell; cell = cell->next) {
      if (Name(cell) != "td" && Name(cell) != "th") continue;
      if (r == 0 && Name(cell) == "td") all_th_first = false;
      fill_carried();
      const int colspan = Span(cell, "colspan");
      const int rowspan = Span(cell, "rowspan");
      for (xmlNode* c = cell->children; c; c = c->next) merged = merged || (IsBlockElement(c) && Name(c) != "p");
      merged = merged || colspan > 1 || rowspan > 1;
      for (int i = 0; i < colspan && row.size() < kMaxColumns; ++i) {
        if (carried.size() <= row.size()) carried.resize(row.size() + 1, 0);
        carried[row.size()] = rowspan - 1;
        row.push_back(i == 0 ? std::string(text::Trim(Flat(cell))) : std::string());
      }
    }
    fill_carried();
    grid.push_back(std::move(row));
  }
  std::size_t columns = 0;
  for (const auto& row : grid) columns = std::max(columns, row.size());
  if (columns == 0) return "";
  if (merged) ++conversion_.out.html_blocks["table"];
  // GFM needs a header row: the table's own, or an empty one so that no data row turns bold.
  const bool has_head = head_rows > 0 || all_th_first;
  if (!has_head) grid.insert(grid.begin(), std::vector<std::string>(columns));
  std::string out;
  for (std::size_t r = 0; r < grid.size(); ++r) {
    grid[r].resize(columns);
    out += "|";
    for (const std::string& cell : grid[r]) out += " " + cell + " |";
    out += "\n";
    if (r == 0) {
      out += "|";
      for (std::size_t c = 0; c < columns; ++c) out += " --- |";
      out += "\n";
    }
  }
  out.pop_back();
  const std::string caption_md = EscapeText(text::CollapseWhitespace(caption));
  return caption_md.empty() ? out : out + "\n\n*" + caption_md + "*";
}

}  // namespace gazette::imports::wordpress
