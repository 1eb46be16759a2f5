#pragma once
// The issue log (partners/<slug>/issues.yaml, SOP template 5): each issue
// with who handles it, its status, its escalation to leadership and what
// was done about it. The issue-log document prints it in the order a
// reader acts on it: what is still open first, escalations at the top.

#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/field.hpp"
#include "model/reader.hpp"

namespace partnerops {

enum class IssueStatus { open, in_progress, escalated, resolved };

/// "open", "in-progress", "escalated", "resolved".
std::string_view name_of(IssueStatus status);

/// An issue taken past account level: when, to whom and why.
struct IssueEscalation {
  std::optional<Field<Date>> date;
  std::string to;
  std::string reason;
};

struct Issue {
  Field<std::string> id;
  std::string description;
  std::string category;  ///< operational, technical, … ; empty when not given
  std::string severity;  ///< low, medium, high; empty when not given
  std::optional<Field<Date>> date_reported;
  std::string responsible;
  Field<IssueStatus> status;
  std::string resolution;  ///< Markdown
  std::optional<Field<Date>> resolved_on;
  std::optional<IssueEscalation> escalation;
  std::vector<std::string> follow_up;
  std::string notes;  ///< Markdown
  Position position;  ///< the list item

  bool resolved() const { return status.value == IssueStatus::resolved; }
  /// Escalated: by status, or by an escalation record on an issue not yet
  /// resolved.
  bool escalated() const;
  /// Days from the report to the resolution, or to `today` while the issue
  /// is not resolved (or resolved without a date); nullopt without a
  /// reported date.
  std::optional<int> days_open(Date today) const;
};

struct IssueLog {
  std::string file;
  std::vector<Issue> issues;  ///< in file order
};

/// Reads a schema-checked issues.yaml; dates it cannot accept are reported
/// through the reader's diagnostics and left empty.
IssueLog read_issue_log(Reader& reader);

/// The issues in the order the issue log prints them: issues not resolved
/// before resolved ones; among those not resolved, escalated ones first,
/// then by severity (high, medium, low, unset); each group then by date
/// reported (oldest first, undated last) and id.
std::vector<const Issue*> issue_log_order(const IssueLog& log);

}  // namespace partnerops
