// multipart/form-data, parsed by GMime (not by hand): the fields and files of an upload form.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace gazette::media {

struct FormPart {
  std::string name;          // the form field
  std::string filename;      // for files; "" for plain fields
  std::string content_type;  // as the client claimed it (never trusted for images)
  std::string data;          // the bytes, transfer encoding undone
};

// Parses `body` sent with `content_type` ("multipart/form-data; boundary=..."). kInvalidArgument
// when the type is not multipart/form-data or the body is not a valid multipart message.
Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body);

// The first part named `name`, or null.
const FormPart* FindPart(const std::vector<FormPart>& parts, std::string_view name);

}  // namespace gazette::media
