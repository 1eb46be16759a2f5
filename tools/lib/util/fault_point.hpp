#pragma once
// Named moments in a multi-step write (the commit path) at which the tests
// stop the process, to check that a run killed there leaves the repository
// in a state the next run accepts. Build workers also mark
// "document-printed" after printing each document and before writing it,
// so a test can slow a build down and kill or stop it midway.
//
// Only test builds act on them: fault_point.cpp is compiled with
// PARTNEROPS_FAULT_INJECTION when the tests are built (CMakeLists.txt), and
// the function is empty otherwise, so no environment variable can make a
// release build stop or slow down. In a test build:
// - PARTNEROPS_FAULT_KILL=NAME kills the process with SIGKILL when it
//   reaches the point NAME (nothing runs after it: no destructor, no atexit);
// - PARTNEROPS_FAULT_DELAY_MS=N sleeps N milliseconds at every point, so a
//   test can kill the process between any two steps from outside.

#include <span>
#include <string_view>

namespace partnerops::util {

/// Marks the point `name` (one of fault_points(), or "document-printed").
void fault_point(std::string_view name);

/// Every point the commit path marks, in the order a commit reaches them;
/// the tests kill a run at each. "branch-created" is reached only when a
/// commit creates a branch, the "undo-" points only when a run undoes the
/// edits of an interrupted one.
std::span<const std::string_view> fault_points();

/// True in a build whose fault points act (a test build).
bool fault_injection_enabled();

}  // namespace partnerops::util
