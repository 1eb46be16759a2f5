// Whether the organisation's schemas and templates are current: partnerops.yaml
// names the toolkit version they came from (toolkit_version, written by
// `init`), and the installed toolkit's defaults are those of the running
// program's version. When the program is newer, `init --update` has changes
// to offer; the repository keeps working meanwhile, so this is a warning.

#include "check/toolkit_checks.hpp"

#include <array>
#include <charconv>
#include <optional>

#include "version.hpp"

namespace partnerops {

namespace {

using Version = std::array<unsigned long, 3>;

/// "1.2.3" as its three numbers; nullopt for anything else (the schema has
/// already reported a malformed version).
std::optional<Version> parse_version(std::string_view text) {
  Version version{};
  const char* at = text.data();
  const char* end = text.data() + text.size();
  for (std::size_t i = 0; i < version.size(); ++i) {
    const auto [next, error] = std::from_chars(at, end, version[i]);
    if (error != std::errc() || next == at) return std::nullopt;
    at = next;
    if (i + 1 < version.size()) {
      if (at == end || *at != '.') return std::nullopt;
      ++at;
    }
  }
  if (at != end) return std::nullopt;
  return version;
}

}  // namespace

void check_toolkit_version(const CheckContext& context) {
  const std::optional<Organisation>& organisation = context.workspace.organisation();
  if (!organisation) return;
  // The one setting no command acts on, so it is read here rather than made
  // a field of model/organisation.
  const WorkspaceFile* file = context.workspace.file(organisation->file);
  const std::shared_ptr<const yaml::Document> tree = file ? file->document() : nullptr;
  const yaml::Node* version = tree ? tree->root().find("toolkit_version") : nullptr;
  if (!version || !version->is_string()) return;
  const std::optional<Version> recorded = parse_version(version->text());
  const std::optional<Version> installed = parse_version(k_version);
  if (!recorded || !installed || *recorded >= *installed) return;
  context.diagnostics.warning(
      "toolkit-outdated", organisation->file, version->position(),
      "the schemas and templates come from partnerops " + std::string(version->text()) +
          ", but partnerops " + k_version + " is installed, with newer defaults",
      "run `partnerops init --update` to see and bring in the new schemas and templates");
}

}  // namespace partnerops
