// Feed formats: where each lives under an archive, and how it is served.
#include "feeds/feed.h"

namespace gazette::feeds {

std::string FeedPathUnder(std::string_view base, FeedFormat format) {
  switch (format) {
    case FeedFormat::kAtom:
      return std::string(base) + "feed/atom/";
    case FeedFormat::kJson:
      return std::string(base) + "feed.json";
    case FeedFormat::kRss:
      break;
  }
  return std::string(base) + "feed/";
}

const char* FormatName(FeedFormat format) {
  switch (format) {
    case FeedFormat::kAtom:
      return "Atom";
    case FeedFormat::kJson:
      return "JSON Feed";
    case FeedFormat::kRss:
      break;
  }
  return "RSS";
}

const char* MediaType(FeedFormat format) {
  switch (format) {
    case FeedFormat::kAtom:
      return "application/atom+xml";
    case FeedFormat::kJson:
      return "application/feed+json";
    case FeedFormat::kRss:
      break;
  }
  return "application/rss+xml";
}

const char* ContentType(FeedFormat format) {
  switch (format) {
    case FeedFormat::kRss:
      return "application/rss+xml; charset=utf-8";
    case FeedFormat::kAtom:
      return "application/atom+xml; charset=utf-8";
    case FeedFormat::kJson:
      return "application/feed+json";
  }
  return "application/octet-stream";
}

}  // namespace gazette::feeds
