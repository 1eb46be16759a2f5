// The build manifest: a document is skipped only while its file holds the
// bytes the manifest recorded, whatever replaced it since; the files a build
// is writing are remembered across a save; a manifest of the first format
// (input hashes only) vouches for nothing.

#include "documents/manifest.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/files.hpp"
#include "support/temp_dir.hpp"
#include "util/digest.hpp"

namespace partnerops {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::TempDir;
using testing::write_file;

std::string sha256_of(const std::string& bytes) {
  util::Sha256 digest;
  digest.add(bytes);
  return digest.hex();
}

// Replaces `path` by a new file (a new inode), as a build's rename does.
void replace_file(const fs::path& path, const std::string& bytes) {
  const fs::path temporary = path.string() + ".new";
  write_file(temporary, bytes);
  fs::rename(temporary, path);
}

std::uint64_t inode_of(const fs::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0);
  return static_cast<std::uint64_t>(info.st_ino);
}

TEST(Manifest, RecordsTheBytesOnDiskAndSkipsOnlyWhileTheFileHoldsThem) {
  TempDir dir;
  write_file(dir.path() / "acme/invoice.pdf", "%PDF one");
  Manifest manifest = Manifest::load(dir.path());
  EXPECT_FALSE(manifest.up_to_date("acme/invoice.pdf", "input-1"));
  std::string error;
  ASSERT_TRUE(manifest.record("acme/invoice.pdf", "input-1", &error)) << error;
  EXPECT_EQ(manifest.entries().at("acme/invoice.pdf").sha256, sha256_of("%PDF one"));
  EXPECT_EQ(manifest.entries().at("acme/invoice.pdf").size, 8u);
  EXPECT_TRUE(manifest.up_to_date("acme/invoice.pdf", "input-1"));
  EXPECT_FALSE(manifest.up_to_date("acme/invoice.pdf", "input-2"));

  // Another build (or one killed after its rename) wrote other bytes of
  // the same size: not up to date, though the input hash matches.
  replace_file(dir.path() / "acme/invoice.pdf", "%PDF two");
  EXPECT_FALSE(manifest.up_to_date("acme/invoice.pdf", "input-1"));
  // The same bytes as recorded, in a new file (restored from a cache): up
  // to date, and the entry learns the new file.
  ASSERT_TRUE(manifest.save(&error)) << error;
  replace_file(dir.path() / "acme/invoice.pdf", "%PDF one");
  EXPECT_FALSE(manifest.changed());
  EXPECT_TRUE(manifest.up_to_date("acme/invoice.pdf", "input-1"));
  EXPECT_TRUE(manifest.changed());
  EXPECT_EQ(manifest.entries().at("acme/invoice.pdf").inode,
            inode_of(dir.path() / "acme/invoice.pdf"));
  fs::remove(dir.path() / "acme/invoice.pdf");
  EXPECT_FALSE(manifest.up_to_date("acme/invoice.pdf", "input-1"));
}

TEST(Manifest, RecordingAFileThatIsNotThereFailsAndDropsTheEntry) {
  TempDir dir;
  write_file(dir.path() / "a.pdf", "%PDF");
  Manifest manifest = Manifest::load(dir.path());
  std::string error;
  ASSERT_TRUE(manifest.record("a.pdf", "input", &error));
  fs::remove(dir.path() / "a.pdf");
  EXPECT_FALSE(manifest.record("a.pdf", "input", &error));
  EXPECT_EQ(error, "cannot read " + (dir.path() / "a.pdf").string() + ": not a regular file");
  EXPECT_TRUE(manifest.entries().empty());
}

TEST(Manifest, SavesEntriesAndTheFilesBeingWrittenAndReadsThemBack) {
  TempDir dir;
  write_file(dir.path() / "a.pdf", "%PDF a");
  Manifest manifest = Manifest::load(dir.path());
  std::string error;
  ASSERT_TRUE(manifest.record("a.pdf", "input-a", &error)) << error;
  manifest.begin_writing({"b.pdf", "b.html"});
  ASSERT_TRUE(manifest.save(&error)) << error;
  EXPECT_FALSE(manifest.changed());

  Manifest again = Manifest::load(dir.path());
  EXPECT_EQ(again.writing(), (std::set<std::string>{"b.html", "b.pdf"}));
  ASSERT_EQ(again.entries().size(), 1u);
  const Manifest::Entry& entry = again.entries().at("a.pdf");
  EXPECT_EQ(entry.input, "input-a");
  EXPECT_EQ(entry.sha256, sha256_of("%PDF a"));
  EXPECT_EQ(entry.mtime_ns, manifest.entries().at("a.pdf").mtime_ns);
  EXPECT_TRUE(again.up_to_date("a.pdf", "input-a"));
  EXPECT_FALSE(again.changed());

  // A finished build empties the list.
  again.end_writing();
  EXPECT_TRUE(again.changed());
  ASSERT_TRUE(again.save(&error)) << error;
  EXPECT_EQ(read_file(Manifest::path_in(dir.path())).find("writing"), std::string::npos);
}

TEST(Manifest, TheFirstFormatVouchesForNothing) {
  TempDir dir;
  write_file(dir.path() / "a.pdf", "%PDF a");
  write_file(Manifest::path_in(dir.path()), R"({"format": 1, "outputs": {"a.pdf": "input-a"}})");
  Manifest manifest = Manifest::load(dir.path());
  EXPECT_TRUE(manifest.entries().empty());
  EXPECT_FALSE(manifest.up_to_date("a.pdf", "input-a"));
}

TEST(Manifest, ADamagedManifestIsEmpty) {
  TempDir dir;
  write_file(Manifest::path_in(dir.path()), "{\"format\": 2, \"outputs\": {\"a.pdf\": ");
  Manifest manifest = Manifest::load(dir.path());
  EXPECT_TRUE(manifest.entries().empty());
  EXPECT_TRUE(manifest.writing().empty());
}

}  // namespace
}  // namespace partnerops
