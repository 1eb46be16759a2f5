#pragma once
// The invoice run: from the executed agreements of a workspace, the draft
// invoices one billing month calls for. One draft per partner and month
// holds every fee billed that month (recurring fees, one-off fees, SOW
// milestones falling due) and the usage charges passed in from a usage file.
// A partner that already has an invoice for the month is skipped, so a run
// repeated for the same month creates nothing. Numbers continue the invoice
// sequence of the draft's issue year across the whole repository. The plan
// is computed, with every refusal, before anything is written.

#include <optional>
#include <string>
#include <vector>

#include "billing/period.hpp"
#include "diag/diagnostic.hpp"
#include "model/money.hpp"
#include "model/workspace.hpp"

namespace partnerops::billing {

/// One charge of a usage file: a cost incurred for a partner, passed
/// through at cost plus an optional service charge.
struct UsageCharge {
  std::string partner;
  std::string description;
  Field<std::string> cost;             ///< money text, parsed in the agreement's currency
  std::string service_charge_percent;  ///< decimal text, empty for none
  Position position;                   ///< the charge's place in the usage file
};

struct UsageFile {
  std::string path;
  Month period;
  Position period_position;
  std::vector<UsageCharge> charges;
};

/// Parses the usage file `path` holding `content` and checks it against
/// schemas/usage.schema.yaml from `schemas`. Returns nullopt after appending
/// the problems (syntax, schema) to `diagnostics`.
std::optional<UsageFile> read_usage_file(const std::string& path, const std::string& content,
                                         const SchemaSet& schemas, Diagnostics& diagnostics);

struct DraftLine {
  std::string description;
  std::int64_t amount_minor = 0;  ///< quantity is always 1: unit price = amount
};

/// A draft invoice the run will write, with its file's bytes.
struct DraftInvoice {
  std::string slug;
  std::string path;  ///< workspace-relative: partners/<slug>/invoices/<number>.yaml
  std::string number;
  std::string currency;
  std::string period;     ///< "YYYY-MM"
  std::string reference;  ///< the agreement's title
  std::string tax_label;
  std::string tax_rate;              ///< decimal text
  std::string tax_category;          ///< the rule's vat_category; empty when it names none
  std::string tax_exemption_reason;  ///< empty when the rule names none
  Date issue_date;
  Date due_date;
  std::vector<DraftLine> lines;
  std::int64_t subtotal_minor = 0;
  std::int64_t tax_minor = 0;
  std::int64_t total_minor = 0;
  std::string content;
};

struct RunRequest {
  Month period;
  Date today;                        ///< drafts are dated today, or the period's first day if later
  const UsageFile* usage = nullptr;  ///< optional
};

struct RunPlan {
  std::vector<DraftInvoice> invoices;         ///< by partner slug
  std::vector<std::string> already_invoiced;  ///< slugs skipped: an invoice for the period exists
};

/// Plans the run. Returns nullopt after appending refusals to `diagnostics`
/// (a usage file for another month or for an unknown partner, a cost that is
/// not money in the agreement's currency, a milestones fee without a SOW
/// holding milestones, an invoice numbering rule that cannot be used).
std::optional<RunPlan> plan_invoice_run(const Workspace& workspace, const RunRequest& request,
                                        Diagnostics& diagnostics);

/// The YAML text of `draft` as the run writes it, schema comment first.
std::string invoice_yaml(const DraftInvoice& draft);

}  // namespace partnerops::billing
