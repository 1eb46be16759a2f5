// Writing the site (site/site_folder): only changed pages are written,
// pages the site no longer has are removed, files the site never wrote are
// left alone, and PDF links are made only to PDFs that are there.

#include "site/site_folder.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace partnerops::testing {
namespace {

namespace fs = std::filesystem;

struct timespec modified(const fs::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mtim;
}

bool same_time(const struct timespec& a, const struct timespec& b) {
  return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

site::WriteSummary write(const fs::path& folder, const std::vector<site::Page>& pages) {
  std::string error;
  const std::optional<site::WriteSummary> summary =
      site::write_site(folder, pages, nullptr, &error);
  EXPECT_TRUE(summary) << error;
  return summary.value_or(site::WriteSummary{});
}

TEST(SiteFolderTest, WritesChangedPagesOnlyAndRemovesStaleOnes) {
  TempDir dir;
  const fs::path site = dir.path() / "out" / "site";
  site::WriteSummary first =
      write(site, {{"index.html", "one"}, {"partners/a.html", "a"}, {"partners/b.html", "b"}});
  EXPECT_EQ(first.written, 3u);
  EXPECT_EQ(read_file(site / "partners" / "a.html"), "a");
  write_file(site / "CNAME", "partners.example.org\n");  // not the site's

  const struct timespec a_before = modified(site / "partners" / "a.html");
  const struct timespec index_before = modified(site / "index.html");
  site::WriteSummary second =
      write(site, {{"index.html", "two"}, {"partners/a.html", "a"}, {"partners/b.html", "b"}});
  EXPECT_EQ(second.written, 1u);
  EXPECT_EQ(second.unchanged, 2u);
  EXPECT_EQ(second.removed, 0u);
  EXPECT_TRUE(same_time(modified(site / "partners" / "a.html"), a_before));
  EXPECT_EQ(read_file(site / "index.html"), "two");
  (void)index_before;

  // A page of the same size but other bytes is rewritten too.
  site::WriteSummary third = write(site, {{"index.html", "six"}, {"partners/a.html", "a"}});
  EXPECT_EQ(third.written, 1u);
  EXPECT_EQ(third.unchanged, 1u);
  EXPECT_EQ(third.removed, 1u);
  EXPECT_FALSE(fs::exists(site / "partners" / "b.html"));
  EXPECT_EQ(read_file(site / "CNAME"), "partners.example.org\n");

  // The last partner page gone: its folder goes with it.
  site::WriteSummary fourth = write(site, {{"index.html", "six"}});
  EXPECT_EQ(fourth.removed, 1u);
  EXPECT_FALSE(fs::exists(site / "partners"));
  EXPECT_TRUE(fs::exists(site / "CNAME"));
  EXPECT_EQ(read_file(site / site::k_site_record), "index.html\n");
}

TEST(SiteFolderTest, RemovesOnlyWhatItsRecordLists) {
  TempDir dir;
  const fs::path site = dir.path() / "site";
  write_file(site / "partners" / "hand-made.html", "mine");
  write(site, {{"index.html", "x"}});
  EXPECT_EQ(read_file(site / "partners" / "hand-made.html"), "mine");
  // A record naming a path outside the folder is not followed.
  write_file(site / site::k_site_record, "index.html\n../outside.txt\n");
  write_file(dir.path() / "outside.txt", "keep");
  EXPECT_EQ(write(site, {{"index.html", "x"}}).removed, 0u);
  EXPECT_EQ(read_file(dir.path() / "outside.txt"), "keep");
}

TEST(SiteFolderTest, RefusesAPageOutsideTheFolderAndWritesNothing) {
  TempDir dir;
  std::string error;
  EXPECT_FALSE(site::write_site(dir.path() / "site", {{"index.html", "x"}, {"../escape.html", "y"}},
                                nullptr, &error));
  EXPECT_EQ(error, "refusing to write the page '../escape.html': not a plain relative path");
  EXPECT_FALSE(fs::exists(dir.path() / "escape.html"));
  EXPECT_FALSE(fs::exists(dir.path() / "site" / "index.html"));
}

TEST(SiteFolderTest, RemovesTheTemporaryFilesOfAnInterruptedRun) {
  TempDir dir;
  const fs::path site = dir.path() / "site";
  write_file(site / "partners" / ".a.html.partnerops-tmp-AbC123", "half");
  write(site, {{"partners/a.html", "a"}});
  EXPECT_FALSE(fs::exists(site / "partners" / ".a.html.partnerops-tmp-AbC123"));
}

TEST(SiteFolderTest, LinksPdfsThatAreThereRelativeToTheSite) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  write_file(out / "acme corp" / "invoice-INV-1.pdf", "%PDF");
  fs::create_directories(out / "acme corp" / "folder.pdf");
  const site::DocumentHref href = site::built_pdf_links(out, out / "site");
  EXPECT_EQ(href("acme corp/invoice-INV-1.pdf"), "../acme%20corp/invoice-INV-1.pdf");
  EXPECT_EQ(href("acme corp/invoice-INV-2.pdf"), std::nullopt);
  EXPECT_EQ(href("acme corp/folder.pdf"), std::nullopt);
  EXPECT_EQ(href("../etc/passwd"), std::nullopt);
  // A site published at the build folder's root links down into it.
  EXPECT_EQ(site::built_pdf_links(out, out)("acme corp/invoice-INV-1.pdf"),
            "acme%20corp/invoice-INV-1.pdf");
}

}  // namespace
}  // namespace partnerops::testing
