// XmlWriter: builds an XML document (feeds, sitemaps, exports) through libxml2's xmlTextWriter,
// so that escaping and well-formedness are the library's and never string concatenation's.
// Text and attribute values may hold anything: invalid UTF-8 is replaced and the characters
// XML 1.0 cannot hold (most C0 controls) are dropped.
#pragma once

#include <string>
#include <string_view>

struct _xmlBuffer;
struct _xmlTextWriter;

namespace gazette {

class XmlWriter {
 public:
  // Starts a UTF-8 document with its XML declaration.
  XmlWriter();
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  // Opens an element; its attributes follow before any content.
  XmlWriter& Open(std::string_view name);
  XmlWriter& Attribute(std::string_view name, std::string_view value);
  XmlWriter& Text(std::string_view text);
  // Closes the innermost open element (as <name/> when it is empty).
  XmlWriter& Close();
  // Open, Text, Close.
  XmlWriter& Element(std::string_view name, std::string_view text);

  // Returns what has been written so far and forgets it, so that a long document (an export)
  // can be written out piece by piece and never held whole. Finish then returns the rest.
  std::string TakeWritten();

  // Closes every open element and returns the document. Throws std::runtime_error if libxml2
  // failed (it fails only when out of memory).
  std::string Finish();

 private:
  void Check(int rc);

  _xmlBuffer* buffer_ = nullptr;
  _xmlTextWriter* writer_ = nullptr;
  bool failed_ = false;
};

// The text with invalid UTF-8 replaced and the characters XML 1.0 cannot hold removed.
std::string XmlSafeText(std::string_view text);

}  // namespace gazette
