// partnerops record SLUG ITEM [--date D] [--force] [--branch [NAME] | --no-branch] [--no-commit]
//                   [PATH]
// partnerops record SLUG compliance-audit --auditor WHO [--met REQ]... [--not-met REQ
//                   --finding TEXT --action TEXT]... [--date D] [commit options] [PATH]
//
// Marks an SOP checklist item as done in partner.yaml and commits that one
// file. A recorded date is kept, and an item of another stage or before its
// required items is refused, unless --force. Recording is routine bookkeeping, so it commits on the
// current branch by default; --branch makes a branch (record/<slug>-<item> unless named). Exit 0
// done, 1 refused (nothing changed), 2 usage error.
//
// With --auditor, `compliance-audit` records an audit instead
// (transitions/record_audit): appended to compliance.yaml, with the checklist
// item marked done by the first audit. Each --not-met takes the --finding and
// --action given in the same position.

#include <iostream>

#include "bookkeeping.hpp"
#include "command.hpp"
#include "model/date.hpp"
#include "transitions/record.hpp"
#include "transitions/record_audit.hpp"

namespace partnerops::cli {

namespace {

struct RecordOptions {
  BookkeepingOptions common;
  std::string item;
  bool force = false;
  std::string auditor;
  std::vector<std::string> met;
  std::vector<std::string> not_met;
  std::vector<std::string> findings;
  std::vector<std::string> actions;
};

/// The audit the options describe, or nullopt after saying on stderr why
/// they do not make one.
std::optional<transitions::AuditRequest> audit_request(const RecordOptions& options, Date date) {
  const auto refuse = [](const std::string& why) {
    std::cerr << "partnerops record: " << why << "\n";
    return std::nullopt;
  };
  if (options.item != k_compliance_audit_item)
    return refuse("--auditor, --met and --not-met record a compliance audit: give the item " +
                  std::string(k_compliance_audit_item));
  if (options.auditor.empty()) return refuse("an audit needs --auditor");
  if (options.met.empty() && options.not_met.empty())
    return refuse("an audit needs at least one --met or --not-met requirement");
  if (options.findings.size() != options.not_met.size() ||
      options.actions.size() != options.not_met.size())
    return refuse("each --not-met needs its own --finding and --action (" +
                  std::to_string(options.not_met.size()) + " --not-met, " +
                  std::to_string(options.findings.size()) + " --finding, " +
                  std::to_string(options.actions.size()) + " --action)");
  transitions::AuditRequest request{options.common.slug, date, options.auditor, options.met, {}};
  for (std::size_t i = 0; i < options.not_met.size(); ++i)
    request.not_met.push_back({options.not_met[i], options.findings[i], options.actions[i]});
  return request;
}

int run_record(const Loader& loader, const RecordOptions& options) {
  if (!branch_options_agree(options.common)) return k_exit_usage;
  const std::optional<Date> date = bookkeeping_date(options.common);
  if (!date) return k_exit_usage;
  if (!options.auditor.empty() || !options.met.empty() || !options.not_met.empty() ||
      !options.findings.empty() || !options.actions.empty()) {
    const std::optional<transitions::AuditRequest> audit = audit_request(options, *date);
    if (!audit) return k_exit_usage;
    return run_bookkeeping(loader, options.common, DefaultBranch::current,
                           [&audit](const Workspace& workspace, Diagnostics& diagnostics) {
                             return transitions::plan_record_audit(workspace, *audit, diagnostics);
                           });
  }
  const transitions::RecordRequest request{options.common.slug, options.item, *date, options.force};
  return run_bookkeeping(loader, options.common, DefaultBranch::current,
                         [&request](const Workspace& workspace, Diagnostics& diagnostics) {
                           return transitions::plan_record(workspace, request, diagnostics);
                         });
}

}  // namespace

Runner define_record(CLI::App& sub) {
  auto options = std::make_shared<RecordOptions>();
  sub.add_option("slug", options->common.slug, "The partner's folder name")->required();
  sub.add_option("item", options->item, "A checklist item id from schemas/lifecycle.yaml")
      ->required();
  sub.add_option("path", options->common.path,
                 "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--date", options->common.date, "When it was done (YYYY-MM-DD; default today)");
  sub.add_flag("--force", options->force,
               "Replace a date already recorded; record an item of another stage, or before the "
               "items it requires");
  sub.add_option("--auditor", options->auditor,
                 "compliance-audit: who audited; records an audit in compliance.yaml");
  sub.add_option("--met", options->met,
                 "compliance-audit: a requirement met (its number, its text or the start of it)");
  sub.add_option("--not-met", options->not_met,
                 "compliance-audit: a requirement not met; give --finding and --action for each");
  sub.add_option("--finding", options->findings, "What the audit found, per --not-met");
  sub.add_option("--action", options->actions, "The corrective action agreed, per --not-met");
  CLI::Option* branch = add_commit_options(sub, options->common, "record/<slug>-<item>");
  return [options, branch](const Loader& loader) {
    options->common.make_branch = branch->count() > 0;
    return run_record(loader, *options);
  };
}

}  // namespace partnerops::cli
