#include "common/xml_writer.h"

#include <libxml/xmlwriter.h>

#include <stdexcept>

#include "common/text.h"

namespace gazette {
namespace {

const xmlChar* X(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

}  // namespace

std::string XmlSafeText(std::string_view text) {
  const std::string utf8 = text::SanitizeUtf8(text);
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters either.
    if (c == 0xEF && i + 2 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(utf8[i + 2]) & 0xFE) == 0xBE) {
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

XmlWriter::XmlWriter() : buffer_(xmlBufferCreate()) {
  if (buffer_) writer_ = xmlNewTextWriterMemory(buffer_, 0);
  if (!writer_) throw std::runtime_error("libxml2 could not start a document");
  Check(xmlTextWriterSetIndent(writer_, 1));
  Check(xmlTextWriterSetIndentString(writer_, BAD_CAST ""));
  Check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr));
}

XmlWriter::~XmlWriter() {
  if (writer_) xmlFreeTextWriter(writer_);
  if (buffer_) xmlBufferFree(buffer_);
}

void XmlWriter::Check(int rc) {
  if (rc < 0) failed_ = true;
}

XmlWriter& XmlWriter::Open(std::string_view name) {
  Check(xmlTextWriterStartElement(writer_, X(std::string(name))));
  return *this;
}

XmlWriter& XmlWriter::Attribute(std::string_view name, std::string_view value) {
  Check(xmlTextWriterWriteAttribute(writer_, X(std::string(name)), X(XmlSafeText(value))));
  return *this;
}

XmlWriter& XmlWriter::Text(std::string_view text) {
  Check(xmlTextWriterWriteString(writer_, X(XmlSafeText(text))));
  return *this;
}

XmlWriter& XmlWriter::Close() {
  Check(xmlTextWriterEndElement(writer_));
  return *this;
}

XmlWriter& XmlWriter::Element(std::string_view name, std::string_view text) { return Open(name).Text(text).Close(); }

std::string XmlWriter::TakeWritten() {
  Check(xmlTextWriterFlush(writer_));
  if (failed_) throw std::runtime_error("libxml2 could not write the document");
  std::string written(reinterpret_cast<const char*>(xmlBufferContent(buffer_)), xmlBufferLength(buffer_));
  xmlBufferEmpty(buffer_);
  return written;
}

std::string XmlWriter::Finish() {
  Check(xmlTextWriterEndDocument(writer_));
  Check(xmlTextWriterFlush(writer_));
  if (failed_) throw std::runtime_error("libxml2 could not write the document");
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)), xmlBufferLength(buffer_));
}

}  // namespace gazette
