#pragma once
// Which kind of file a workspace path holds, decided by where it sits:
// partnerops.yaml at the root, and fixed names and folders inside
// partners/<slug>/. The kind picks the schema and the reader.

#include <string>
#include <string_view>

namespace partnerops {

enum class FileKind {
  organisation,  ///< partnerops.yaml
  partner,       ///< partners/<slug>/partner.yaml
  notes,         ///< partners/<slug>/notes.md
  agreement,     ///< partners/<slug>/agreement.yaml
  sow,           ///< partners/<slug>/sow/<id>.yaml
  quote,         ///< partners/<slug>/quotes/<number>.yaml
  invoice,       ///< partners/<slug>/invoices/<number>.yaml
  credit_note,   ///< partners/<slug>/credit-notes/<number>.yaml
  kpis,          ///< partners/<slug>/kpis.yaml
  issue_log,     ///< partners/<slug>/issues.yaml
  compliance,    ///< partners/<slug>/compliance.yaml: the compliance audits
  unknown,       ///< anything else inside a partner folder
  ignored,       ///< outside partners/ (docs, templates, the toolkit itself)
};

struct Classified {
  FileKind kind = FileKind::ignored;
  std::string slug;  ///< the partner folder's name, for files inside one
};

Classified classify(std::string_view path);

/// The schema file for a kind ("partner.schema.yaml"), or empty.
std::string_view schema_for(FileKind kind);

/// The folder every partner lives in.
inline constexpr std::string_view k_partners_dir = "partners";

}  // namespace partnerops
