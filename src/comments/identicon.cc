// Identicon drawing from BLAKE2b (crypto_generichash) keyed with the site secret.
#include "comments/identicon.h"

#include <sodium.h>

#include <cstdio>

#include "common/sodium.h"
#include "common/text.h"

namespace gazette::comments {

SafeHtml IdenticonSvg(std::string_view email, std::string_view key) {
  EnsureSodium();
  unsigned char k[crypto_generichash_KEYBYTES];
  // A key of its own, so the avatar hash shares nothing with the form tokens' MAC key.
  const std::string derive = "gazette-identicon:" + std::string(key);
  crypto_generichash(k, sizeof k, reinterpret_cast<const unsigned char*>(derive.data()), derive.size(), nullptr, 0);
  const std::string normalized = text::AsciiLower(text::Trim(email));
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(normalized.data()), normalized.size(), k,
                     sizeof k);
  // Hue from two bytes, a fixed saturation and lightness that read well on white.
  const int hue = ((h[0] << 8) | h[1]) % 360;
  char head[400];
  std::snprintf(
      head, sizeof head,
      "<svg class=\"avatar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-0.5 -0.5 6 6\" width=\"40\" "
      "height=\"40\" aria-hidden=\"true\"><rect x=\"-0.5\" y=\"-0.5\" width=\"6\" height=\"6\" fill=\"#f2f2f2\"/>"
      "<g fill=\"hsl(%d,55%%,45%%)\">",
      hue);
  std::string svg = head;
  // 15 bits decide the left three columns; the right two mirror them.
  const unsigned bits = (h[2] << 16) | (h[3] << 8) | h[4];
  for (int row = 0; row < 5; ++row)
    for (int col = 0; col < 3; ++col) {
      if (!((bits >> (row * 3 + col)) & 1)) continue;
      for (int x : {col, 4 - col}) {
        if (col == 2 && x != 2) continue;
        svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(row) + "\" width=\"1\" height=\"1\"/>";
      }
    }
  svg += "</g></svg>";
  return SafeHtml::Trusted(std::move(svg));
}

}  // namespace gazette::comments
