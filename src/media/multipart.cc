// ParseMultipart: the body is given to GMime as a MIME entity whose Content-Type header is the
// request's, and each part's content is decoded through GMime's data wrapper.
#include "media/multipart.h"

#include <gmime/gmime.h>

#include <mutex>

#include "common/text.h"

namespace gazette::media {
namespace {

void EnsureGMime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

// Releases a GObject when it goes out of scope.
struct Unref {
  gpointer p;
  ~Unref() {
    if (p) g_object_unref(p);
  }
};

std::string PartData(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return {};
  GMimeStream* out = g_mime_stream_mem_new();
  Unref out_ref{out};
  g_mime_data_wrapper_write_to_stream(content, out);
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
  return bytes ? std::string(reinterpret_cast<const char*>(bytes->data), bytes->len) : std::string();
}

}  // namespace

Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body) {
  if (!text::AsciiLower(content_type).starts_with("multipart/form-data") ||
      content_type.find_first_of("\r\n") != std::string_view::npos)
    return Error::Invalid("Send the form as multipart/form-data.");
  EnsureGMime();
  std::string entity = "Content-Type: " + std::string(content_type) + "\r\n\r\n";
  entity.append(body);
  GMimeStream* stream = g_mime_stream_mem_new_with_buffer(entity.data(), entity.size());
  Unref stream_ref{stream};
  GMimeParser* parser = g_mime_parser_new_with_stream(stream);
  Unref parser_ref{parser};
  GMimeObject* object = g_mime_parser_construct_part(parser, nullptr);
  Unref object_ref{object};
  if (!object || !GMIME_IS_MULTIPART(object)) return Error::Invalid("The upload is not a valid multipart form.");
  GMimeMultipart* multipart = GMIME_MULTIPART(object);
  std::vector<FormPart> parts;
  const int count = g_mime_multipart_get_count(multipart);
  for (int i = 0; i < count; ++i) {
    GMimeObject* part = g_mime_multipart_get_part(multipart, i);
    if (!GMIME_IS_PART(part)) continue;
    FormPart p;
    if (GMimeContentDisposition* disp = g_mime_object_get_content_disposition(part)) {
      if (const char* name = g_mime_content_disposition_get_parameter(disp, "name")) p.name = name;
      if (const char* file = g_mime_content_disposition_get_parameter(disp, "filename")) p.filename = file;
    }
    if (GMimeContentType* type = g_mime_object_get_content_type(part)) {
      char* mime = g_mime_content_type_get_mime_type(type);
      if (mime) p.content_type = mime;
      g_free(mime);
    }
    p.data = PartData(GMIME_PART(part));
    parts.push_back(std::move(p));
  }
  if (parts.empty()) return Error::Invalid("The upload form is empty.");
  return parts;
}

const FormPart* FindPart(const std::vector<FormPart>& parts, std::string_view name) {
  for (const auto& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace gazette::media
