// gzip and Brotli encoders. Levels favour speed a little (gzip 6, Brotli 5): a page is compressed
// on the render path, and these keep most of the size gain at a fraction of the top levels' cost.
#include "http/compression.h"

#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>

#include "common/text.h"

namespace gazette::http {

std::string Gzip(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  out.shrink_to_fit();  // the buffer was sized for the worst case; cached pages keep it for their lifetime
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : std::string();
}

std::string Brotli(std::string_view data) {
  std::size_t size = BrotliEncoderMaxCompressedSize(data.size());
  if (size == 0) return {};
  std::string out(size, '\0');
  if (!BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                             reinterpret_cast<const uint8_t*>(data.data()), &size,
                             reinterpret_cast<uint8_t*>(out.data())))
    return {};
  out.resize(size);
  out.shrink_to_fit();  // as in Gzip: do not keep a worst-case buffer alive in the page cache
  return out;
}

AcceptedEncodings ParseAcceptEncoding(std::string_view header) {
  AcceptedEncodings accepted;
  for (const auto& item : text::SplitTrimmed(header, ',')) {
    std::string_view coding = item;
    bool refused = false;
    if (const auto semi = coding.find(';'); semi != std::string_view::npos) {
      std::string params = text::AsciiLower(coding.substr(semi + 1));
      params.erase(std::remove(params.begin(), params.end(), ' '), params.end());
      refused = params == "q=0" || params == "q=0.0" || params == "q=0.00" || params == "q=0.000";
      coding = text::Trim(coding.substr(0, semi));
    }
    const std::string name = text::AsciiLower(coding);
    if (name == "gzip" || name == "x-gzip")
      accepted.gzip = !refused;
    else if (name == "br")
      accepted.brotli = !refused;
    else if (name == "*")
      accepted.gzip = accepted.brotli = !refused;
  }
  return accepted;
}

}  // namespace gazette::http
