#pragma once
// `partnerops init --update`: brings the installed toolkit's schemas and
// templates into an organisation's repository. The JSON Schemas
// (*.schema.yaml) are the toolkit's rules, which its code relies on, so they
// always take the installed version. Every other file (templates, the
// lifecycle) is replaced only when the organisation left it as copied: its
// digest still matches the record (scaffold/defaults.hpp). A file the
// organisation edited is left alone and reported; a file new in the
// defaults is added. partnerops.yaml's toolkit_version moves to the
// installed version. Planned in memory; the command shows or writes it.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scaffold/defaults.hpp"

namespace partnerops::scaffold {

enum class UpdateAction {
  added,        ///< new in the defaults
  updated,      ///< replaced by the installed version
  kept_edited,  ///< differs from the installed version, but edited here: left alone
  current,      ///< already the installed version
};

std::string_view to_string(UpdateAction action);

struct UpdateEntry {
  std::string path;
  UpdateAction action;
};

struct DefaultsUpdate {
  std::vector<UpdateEntry> entries;  ///< one per default file, sorted by path
  std::vector<DefaultFile> writes;   ///< what to write; empty when nothing changes
};

/// Reads a repository file by its '/'-separated path; nullopt when it does not exist.
using ReadFile = std::function<std::optional<std::string>(const std::string& path)>;

/// Plans the update of the repository `read` shows to `defaults` of
/// `version`. The writes include partnerops.yaml (its toolkit_version line
/// set) and the record, whenever anything else changes or the version moves.
DefaultsUpdate plan_defaults_update(const std::vector<DefaultFile>& defaults, const ReadFile& read,
                                    const std::string& version);

/// `settings` (partnerops.yaml's text) with its top-level toolkit_version
/// set to `version`: the line replaced, or added before the first line that
/// is not a comment.
std::string with_toolkit_version(const std::string& settings, const std::string& version);

}  // namespace partnerops::scaffold
