#pragma once
// What `advance`, `record` and `new` share: load the one partner's folder from the
// working tree, plan the edit, print refusals as diagnostics, and apply the
// plan as one commit (or plain writes with --no-commit).

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"
#include "source/filtered_source.hpp"
#include "transitions/change_set.hpp"
#include "workspace_loader.hpp"

namespace partnerops::cli {

using Planner =
    std::function<std::optional<transitions::ChangeSet>(const Workspace&, Diagnostics&)>;

enum class DefaultBranch { create, current };

/// What a bookkeeping command loads: the one partner's folder (with
/// partnerops.yaml and schemas/), or every partner, when the change takes a
/// number from a sequence the whole organisation shares (a quote, a credit note).
enum class LoadScope { partner, organisation };

struct BookkeepingOptions {
  std::string path = ".";
  std::string slug;
  std::string branch;  ///< --branch NAME
  bool no_branch = false;
  bool make_branch = false;  ///< record's --branch without a name
  bool no_commit = false;
  std::string date;
  LoadScope scope = LoadScope::partner;
  /// When set, what is loaded instead of `scope`'s files (e.g. `invoice
  /// issue`: the partner's folder and every partner's invoices).
  PathFilter view;
};

/// Adds the commit options of a command that commits on the current branch
/// unless told otherwise: `--branch [NAME]` (a new branch, named
/// `branch_default` when no NAME is given), `--no-branch` and `--no-commit`.
/// Returns `--branch`: CLI11 tells an option given without its optional
/// value only by its count, so the runner sets `make_branch` from
/// `count() > 0` once the command line is parsed.
CLI::Option* add_commit_options(CLI::App& sub, BookkeepingOptions& options,
                                std::string_view branch_default);

/// False, after saying so on stderr, when both --branch and --no-branch
/// were given.
bool branch_options_agree(const BookkeepingOptions& options);

/// The date the command records: --date, or today when it is not given;
/// nullopt, after saying why on stderr, when --date is not a calendar date.
std::optional<Date> bookkeeping_date(const BookkeepingOptions& options);

/// Runs one bookkeeping command through `loader` (which must need
/// Needs::commit); returns its exit code. `default_branch`
/// says whether the command makes a branch unless told otherwise. A plan
/// without edits (the change is already recorded) prints its message and
/// exits 0 without committing.
int run_bookkeeping(const Loader& loader, const BookkeepingOptions& options,
                    DefaultBranch default_branch, const Planner& plan);

/// A planner for a change to one invoice, given the slug of the partner
/// whose folder holds it.
using InvoicePlanner = std::function<std::optional<transitions::ChangeSet>(
    const std::string& slug, const Workspace&, Diagnostics&)>;

/// Runs a bookkeeping command about the issued invoice `number` (`invoice
/// pay`, `invoice sponsor-number`): finds the partner whose folder holds
/// it without loading anything, refuses an unknown number with the nearest
/// one as hint, then loads that partner and commits on the current branch.
int run_invoice_bookkeeping(const Loader& loader, BookkeepingOptions options,
                            const std::string& number, const InvoicePlanner& plan);

/// Prints `refusals` (already complete) the way run_bookkeeping prints a
/// refused plan, for commands that refuse before loading anything; returns 1.
int print_refusal(Diagnostics refusals);

}  // namespace partnerops::cli
