#include "imports/markdown/post_plan.h"

#include <gtest/gtest.h>

#include "imports/markdown/post_fields.h"

namespace gazette::imports::markdown {
namespace {

SourceFile Post(std::string slug) {
  SourceFile f;
  f.relative = "content/posts/" + slug + ".md";
  f.slug = std::move(slug);
  return f;
}

Result<PostPlan> Plan(std::string_view bytes, const SourceFile& file = Post("from-the-name")) {
  return PlanPost(file, bytes, {}, "Night Desk");
}

TEST(PostPlanTest, HugoYamlPostBecomesADraftWithEveryField) {
  auto plan = Plan(
      "---\ntitle: Lighthouse keepers return\ndate: 2019-05-06T07:08:09+02:00\ndraft: true\nslug: keepers\n"
      "tags: [coast, history]\ncategories: [Local, Features]\nauthors: [Ines Varga, Tom Osei]\n"
      "summary: Two keepers go back to the **rock**.\naliases: [/old/keepers.html, /2019/keepers]\n"
      "weight: 4\nlayout: wide\n---\nThe lamp is lit again.\n");
  ASSERT_TRUE(plan) << plan.error().message;
  const auto& d = plan->draft;
  EXPECT_EQ(d.title, "Lighthouse keepers return");
  EXPECT_EQ(d.published_at, 1557119289);  // 05:08:09Z
  EXPECT_EQ(d.status, content::ArticleStatus::kDraft);
  EXPECT_EQ(d.slug, "keepers");
  EXPECT_EQ(d.tags, (std::vector<std::string>{"Local", "Features", "coast", "history"}));
  EXPECT_EQ(d.authors, (std::vector<std::string>{"Ines Varga", "Tom Osei"}));
  EXPECT_EQ(d.excerpt, "Two keepers go back to the rock.");
  EXPECT_EQ(d.markdown, "The lamp is lit again.");
  EXPECT_EQ(plan->old_addresses, (std::vector<std::string>{"/old/keepers.html", "/2019/keepers/"}));
  EXPECT_EQ(plan->not_kept, (std::vector<std::string>{"weight"}));  // layout only matters to a theme
}

TEST(PostPlanTest, TomlPublishDateWinsOverDate) {
  auto plan = Plan("+++\ntitle = \"Tide tables\"\ndate = 2020-01-01\npublishDate = 2020-02-01\n"
                   "expiryDate = 2021-01-01\n+++\nBody");
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->draft.published_at, 1580515200);
  EXPECT_EQ(plan->draft.status, content::ArticleStatus::kPublished);
  EXPECT_EQ(plan->draft.slug, "from-the-name");
  EXPECT_EQ(plan->draft.authors, (std::vector<std::string>{"Night Desk"}));
  ASSERT_EQ(plan->notes.size(), 1u);
  EXPECT_NE(plan->notes[0].find("expiryDate"), std::string::npos);
}

TEST(PostPlanTest, JekyllStringsAndFileNameDate) {
  SourceFile f = Post("market-day");
  f.date = 1262304000;  // from _posts/2010-01-01-market-day.md
  auto plan = Plan("---\ntitle: Market day\ncategories: town square\ntags: food\nauthor: Ola Berg\n"
                   "permalink: /news/market-day.html\ndescription: Stalls all morning.\n---\nBody\n",
                   f);
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->draft.published_at, 1262304000);
  EXPECT_EQ(plan->draft.tags, (std::vector<std::string>{"town", "square", "food"}));
  EXPECT_EQ(plan->draft.authors, (std::vector<std::string>{"Ola Berg"}));
  EXPECT_EQ(plan->draft.excerpt, "Stalls all morning.");
  EXPECT_EQ(plan->old_addresses, (std::vector<std::string>{"/news/market-day.html"}));
}

TEST(PostPlanTest, JekyllPublishedFalseAndDraftsFolderMeanDraft) {
  auto unpublished = Plan("---\ntitle: Hidden\npublished: false\n---\n");
  ASSERT_TRUE(unpublished);
  EXPECT_EQ(unpublished->draft.status, content::ArticleStatus::kDraft);
  SourceFile f = Post("idea");
  f.draft = true;
  auto drafted = Plan("---\ntitle: An idea\n---\n", f);
  ASSERT_TRUE(drafted);
  EXPECT_EQ(drafted->draft.status, content::ArticleStatus::kDraft);
}

TEST(PostPlanTest, PermalinkPatternsAreNotAddresses) {
  auto plan = Plan("---\ntitle: Pattern\npermalink: /:categories/:title/\n---\n");
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->old_addresses.empty());
}

TEST(PostPlanTest, BadValuesAreRefusedWithTheirLine) {
  auto bad_date = Plan("---\ntitle: When\nslug: x\ndate: last tuesday\n---\n");
  ASSERT_FALSE(bad_date);
  EXPECT_TRUE(bad_date.error().message.starts_with("line 4: date:")) << bad_date.error().message;
  auto bad_title = Plan("+++\n[title]\nx = 1\n+++\n");
  ASSERT_FALSE(bad_title);
  EXPECT_TRUE(bad_title.error().message.starts_with("line 2: title:")) << bad_title.error().message;
  auto bad_draft = Plan("{\"title\": \"T\",\n \"draft\": \"maybe\"}\n");
  ASSERT_FALSE(bad_draft);
  EXPECT_TRUE(bad_draft.error().message.starts_with("line 2: draft:")) << bad_draft.error().message;
}

TEST(PostPlanTest, PostWithoutTitleIsRefused) {
  EXPECT_FALSE(Plan("---\ndate: 2020-01-01\n---\nBody"));
  EXPECT_FALSE(Plan("No front matter at all"));
}

TEST(PostPlanTest, TooManyTagsAreRefused) {
  std::string tags;
  for (int i = 0; i < 150; ++i) tags += " t" + std::to_string(i);
  EXPECT_FALSE(Plan("---\ntitle: Tags\ntags:" + tags + "\n---\n"));
  EXPECT_FALSE(Plan("---\ntitle: " + std::string(5000, 'x') + "\n---\n"));
}

TEST(PostPlanTest, BundleLinksPointAtTheMediaLibrary) {
  SourceFile f = Post("pier");
  auto plan = PlanPost(f, "---\ntitle: Pier\n---\n![The pier](pier.jpg)\n\n{{< figure src=\"./pier.jpg\" caption=\"At dusk\" >}}\n",
                       {{"pier.jpg", "/media/abc-960.jpg"}}, "Desk");
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->draft.markdown, "![The pier](/media/abc-960.jpg)\n\n![At dusk](/media/abc-960.jpg)\\\n*At dusk*");
}

TEST(PostPlanTest, TopLevelFilesArePages) {
  SourceFile f = Post("about");
  f.kind = SourceKind::kPage;
  auto plan = Plan("---\ntitle: About us\ntags: [ignored]\n---\nWho we are.", f);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->is_page);
  EXPECT_EQ(plan->draft.kind, content::ArticleKind::kPage);
  EXPECT_TRUE(plan->draft.tags.empty());
  auto post = Plan("---\ntitle: News\n---\n");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->draft.kind, content::ArticleKind::kArticle);
}

}  // namespace
}  // namespace gazette::imports::markdown
