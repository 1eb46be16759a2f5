#pragma once
// Holding back Ctrl-C and termination requests across a short critical
// section (the last steps of a commit), so that a CI cancel or an impatient
// key press lands after the section instead of in the middle of it. SIGKILL
// cannot be held back; the commit path is safe against it by its order, and
// this only makes the common interruptions finish the section first.

#include <signal.h>

namespace partnerops::util {

/// Blocks SIGINT, SIGTERM, SIGHUP and SIGQUIT in the calling thread (the
/// only thread left when a command commits) from construction to
/// destruction; a signal that arrived meanwhile is delivered when the old
/// mask is restored, with its usual effect.
class DeferredSignals {
 public:
  DeferredSignals();
  ~DeferredSignals();
  DeferredSignals(const DeferredSignals&) = delete;
  DeferredSignals& operator=(const DeferredSignals&) = delete;

  /// True when one of those signals is waiting to be delivered.
  bool pending() const;

  /// Waits until one of those signals arrives and takes it (it is then not
  /// delivered when the mask is restored); returns its number. For a
  /// program that runs until it is told to stop (`preview`): block, start
  /// its threads (which inherit the mask), wait here.
  int wait() const;

 private:
  sigset_t m_old{};
};

}  // namespace partnerops::util
