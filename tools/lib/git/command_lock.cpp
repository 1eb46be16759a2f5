#include "git/command_lock.hpp"

namespace partnerops::git {

std::chrono::milliseconds lock_timeout() { return util::lock_timeout(std::chrono::seconds(10)); }

bool CommandLock::acquire(const std::filesystem::path& git_dir, std::chrono::milliseconds timeout,
                          const Notify& notify, std::string* error) {
  static const util::LockWording wording{
      "another partnerops command",
      "is still changing this repository; nothing was changed, run the command again when it "
      "has finished",
      "a partnerops command"};
  return m_lock.acquire(git_dir / "partnerops.lock", timeout, wording, notify, error);
}

}  // namespace partnerops::git
