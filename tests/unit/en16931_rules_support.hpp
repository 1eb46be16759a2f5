#pragma once
// An EN 16931 checker of our own for the tests: reads a CII or UBL document
// back by business term (the syntax bindings' paths, through libxml2's
// XPath) and checks the business rules that can apply to our invoices. It
// reads only the XML, never the model it was made from, so a wrong sum or a
// missing term in the writers shows as a broken rule.

#include <string>
#include <vector>

namespace partnerops::testing {

/// The rules `xml` breaks, as their identifiers ("BR-CO-10", "BR-AE-02",
/// …), in the order they are checked; empty when it conforms. A document
/// that does not parse breaks "XML".
std::vector<std::string> cii_violations(const std::string& xml);
std::vector<std::string> ubl_violations(const std::string& xml);

/// The identifiers of every rule the checker knows, for the closing note
/// and for the test that breaks each on purpose.
const std::vector<std::string>& checked_rules();

}  // namespace partnerops::testing
