#include "util/fault_point.hpp"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <string>

namespace partnerops::util {

namespace {

constexpr std::array<std::string_view, 12> k_points = {
    "locked",               // the command lock is held, nothing read yet
    "objects-written",      // blobs, tree and commit are in the object database
    "journal-written",      // .git/partnerops-pending records the commit about to land
    "temporaries-written",  // the new files exist beside their targets, not yet renamed
    "first-renamed",        // one target has its new bytes, the others not yet
    "files-written",        // every target has its new bytes
    "index-written",        // the index holds the new entries
    "branch-created",       // a new branch points at the commit, HEAD not yet moved
    "ref-moved",            // the commit has landed
    "journal-removed",      // nothing left to finish or undo
    "undo-files-restored",  // undoing an interrupted commit: files back, index not yet
    "undo-index-restored",  // undoing: index back, journal not yet removed
};

}  // namespace

std::span<const std::string_view> fault_points() { return k_points; }

#ifdef PARTNEROPS_FAULT_INJECTION

bool fault_injection_enabled() { return true; }

void fault_point(std::string_view name) {
  if (const char* delay = std::getenv("PARTNEROPS_FAULT_DELAY_MS")) {
    const long ms = std::strtol(delay, nullptr, 10);
    if (ms > 0) ::usleep(static_cast<useconds_t>(ms) * 1000);
  }
  const char* kill_at = std::getenv("PARTNEROPS_FAULT_KILL");
  if (kill_at != nullptr && name == kill_at) ::kill(::getpid(), SIGKILL);
}

#else

bool fault_injection_enabled() { return false; }

void fault_point(std::string_view) {}

#endif

}  // namespace partnerops::util
