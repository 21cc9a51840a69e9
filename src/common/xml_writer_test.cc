#include "common/xml_writer.h"

#include <gtest/gtest.h>

namespace gazette {
namespace {

TEST(XmlWriter, EscapesTextAndAttributesAndClosesWhatIsOpen) {
  XmlWriter w;
  w.Open("rss").Attribute("version", "2.0").Open("channel");
  w.Element("title", "Tom & Jerry <b>\"live\"</b>");
  w.Open("link").Attribute("href", "https://example.org/?a=1&b=\"2\"").Close();
  const std::string xml = w.Finish();
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u) << xml;
  EXPECT_NE(xml.find("<title>Tom &amp; Jerry &lt;b&gt;&quot;live&quot;&lt;/b&gt;</title>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("</channel>"), std::string::npos) << "Finish closes every open element";
  EXPECT_NE(xml.find("</rss>"), std::string::npos);
}

TEST(XmlWriter, DropsWhatXmlCannotHold) {
  EXPECT_EQ(XmlSafeText(std::string("a\x01"
                                    "b\x1f"
                                    "c\td\n",
                                    8)),
            "abc\td\n");
  EXPECT_EQ(XmlSafeText("x\xEF\xBF\xBEy"), "xy");
  XmlWriter w;
  w.Element("t", std::string("bell\x07 and \xff bad", 15));
  const std::string xml = w.Finish();
  EXPECT_EQ(xml.find('\x07'), std::string::npos);
  EXPECT_EQ(xml.find('\xff'), std::string::npos) << "invalid UTF-8 is replaced";
}

TEST(XmlWriter, TakeWrittenHandsOverTheDocumentInPieces) {
  XmlWriter w;
  w.Open("rss").Open("channel").Element("item", "one");
  const std::string first = w.TakeWritten();
  w.Element("item", "two");
  const std::string rest = w.Finish();
  EXPECT_NE(first.find("<item>one</item>"), std::string::npos) << first;
  EXPECT_EQ(rest.find("one"), std::string::npos) << "what was taken is not written again";
  EXPECT_EQ(first + rest, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss>\n<channel>\n<item>one</item>\n"
                          "<item>two</item>\n</channel>\n</rss>\n");
}

}  // namespace
}  // namespace gazette
