#pragma once
// Everything partnerops knows about an organisation, loaded once from a
// Source (the working tree or a git revision): the parsed and schema-checked
// files, the typed model built from them, the schemas and the lifecycle.
// Nothing downstream reads files or parses YAML again.

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/agreement.hpp"
#include "model/compliance.hpp"
#include "model/credit_note.hpp"
#include "model/file_kind.hpp"
#include "model/invoice.hpp"
#include "model/issues.hpp"
#include "model/kpis.hpp"
#include "model/lifecycle.hpp"
#include "model/organisation.hpp"
#include "model/parse_cache.hpp"
#include "model/partner.hpp"
#include "model/sow.hpp"
#include "schema/schema_set.hpp"
#include "source/source.hpp"
#include "yaml/binary.hpp"
#include "yaml/node.hpp"

namespace partnerops {

struct WorkspaceFile {
  std::string path;
  FileKind kind = FileKind::ignored;
  bool valid = false;  ///< parsed and passed its schema
  /// The git blob id of the bytes, when loading knew it (the parse cache
  /// keys by it), so comparing with a commit needs no read or hash.
  std::optional<std::array<unsigned char, 20>> blob_id;

  /// The bytes, for quoting lines in messages and for edits. A file the
  /// parse cache vouched for by its stamp was never read; its bytes are
  /// read on first use (by one thread: commands ask after loading).
  const std::string& content() const;
  void set_content(std::string bytes) {
    m_content = std::move(bytes);
    m_unread_from = nullptr;
  }
  /// Loading skipped the read, since the stamp said the bytes are
  /// unchanged: content() reads them from `source`, which outlives the file.
  void defer_content(const Source& source) { m_unread_from = &source; }

  /// The tree of a YAML file that parsed, else nullptr. The workspace does
  /// not keep trees, which for ten thousand partners would take a hundred
  /// megabytes: it keeps each file's binary form (yaml/binary.hpp, often
  /// where it lies in the mapped parse cache) and decodes it for each call.
  /// Hold the result while using its nodes; ask once per use, not per key.
  std::shared_ptr<const yaml::Document> document() const;
  /// True when document() gives a tree.
  bool parsed() const { return m_tree || !m_form.empty(); }
  /// The binary form loading kept, for the parse cache; empty for a tree
  /// kept whole.
  const yaml::EncodedDocument& form() const { return m_form; }
  /// Keeps the file's tree as `form`.
  void keep(yaml::EncodedDocument form) {
    m_form = std::move(form);
    m_tree.reset();
  }
  /// Keeps the tree itself, for a file read once and walked often (the
  /// lifecycle) and for tests.
  void keep(std::shared_ptr<const yaml::Document> tree) {
    m_tree = std::move(tree);
    m_form = {};
  }

 private:
  mutable std::string m_content;
  mutable const Source* m_unread_from = nullptr;
  yaml::EncodedDocument m_form;
  std::shared_ptr<const yaml::Document> m_tree;
};

/// The number a numbered document's file carries (an invoice's, a credit
/// note's): its `number`, or for a file without one that parses, the file
/// name without its extension.
std::string written_number(const WorkspaceFile& file);

/// One folder under partners/ with its files and their typed model. A
/// typed value is present only when its file parsed and passed its schema,
/// so rules never see half-understood data.
struct PartnerFolder {
  std::string slug;
  std::string path;  ///< "partners/<slug>"
  const WorkspaceFile* partner_file = nullptr;
  const WorkspaceFile* agreement_file = nullptr;
  const WorkspaceFile* notes_file = nullptr;
  const WorkspaceFile* kpis_file = nullptr;
  const WorkspaceFile* issues_file = nullptr;
  const WorkspaceFile* compliance_file = nullptr;
  std::vector<const WorkspaceFile*> sow_files;
  std::optional<Partner> partner;
  std::optional<Agreement> agreement;
  std::vector<Invoice> invoices;
  std::vector<CreditNote> credit_notes;  ///< sorted by path, like invoices
  std::vector<Quote> quotes;
  std::vector<Sow> sows;                    ///< the SOW files that passed their schema, by path
  std::optional<Kpis> kpis;                 ///< kpis.yaml, when it passed its schema
  std::optional<IssueLog> issue_log;        ///< issues.yaml
  std::optional<ComplianceLog> compliance;  ///< compliance.yaml: the audits

  /// The folder's YAML files by path relative to the folder, decoded as
  /// guards ask for them.
  FolderDocuments documents() const;
  /// The invoice numbered `number`, or nullptr.
  const Invoice* invoice(std::string_view number) const;
  /// The sum credited on `number` by this folder's credit notes that are
  /// not void, in minor units.
  std::int64_t credited_minor(std::string_view number) const;
};

/// Where loading spent its time, for `validate --timings` and the bench.
/// Per-file phases are summed over worker threads (CPU time, roughly);
/// the others are wall time.
struct LoadTimings {
  double list_seconds = 0;
  double read_seconds = 0;
  double parse_seconds = 0;
  double schema_seconds = 0;
  double model_seconds = 0;
  double cache_seconds = 0;       ///< hashing, cache look-ups and decoding (per file, summed)
  double cache_save_seconds = 0;  ///< rewriting the parse cache, when it changed
  std::size_t cache_hits = 0;     ///< files rebuilt from the parse cache
  double wall_seconds = 0;
};

class Workspace {
 public:
  const Source& source() const { return *m_source; }
  const std::vector<std::unique_ptr<WorkspaceFile>>& files() const { return m_files; }
  const WorkspaceFile* file(std::string_view path) const;
  const std::vector<PartnerFolder>& partners() const { return m_partners; }
  const PartnerFolder* partner(std::string_view slug) const;
  const std::optional<Organisation>& organisation() const { return m_organisation; }
  const std::optional<Lifecycle>& lifecycle() const { return m_lifecycle; }
  const SchemaSet& schemas() const { return m_schemas; }
  /// True for a path that exists but was not loaded because it is not a
  /// regular file (a link, a directory, a pipe); loading has reported it,
  /// so rules must not also call the file missing.
  bool refused(std::string_view path) const;
  const LoadTimings& timings() const { return m_timings; }

 private:
  friend Workspace load_workspace(const Source&, const struct LoadOptions&, Diagnostics&);
  const Source* m_source = nullptr;
  std::vector<std::unique_ptr<WorkspaceFile>> m_files;  // sorted by path
  std::vector<PartnerFolder> m_partners;                // sorted by slug
  std::vector<std::string> m_refused;                   // sorted
  std::optional<Organisation> m_organisation;
  std::optional<Lifecycle> m_lifecycle;
  SchemaSet m_schemas;
  LoadTimings m_timings;
};

struct LoadOptions {
  unsigned jobs = 0;  ///< threads for parsing and schema checks; 0 = one per core
  yaml::ParseLimits limits;
  /// The parse cache's folder (model/parse_cache.hpp), or empty for none.
  /// Files found there skip yaml-cpp and the schema check; clean files
  /// parsed this run are added. A cache that cannot be written is skipped
  /// silently: it only ever saves time.
  std::filesystem::path cache_dir;
};

/// Opens the parse cache in `options.cache_dir` for the schemas of `source`
/// as they are now and the limits in `options` (a file cached under larger
/// limits must be checked again under smaller ones).
ParseCache open_parse_cache(const Source& source, const LoadOptions& options);

/// Loads the workspace at the root of `source`, which must outlive the
/// result. Problems with individual files are appended to `diagnostics`; the
/// rest of the workspace still loads.
Workspace load_workspace(const Source& source, const LoadOptions& options,
                         Diagnostics& diagnostics);

}  // namespace partnerops
