#include "http/compression.h"

#include <brotli/decode.h>
#include <gtest/gtest.h>
#include <zlib.h>

namespace gazette::http {
namespace {

std::string Gunzip(const std::string& data) {
  z_stream z{};
  inflateInit2(&z, 15 + 16);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  inflate(&z, Z_FINISH);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

TEST(CompressionTest, GzipAndBrotliRoundTrip) {
  std::string page;
  for (int i = 0; i < 200; ++i)
    page +=
        "<p>Maternity pay is to rise by \xC2\xA3"
        "1,400.</p>\n";
  const std::string gz = Gzip(page);
  ASSERT_FALSE(gz.empty());
  EXPECT_LT(gz.size(), page.size() / 4);
  EXPECT_EQ(Gunzip(gz), page);
  const std::string br = Brotli(page);
  ASSERT_FALSE(br.empty());
  std::string out(page.size() * 2, '\0');
  std::size_t out_size = out.size();
  ASSERT_EQ(BrotliDecoderDecompress(br.size(), reinterpret_cast<const uint8_t*>(br.data()), &out_size,
                                    reinterpret_cast<uint8_t*>(out.data())),
            BROTLI_DECODER_RESULT_SUCCESS);
  out.resize(out_size);
  EXPECT_EQ(out, page);
}

TEST(CompressionTest, ParsesAcceptEncoding) {
  auto a = ParseAcceptEncoding("gzip, deflate, br");
  EXPECT_TRUE(a.gzip);
  EXPECT_TRUE(a.brotli);
  a = ParseAcceptEncoding("gzip;q=0.8, br;q=0");
  EXPECT_TRUE(a.gzip);
  EXPECT_FALSE(a.brotli);
  a = ParseAcceptEncoding("");
  EXPECT_FALSE(a.gzip || a.brotli);
  a = ParseAcceptEncoding("identity");
  EXPECT_FALSE(a.gzip || a.brotli);
}

}  // namespace
}  // namespace gazette::http
