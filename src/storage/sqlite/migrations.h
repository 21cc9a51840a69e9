// The schema, as an ordered list of migrations: entry N takes the database from version N to N+1.
#pragma once

#include <string>
#include <vector>

namespace gazette::storage::sqlite {

const std::vector<std::string>& Migrations();

}  // namespace gazette::storage::sqlite
