#pragma once
// A view of a Source that shows only what billing reads: partnerops.yaml,
// schemas/, and in each partner folder agreement.yaml, sow/, invoices/ and
// credit-notes/. An invoice run reads every agreement and every invoice
// number, but nothing of partner.yaml, notes, KPIs, issue logs or quotes;
// leaving those unloaded halves the files to parse and schema-check in a
// large organisation. Links and other non-files stay visible everywhere
// under partners/, so loading still refuses them.

#include <memory>

#include "source/source.hpp"

namespace partnerops::billing {

/// A Source over `inner` (which must outlive it) limited as above.
std::unique_ptr<Source> scope_to_billing(const Source& inner);

}  // namespace partnerops::billing
