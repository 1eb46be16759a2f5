// Checks of the compliance audits (compliance.yaml) against the agreement:
// every result names a requirement the agreement lists, word for word, and
// an audit gives one result per requirement.

#include <set>

#include "check/checks.hpp"
#include "util/text.hpp"

namespace partnerops {

void check_compliance(const CheckContext& context) {
  Diagnostics& out = context.diagnostics;
  for (const PartnerFolder& folder : context.workspace.partners()) {
    if (!folder.compliance) continue;
    // An agreement that exists but did not load has been reported; its
    // requirements are unknown, not missing.
    if (folder.agreement_file && !folder.agreement) continue;
    std::vector<std::string> listed;
    if (folder.agreement)
      for (const Field<std::string>& requirement : folder.agreement->compliance)
        listed.push_back(requirement.value);
    const std::set<std::string> known(listed.begin(), listed.end());
    for (const ComplianceAudit& audit : folder.compliance->audits) {
      std::set<std::string> seen;
      const std::string when = audit.date ? " of " + audit.date->value.iso() : std::string();
      for (const ComplianceResult& result : audit.results) {
        const std::string& name = result.requirement.value;
        if (!known.count(name)) {
          const std::string near = util::closest(name, listed, name.size() / 4 + 2);
          out.error("compliance-unknown-requirement", folder.compliance->file,
                    result.requirement.position,
                    "the audit" + when + " names the requirement '" + name +
                        "', which agreement.yaml's compliance list does not hold",
                    listed.empty() ? std::string("agreement.yaml lists no compliance requirements")
                    : near.empty() ? "name it word for word as agreement.yaml lists it"
                                   : "did you mean '" + near + "'?");
          continue;
        }
        if (!seen.insert(name).second)
          out.error("compliance-duplicate-result", folder.compliance->file,
                    result.requirement.position,
                    "the audit" + when + " gives a second result for '" + name + "'",
                    "keep one result per requirement in each audit");
      }
    }
  }
}

}  // namespace partnerops
