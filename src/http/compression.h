// Compression of response bodies: gzip (zlib) and Brotli (libbrotli), done once per cached page.
#pragma once

#include <string>
#include <string_view>

namespace gazette::http {

// Returns the gzip / Brotli encoding of `data`, or "" if the library fails.
std::string Gzip(std::string_view data);
std::string Brotli(std::string_view data);

// Parses Accept-Encoding: which of our encodings the client takes (a q=0 refuses it).
struct AcceptedEncodings {
  bool gzip = false;
  bool brotli = false;
};
AcceptedEncodings ParseAcceptEncoding(std::string_view header);

}  // namespace gazette::http
