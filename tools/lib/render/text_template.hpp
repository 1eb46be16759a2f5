#pragma once
// Plain-text templates (a message, a new partner's notes) rendered from a
// JSON context, as the document contexts are built: one conversion to
// mstch's data in one place.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "render/template.hpp"

namespace partnerops::render {

/// `templates`' text template `name` rendered with `context`; nullopt
/// after appending the template's problems to `diagnostics`.
std::optional<std::string> render_text(const TemplateSet& templates, std::string_view name,
                                       const nlohmann::json& context, Diagnostics& diagnostics);

}  // namespace partnerops::render
