#include "common/safe_html.h"

#include "common/text.h"

namespace gazette {

SafeHtml SafeHtml::Escape(std::string_view text) { return SafeHtml(text::EscapeHtml(text)); }

}  // namespace gazette
