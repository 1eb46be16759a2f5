#include "util/deferred_signals.hpp"

#include <pthread.h>

#include <initializer_list>

namespace partnerops::util {

namespace {

sigset_t termination_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&set, signal);
  return set;
}

}  // namespace

DeferredSignals::DeferredSignals() {
  const sigset_t set = termination_signals();
  pthread_sigmask(SIG_BLOCK, &set, &m_old);
}

DeferredSignals::~DeferredSignals() { pthread_sigmask(SIG_SETMASK, &m_old, nullptr); }

bool DeferredSignals::pending() const {
  sigset_t waiting;
  sigemptyset(&waiting);
  if (sigpending(&waiting) != 0) return false;
  for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
    if (sigismember(&waiting, signal) == 1 && sigismember(&m_old, signal) != 1) return true;
  return false;
}

int DeferredSignals::wait() const {
  const sigset_t set = termination_signals();
  int signal = 0;
  while (sigwait(&set, &signal) != 0) {
  }
  return signal;
}

}  // namespace partnerops::util
