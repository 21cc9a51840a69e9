// MediaService: uploads checked by content, stored by hash, and shown with srcset.
#include <gtest/gtest.h>
#include <vips/vips8>

#include <filesystem>
#include <map>

#include "media/media_service.h"

namespace gazette::media {
namespace {

class MemoryMedia final : public MediaRepository {
 public:
  Result<MediaItem> Insert(const MediaItem& item) override {
    MediaItem stored = item;
    stored.id = static_cast<std::int64_t>(items.size()) + 1;
    items[item.hash] = stored;
    return stored;
  }
  Result<MediaItem> FindByHash(std::string_view hash) const override {
    auto it = items.find(std::string(hash));
    if (it == items.end()) return Error::NotFound("No such image.");
    return it->second;
  }
  Result<MediaItem> FindById(std::int64_t id) const override {
    for (const auto& [h, i] : items)
      if (i.id == id) return i;
    return Error::NotFound("No such image.");
  }
  Result<std::vector<MediaItem>> List() const override {
    std::vector<MediaItem> out;
    for (const auto& [h, i] : items) out.push_back(i);
    return out;
  }
  Status SetCrops(std::int64_t id, const std::vector<Crop>& crops) override {
    for (auto& [h, i] : items)
      if (i.id == id) {
        i.crops = crops;
        return Status::Ok();
      }
    return Error::NotFound("No such image.");
  }
  std::map<std::string, MediaItem> items;
};

class FixedClock final : public Clock {
 public:
  UnixTime Now() const override { return 1'800'000'000; }
};

std::string Jpeg(int w, int h) {
  vips::VImage img = vips::VImage::black(w, h).linear(1.0, 90.0).cast(VIPS_FORMAT_UCHAR);
  void* buf = nullptr;
  std::size_t size = 0;
  img.write_to_buffer(".jpg", &buf, &size);
  std::string out(static_cast<const char*>(buf), size);
  g_free(buf);
  return out;
}

class MediaServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (VIPS_INIT("media_test")) FAIL();
    dir_ = std::filesystem::temp_directory_path() / "gazette-media-test";
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  MemoryMedia repo_;
  FixedClock clock_;
};

TEST_F(MediaServiceTest, StoresSizesUnderContentHashNames) {
  MediaService media(repo_, dir_.string(), clock_);
  auto item = media.Upload(Jpeg(1200, 800), "Harbour at dawn", 3);
  ASSERT_TRUE(item) << item.error().message;
  EXPECT_EQ(item->hash.size(), 32u);
  EXPECT_EQ(item->variants.size(), 6u);  // 480, 960, 1200 in JPEG and WebP
  for (const auto& v : item->variants) {
    EXPECT_TRUE(v.file.starts_with(item->hash + "-"));
    auto path = media.PathFor(v.file);
    ASSERT_TRUE(path);
    EXPECT_TRUE(std::filesystem::exists(*path));
  }
  auto again = media.Upload(Jpeg(1200, 800), "", 3);
  EXPECT_EQ(again->id, item->id);  // the same bytes are stored once
}

TEST_F(MediaServiceTest, StoresTheCropsBesideTheSizes) {
  MediaService media(repo_, dir_.string(), clock_);
  auto item = media.Upload(Jpeg(2400, 1600), "", 3);
  ASSERT_TRUE(item) << item.error().message;
  ASSERT_EQ(item->crops.size(), 3u);
  EXPECT_EQ(item->crops[0].ratio, "16x9");
  EXPECT_EQ(item->crops[0].file, item->hash + "-16x9-1200.jpg");
  EXPECT_EQ(item->crops[2].height, 1200);
  for (const auto& c : item->crops) {
    auto path = media.PathFor(c.file);
    ASSERT_TRUE(path) << c.file;
    EXPECT_TRUE(std::filesystem::exists(*path));
    EXPECT_EQ(vips::VImage::new_from_file(path->c_str()).width(), c.width);
  }
  EXPECT_EQ(FindCrop(*item, "4x3")->height, 900);
  EXPECT_EQ(FindCrop(*item, "3x2"), nullptr);
  EXPECT_EQ(PictureHtml(*item, "x").str().find("16x9"), std::string::npos) << "crops are not sizes";
}

TEST_F(MediaServiceTest, AddsCropsToAnImageStoredWithoutThem) {
  MediaService media(repo_, dir_.string(), clock_);
  auto item = media.Upload(Jpeg(900, 600), "", 3);
  ASSERT_TRUE(item);
  for (const auto& c : item->crops) std::filesystem::remove(dir_ / c.file);
  repo_.items[item->hash].crops.clear();  // as stored before crops existed
  auto cropped = media.AddCrops(item->id);
  ASSERT_TRUE(cropped) << cropped.error().message;
  ASSERT_EQ(cropped->crops.size(), 3u);
  EXPECT_EQ(cropped->crops[0].width, 896);  // the largest 16:9 that 900 x 600 holds
  EXPECT_EQ(cropped->crops[0].height, 504);
  EXPECT_EQ(cropped->crops[2].width, 600);
  EXPECT_TRUE(std::filesystem::exists(dir_ / cropped->crops[1].file));
  EXPECT_EQ(repo_.FindById(item->id)->crops.size(), 3u);
  EXPECT_EQ(media.AddCrops(999).error().code, ErrorCode::kNotFound);
}

TEST_F(MediaServiceTest, RefusesANonImageNamedJpg) {
  MediaService media(repo_, dir_.string(), clock_);
  auto r = media.Upload("This is a text file called photo.jpg", "", 3);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.find("not an image"), std::string::npos);
}

TEST_F(MediaServiceTest, RewritesArticleImagesWithSrcset) {
  MediaService media(repo_, dir_.string(), clock_);
  auto item = media.Upload(Jpeg(2000, 1000), "", 3);
  ASSERT_TRUE(item);
  const std::string html = "<p><img src=\"/media/" + item->hash + "-960.jpg\" alt=\"A &quot;quote&quot;\" /></p>";
  const std::string out = media.AddSizes(html);
  EXPECT_NE(out.find("<picture><source type=\"image/webp\""), std::string::npos) << out;
  EXPECT_NE(out.find(item->hash + "-480.jpg 480w, /media/" + item->hash + "-960.jpg 960w"), std::string::npos) << out;
  EXPECT_NE(out.find("alt=\"A &quot;quote&quot;\""), std::string::npos) << out;
  EXPECT_EQ(media.AddSizes("<p><img src=\"https://elsewhere.example/x.jpg\" alt=\"\" /></p>"),
            "<p><img src=\"https://elsewhere.example/x.jpg\" alt=\"\" /></p>");
  EXPECT_FALSE(media.PathFor("../secret"));
  EXPECT_FALSE(media.PathFor(item->hash + "-16x9/1200.jpg"));
}

TEST_F(MediaServiceTest, FeaturedFigureEscapesItsWordsAndLoadsAtOnce) {
  MediaService media(repo_, dir_.string(), clock_);
  auto item = media.Upload(Jpeg(1000, 500), "", 3);
  ASSERT_TRUE(item);
  const std::string html = FigureHtml(*item, "A <b>\"boat\"</b>", "Photo & <i>credit</i>").str();
  EXPECT_TRUE(html.starts_with("<figure class=\"featured-image\"><picture>")) << html;
  EXPECT_NE(html.find("alt=\"A &lt;b&gt;&quot;boat&quot;&lt;/b&gt;\""), std::string::npos) << html;
  EXPECT_NE(html.find("<figcaption>Photo &amp; &lt;i&gt;credit&lt;/i&gt;</figcaption></figure>"), std::string::npos);
  EXPECT_EQ(html.find("loading="), std::string::npos) << "an image at the top of the page is not lazy";
  EXPECT_NE(html.find("width=\"1000\" height=\"500\""), std::string::npos) << html;
  EXPECT_EQ(FigureHtml(*item, "Boat", "").str().find("figcaption"), std::string::npos);
  EXPECT_NE(PictureHtml(*item, "Boat").str().find("loading=\"lazy\""), std::string::npos);
  ASSERT_TRUE(repo_.FindById(item->id));
  EXPECT_EQ(repo_.FindById(item->id)->hash, item->hash);
}

TEST_F(MediaServiceTest, CardPictureSaysHowWideACardDrawsIt) {
  MediaService media(repo_, dir_.string(), clock_);
  auto item = media.Upload(Jpeg(1000, 500), "", 3);
  ASSERT_TRUE(item);
  const std::string card = PictureHtml(*item, "Boat", false, kCardSizes).str();
  EXPECT_NE(card.find("<source type=\"image/webp\" srcset=\""), std::string::npos) << card;
  EXPECT_NE(card.find("sizes=\"" + std::string(kCardSizes) + "\" width=\"1000\" height=\"500\""), std::string::npos)
      << card;
  EXPECT_EQ(card.find("loading="), std::string::npos) << card;
  EXPECT_EQ(card.find(kArticleSizes), std::string::npos) << card;
}

}  // namespace
}  // namespace gazette::media
