#include "billing/billing_source.hpp"

#include "source/filtered_source.hpp"

namespace partnerops::billing {

namespace {

bool billing_input(std::string_view path, EntryType type) {
  if (!path.starts_with("partners/")) return true;  // partnerops.yaml, schemas/, the rest
  if (type != EntryType::file && type != EntryType::directory) return true;
  const std::size_t slash = path.find('/', 9);
  if (slash == std::string_view::npos) return true;  // the partner folder itself
  const std::string_view rest = path.substr(slash + 1);
  if (rest == "agreement.yaml") return true;
  for (std::string_view folder : {"sow", "invoices", "credit-notes"})
    if (rest == folder ||
        (rest.starts_with(folder) && rest.size() > folder.size() && rest[folder.size()] == '/'))
      return true;
  return false;
}

}  // namespace

std::unique_ptr<Source> scope_to_billing(const Source& inner) {
  return filter_source(inner, billing_input);
}

}  // namespace partnerops::billing
