#include "documents/held_back.hpp"

#include "model/file_kind.hpp"

namespace partnerops {

HeldBack held_back_by(const Diagnostics& diagnostics) {
  HeldBack held;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::error) continue;
    const Classified classified = classify(d.file);
    if (!classified.slug.empty()) {
      held.partners.insert(classified.slug);
    } else {
      held.organisation = true;  // partnerops.yaml, schemas/ or templates/
    }
  }
  return held;
}

Diagnostics errors_holding_back(const Diagnostics& diagnostics,
                                const std::set<std::string>& partners) {
  Diagnostics errors;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::error) continue;
    const std::string slug = classify(d.file).slug;
    if (slug.empty() || partners.count(slug))
      errors.add(d.severity, d.code, d.file, d.position, d.message, d.hint);
  }
  return errors;
}

}  // namespace partnerops
