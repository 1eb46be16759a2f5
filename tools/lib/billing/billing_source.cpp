#include "billing/billing_source.hpp"

#include <algorithm>

namespace partnerops::billing {

namespace {

class BillingSource final : public Source {
 public:
  explicit BillingSource(const Source& inner) : m_inner(inner) {}

  std::vector<SourceEntry> list(std::string_view dir, std::string* error) const override {
    std::vector<SourceEntry> entries = m_inner.list(dir, error);
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [](const SourceEntry& entry) {
                                   return !visible(entry.path, entry.type);
                                 }),
                  entries.end());
    return entries;
  }

  ReadResult read(std::string_view path, std::uint64_t max_bytes) const override {
    if (!visible(path, EntryType::file)) return ReadResult{ReadResult::Status::missing, {}, "not in scope"};
    return m_inner.read(path, max_bytes);
  }

  bool is_file(std::string_view path) const override {
    return visible(path, EntryType::file) && m_inner.is_file(path);
  }

  std::string describe() const override { return m_inner.describe(); }

 private:
  static bool visible(std::string_view path, EntryType type) {
    if (!path.starts_with("partners/")) return true;  // partnerops.yaml, schemas/, the rest
    if (type != EntryType::file && type != EntryType::directory) return true;
    const std::size_t slash = path.find('/', 9);
    if (slash == std::string_view::npos) return true;  // the partner folder itself
    const std::string_view rest = path.substr(slash + 1);
    if (rest == "agreement.yaml") return true;
    for (std::string_view folder : {"sow", "invoices", "credit-notes"})
      if (rest == folder || (rest.starts_with(folder) && rest.size() > folder.size() &&
                             rest[folder.size()] == '/'))
        return true;
    return false;
  }

  const Source& m_inner;
};

}  // namespace

std::unique_ptr<Source> scope_to_billing(const Source& inner) {
  return std::make_unique<BillingSource>(inner);
}

}  // namespace partnerops::billing
