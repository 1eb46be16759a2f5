#include "model/file_kind.hpp"

#include <vector>

namespace partnerops {

namespace {

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

bool is_yaml(std::string_view name) { return name.ends_with(".yaml") || name.ends_with(".yml"); }

}  // namespace

Classified classify(std::string_view path) {
  if (path == "partnerops.yaml") return {FileKind::organisation, {}};
  const std::vector<std::string_view> parts = split(path);
  if (parts.size() < 3 || parts[0] != k_partners_dir) return {FileKind::ignored, {}};
  Classified result{FileKind::unknown, std::string(parts[1])};
  if (parts.size() == 3) {
    const std::string_view name = parts[2];
    if (name == "partner.yaml")
      result.kind = FileKind::partner;
    else if (name == "notes.md")
      result.kind = FileKind::notes;
    else if (name == "agreement.yaml")
      result.kind = FileKind::agreement;
    else if (name == "kpis.yaml")
      result.kind = FileKind::kpis;
    else if (name == "issues.yaml")
      result.kind = FileKind::issue_log;
    else if (name == "compliance.yaml")
      result.kind = FileKind::compliance;
  } else if (parts.size() == 4 && is_yaml(parts[3])) {
    if (parts[2] == "sow")
      result.kind = FileKind::sow;
    else if (parts[2] == "quotes")
      result.kind = FileKind::quote;
    else if (parts[2] == "invoices")
      result.kind = FileKind::invoice;
    else if (parts[2] == "credit-notes")
      result.kind = FileKind::credit_note;
  }
  return result;
}

std::string_view schema_for(FileKind kind) {
  switch (kind) {
    case FileKind::organisation:
      return "partnerops.schema.yaml";
    case FileKind::partner:
      return "partner.schema.yaml";
    case FileKind::agreement:
      return "agreement.schema.yaml";
    case FileKind::sow:
      return "sow.schema.yaml";
    case FileKind::quote:
      return "quote.schema.yaml";
    case FileKind::invoice:
      return "invoice.schema.yaml";
    case FileKind::credit_note:
      return "credit-note.schema.yaml";
    case FileKind::kpis:
      return "kpis.schema.yaml";
    case FileKind::issue_log:
      return "issues.schema.yaml";
    case FileKind::compliance:
      return "compliance.schema.yaml";
    case FileKind::notes:
    case FileKind::unknown:
    case FileKind::ignored:
      return {};
  }
  return {};
}

}  // namespace partnerops
