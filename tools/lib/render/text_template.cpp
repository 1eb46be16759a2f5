#include "render/text_template.hpp"

#include "render/document_renderer.hpp"

namespace partnerops::render {

std::optional<std::string> render_text(const TemplateSet& templates, std::string_view name,
                                       const nlohmann::json& context, Diagnostics& diagnostics) {
  mstch::map data;
  for (const auto& [key, value] : context.items()) data.emplace(key, to_mstch(value));
  return templates.render_text(name, data, diagnostics);
}

}  // namespace partnerops::render
