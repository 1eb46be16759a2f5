#pragma once
// The one place a command's workspace is opened and loaded. Each entry of
// the command table (command.hpp) says what the command needs; the loader
// made from it opens the working tree or a revision, takes the command
// lock and opens the repository for a command that commits, loads through
// the parse cache for a reading command, and says "not a workspace" when
// what the command cannot do without did not load. Diagnostics are printed
// with their source lines by print_problems, here too.

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "diag/diagnostic.hpp"
#include "diag/format.hpp"
#include "git/command_lock.hpp"
#include "git/repository_in_background.hpp"
#include "model/workspace.hpp"
#include "source/source.hpp"
#include "source_option.hpp"

namespace partnerops::cli {

/// What a command needs before it can work, as flags (ninja's "when to
/// run", libgit2's "needs a repository").
enum class Needs : unsigned {
  nothing = 0,             ///< a group of commands, or a command that reads no workspace
  working_tree = 1u << 0,  ///< PATH, a folder holding partnerops.yaml
  revision = 1u << 1,      ///< or, with --rev REV, the tree of a commit (nothing checked out)
  parse_cache = 1u << 2,   ///< files that passed before come from the parse cache; kept until exit
  commit = 1u << 3,        ///< the command lock and the repository, to commit to
};

constexpr Needs operator|(Needs a, Needs b) {
  return static_cast<Needs>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}
constexpr Needs operator&(Needs a, Needs b) {
  return static_cast<Needs>(static_cast<unsigned>(a) & static_cast<unsigned>(b));
}
/// True when `set` holds every flag of `flags`.
constexpr bool has(Needs set, Needs flags) { return (set & flags) == flags; }

/// What must have loaded for the command to be worth running; otherwise the
/// loader says "PATH is not a workspace" and the command exits 2.
enum class Require { nothing, organisation, organisation_and_lifecycle };

/// What a committing command is about to write: a dry run takes no lock,
/// and only a commit needs the repository.
enum class Writes { nothing, files, commit };

struct LoadRequest {
  explicit LoadRequest(std::string path_, std::string rev_ = {},
                       Require require_ = Require::nothing)
      : path(std::move(path_)), rev(std::move(rev_)), require(require_) {}

  std::string path;
  std::string rev;  ///< empty: the working tree at `path`
  /// The files the command reads (a partner's folder, the billing files),
  /// as a view of the whole tree; null loads everything.
  std::function<std::unique_ptr<Source>(const Source& tree)> view;
  unsigned jobs = 0;  ///< threads for parsing and schema checks; 0: one per core
  Require require;
  Writes writes = Writes::commit;  ///< read only when the command needs Needs::commit
};

/// A loaded workspace and everything that must outlive it: the source it
/// points into and, for a committing command, the lock held from before
/// loading until the commit, and the repository opened meanwhile.
struct LoadedWorkspace {
  git::CommandLock lock;  // declared first: released last
  std::optional<git::RepositoryInBackground> repository;
  OpenedSource opened;
  std::unique_ptr<Source> view;
  Diagnostics diagnostics;  ///< what loading found; printing them is the command's choice
  Workspace workspace;
};

class Loader {
 public:
  explicit Loader(Needs needs) : m_needs(needs) {}

  Needs needs() const { return m_needs; }

  /// This loader restricted to `subset` of its needs: `message --record`
  /// commits as `record` does, without the parse cache.
  Loader only(Needs subset) const { return Loader(m_needs & subset); }

  /// Opens and loads what `request` names, the way the command's needs say.
  /// On failure prints why (not a folder, unknown revision, lock held, not
  /// a workspace), sets `*exit_code` (2, or 1 when another command holds
  /// the lock) and returns null. A reading command's workspace (parse_cache)
  /// is never freed (keep_until_exit).
  std::shared_ptr<LoadedWorkspace> load(const LoadRequest& request, int* exit_code) const;

 private:
  Needs m_needs;
};

/// Prints `diagnostics` as `file:line: severity: message`, each followed
/// by its line of the workspace file and a caret, to `out` (colour when it
/// is a terminal).
void print_problems(const Diagnostics& diagnostics, const Workspace& workspace,
                    std::ostream& out = std::cerr,
                    DiagnosticFormat format = DiagnosticFormat::text);

}  // namespace partnerops::cli
