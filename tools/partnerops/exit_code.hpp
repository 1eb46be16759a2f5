#pragma once
// The exit codes every command shares.

namespace partnerops::cli {

/// 0 done (warnings allowed); 1 problems found, refused or failed; 2 the
/// command line was wrong (unknown command, bad option, missing folder).
enum ExitCode : int { k_exit_clean = 0, k_exit_problems = 1, k_exit_usage = 2 };

}  // namespace partnerops::cli
