#pragma once
// The partner lifecycle as data, read from schemas/lifecycle.yaml: the
// stages, the transitions allowed between them, the guards each transition
// must satisfy, and each stage's SOP checklist with its due rules. Nothing
// in C++ names a stage; the validator and `advance` both read this.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "yaml/node.hpp"

namespace partnerops {

struct ChecklistItem {
  std::string id;
  std::string title;
  std::string sop;                          ///< the SOP the step comes from
  std::optional<int> due_days;              ///< due this many days after entering the stage
  std::vector<std::string> required_items;  ///< `requires:` only due once these are done
  /// The command that records the item as it does the step (`recorded_by:`),
  /// e.g. "invoice-issue"; empty when only `record` does.
  std::string recorded_by;
};

struct Stage {
  std::string id;
  std::string title;
  std::string description;
  bool initial = false;
  bool terminal = false;
  std::vector<std::string> reasons;    ///< allowed closed_reason values, for terminal stages
  std::vector<std::string> documents;  ///< document kinds `build` makes in this stage
  std::vector<ChecklistItem> checklist;

  const ChecklistItem* item(std::string_view id) const;
};

/// A condition on a field of a file in the partner's folder.
struct Guard {
  enum class Kind { equals, present, every };
  std::string file;   ///< relative to the partner folder, e.g. "agreement.yaml"
  std::string field;  ///< dot path, e.g. "verbal_close.outcome"
  Kind kind = Kind::present;
  std::string equals;  ///< for equals: the scalar's text
  yaml::Kind equals_kind = yaml::Kind::string;
  std::vector<std::string> every_present;  ///< for every: fields each item must have
  std::string message;                     ///< what the guard requires, in words
};

struct Transition {
  std::string from;
  std::string to;
  std::vector<Guard> guards;
};

class Lifecycle {
 public:
  /// Reads a schema-checked lifecycle.yaml. Inconsistencies the schema cannot
  /// see (a transition naming an unknown stage) are reported.
  static Lifecycle read(const yaml::Document& document, Diagnostics& diagnostics);

  const std::vector<Stage>& stages() const { return m_stages; }
  const std::vector<Transition>& transitions() const { return m_transitions; }
  const Stage* stage(std::string_view id) const;
  const Transition* transition(std::string_view from, std::string_view to) const;
  std::vector<std::string> stage_ids() const;

 private:
  std::vector<Stage> m_stages;
  std::vector<Transition> m_transitions;
};

/// The files of one partner folder, by path relative to the folder, for
/// guards to look into. A file's tree is decoded the first time a guard
/// asks for it and kept while this lives: guards name one or two of a
/// folder's files, and trees are not kept in the workspace (see
/// WorkspaceFile::document()).
class FolderDocuments {
 public:
  using Decode = std::function<std::shared_ptr<const yaml::Document>()>;

  /// Adds the file `name`, whose tree `decode` gives (nullptr when it did
  /// not parse).
  void add(std::string name, Decode decode);
  /// False when the folder has no file `name`.
  bool has(std::string_view name) const;
  /// The tree of `name`, or nullptr when it is absent or did not parse.
  const yaml::Document* find(std::string_view name) const;

 private:
  struct File {
    Decode decode;
    mutable std::optional<std::shared_ptr<const yaml::Document>> tree;
  };
  std::map<std::string, File, std::less<>> m_files;
};

/// One guard that does not hold, with where to fix it.
struct UnmetGuard {
  const Guard* guard = nullptr;
  std::string file;    ///< workspace-relative path of the file to edit
  Position position;   ///< the field, or the nearest enclosing node
  std::string detail;  ///< what was found instead
};

/// Evaluates every guard of `transition` against the folder's documents.
/// Guards on a file that did not parse are skipped, not reported as unmet.
/// `folder` is the partner folder's workspace-relative path.
std::vector<UnmetGuard> unmet_guards(const Transition& transition, const FolderDocuments& documents,
                                     std::string_view folder);

}  // namespace partnerops
