#pragma once
// Watching processes from a test: the children of a process (a build's
// workers), whether one still runs, and waiting for a condition.

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <vector>

namespace partnerops::testing {

/// The running processes whose parent is `pid` (zombies left out).
std::vector<pid_t> children_of(pid_t pid);

/// True while `pid` exists and is not a zombie waiting to be reaped.
bool running(pid_t pid);

/// Polls `condition` every 10 ms until it holds or `limit` has passed;
/// whether it held.
bool holds_within(std::chrono::milliseconds limit, const std::function<bool()>& condition);

}  // namespace partnerops::testing
