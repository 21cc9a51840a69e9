#include "common/fnv1a.h"

#include <cstdio>

namespace gazette {

std::string Fnv1a::Hex() const {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash_));
  return buf;
}

}  // namespace gazette
