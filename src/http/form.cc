// Form decoding through Boost.URL's params view, which handles percent-escapes and '+'.
#include "http/form.h"

#include <boost/url/encoding_opts.hpp>
#include <boost/url/params_encoded_view.hpp>
#include <boost/url/parse_query.hpp>

namespace gazette::http {

std::string FormValue(const Form& form, std::string_view name) {
  auto it = form.find(std::string(name));
  return it == form.end() ? std::string() : it->second;
}

Result<Form> ParseFormEncoded(std::string_view body) {
  std::multimap<std::string, std::string> out;
  if (body.empty()) return out;
  auto parsed = boost::urls::parse_query(boost::urls::string_view(body.data(), body.size()));
  if (!parsed) return Error::Invalid("The form data is malformed (a bad %-escape).");
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  for (const auto& p : *parsed) {
    out.emplace(p.key.decode(opts), p.has_value ? p.value.decode(opts) : std::string());
  }
  return out;
}

}  // namespace gazette::http
