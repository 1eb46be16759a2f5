#pragma once
// A new organisation's repository, as `partnerops init` starts it: its
// partnerops.yaml filled from the options (what only the organisation knows
// is left as TODO placeholder text, which `validate` warns about until it is
// filled in), the toolkit's default schemas/ and templates/ as installed,
// the skeleton (the partners and tickler workflows, a .gitignore for out/
// and the cache, a README for the team), the record of the copied defaults
// (scaffold/defaults.hpp), and no partners. Planned in memory: the command
// checks the folder, writes the files and makes the first commit.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scaffold/defaults.hpp"

namespace partnerops::scaffold {

struct NewOrganisationRequest {
  std::string name;            ///< --name, the short name used in prose
  std::string currency;        ///< ISO 4217, e.g. USD
  std::string fiscal_sponsor;  ///< the sponsor's name; empty: none
  std::string person_name;     ///< who runs init (git's user.name): first signatory
  std::string person_email;    ///< and first member of every role (user.email)
  std::string toolkit_version;
};

/// partnerops.yaml for `request`: valid against the schema from the start.
std::string organisation_settings(const NewOrganisationRequest& request);

/// Every file of the new repository, sorted by path: `defaults` (schemas/,
/// templates/), the skeleton folder's files (README.md with @ORGANISATION@
/// and @TOOLKIT_VERSION@ filled in), partnerops.yaml and the record of the
/// defaults. nullopt with `error` when the request is unusable (an empty
/// name, a currency that is not three capitals) or the skeleton cannot be
/// read.
std::optional<std::vector<DefaultFile>> plan_new_organisation(
    const NewOrganisationRequest& request, const std::vector<DefaultFile>& defaults,
    const std::filesystem::path& skeleton, std::string* error);

}  // namespace partnerops::scaffold
