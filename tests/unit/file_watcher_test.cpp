#include "util/file_watcher.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace partnerops::util {
namespace {

namespace fs = std::filesystem;
using partnerops::testing::TempDir;
using partnerops::testing::write_file;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using namespace std::chrono_literals;

class FileWatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(dir.path() / "partnerops.yaml", "name: x\n");
    write_file(dir.path() / "partners" / "acme" / "partner.yaml", "slug: acme\n");
    std::string error;
    watcher = FileWatcher::open(dir.path(), {"partners", "templates"}, {"partnerops.yaml"}, &error);
    ASSERT_TRUE(watcher) << error;
  }

  TempDir dir;
  std::optional<FileWatcher> watcher;
};

TEST_F(FileWatcherTest, SeesAFileSavedInAWatchedFolder) {
  write_file(dir.path() / "partners" / "acme" / "partner.yaml", "slug: acme\nname: A\n");
  EXPECT_THAT(watcher->wait(2s), ElementsAre("partners/acme/partner.yaml"));
}

TEST_F(FileWatcherTest, SeesAFileOfTheRootReplacedByRename) {
  write_file(dir.path() / ".partnerops.yaml.tmp", "name: y\n");
  fs::rename(dir.path() / ".partnerops.yaml.tmp", dir.path() / "partnerops.yaml");
  EXPECT_THAT(watcher->wait(2s), ElementsAre("partnerops.yaml"));
}

TEST_F(FileWatcherTest, WatchesFoldersCreatedLater) {
  fs::create_directories(dir.path() / "partners" / "newco");
  EXPECT_THAT(watcher->wait(2s), ElementsAre("partners/newco"));
  write_file(dir.path() / "partners" / "newco" / "partner.yaml", "slug: newco\n");
  EXPECT_THAT(watcher->wait(2s), ElementsAre("partners/newco/partner.yaml"));
  // A watched folder that did not exist when watching began.
  fs::create_directories(dir.path() / "templates");
  EXPECT_THAT(watcher->wait(2s), ElementsAre("templates"));
  write_file(dir.path() / "templates" / "notes.mustache", "x");
  EXPECT_THAT(watcher->wait(2s), ElementsAre("templates/notes.mustache"));
}

TEST_F(FileWatcherTest, IgnoresWhatIsNotWatched) {
  write_file(dir.path() / "README.md", "x");
  write_file(dir.path() / "out" / "a.pdf", "x");
  EXPECT_THAT(watcher->wait(300ms), IsEmpty());
}

}  // namespace
}  // namespace partnerops::util
