// Hostile input that does not belong in git (10 MB files, links to /etc,
// pipes) is generated here, in a copy of the base workspace. Each case must
// end with exactly one diagnostic at an exact place and exit 1: no crash, no
// hang (ctest gives this binary a TIMEOUT), no file read through a link.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_halden = "partners/halden-hydrology-group/partner.yaml";

class Hostile : public ::testing::Test {
 protected:
  void SetUp() override { make_base_workspace(m_dir.path()); }

  fs::path at(const std::string& relative) const { return m_dir.path() / relative; }

  /// Runs validate in JSON and in text, checks both exit 1, and returns the
  /// JSON diagnostics; the text output is kept for leak checks.
  std::vector<std::string> validate() {
    const RunResult json = run_partnerops(
        {"validate", m_dir.path().string(), "--format", "json", "--today", "2026-11-23"});
    EXPECT_EQ(json.exit_code, 1) << json.out << json.err;
    m_text = run_partnerops({"validate", m_dir.path().string(), "--today", "2026-11-23"},
                            fs::current_path(), {"NO_COLOR=1"});
    EXPECT_EQ(m_text.exit_code, 1) << m_text.out << m_text.err;
    m_json_out = json.out;
    return diagnostic_lines(json.out);
  }

  TempDir m_dir;
  RunResult m_text;
  std::string m_json_out;
};

TEST_F(Hostile, TenMegabyteFileIsRefusedUnread) {
  std::string big = "slug: halden-hydrology-group\nnotes: \"";
  big.append(10 * 1024 * 1024, 'x');
  big += "\"\n";
  write_file(at(k_halden), big);
  EXPECT_EQ(validate(),
            std::vector<std::string>{"error file-too-large " + std::string(k_halden) + ":0:0"});
  EXPECT_NE(m_text.out.find("the file has 10485799 bytes, more than the limit of 1048576"),
            std::string::npos)
      << m_text.out;
}

TEST_F(Hostile, SymlinkedFileIsReportedNotFollowed) {
  fs::create_directories(at("partners/x"));
  fs::create_symlink("/etc/passwd", at("partners/x/partner.yaml"));
  EXPECT_EQ(validate(), std::vector<std::string>{"error file-symlink partners/x/partner.yaml:0:0"});
  EXPECT_EQ(m_text.out.find("root:x:0"), std::string::npos) << m_text.out;
  EXPECT_EQ(m_json_out.find("root:x:0"), std::string::npos) << m_json_out;
}

TEST_F(Hostile, SymlinkedPartnerFolderOutsideTheRepositoryIsReportedNotFollowed) {
  TempDir outside;
  fs::copy_file("/etc/passwd", outside.path() / "partner.yaml");
  write_file(outside.path() / "notes.md", "root:x:0:0:root:/root:/bin/sh\n");
  fs::create_directory_symlink(outside.path(), at("partners/elsewhere"));
  EXPECT_EQ(validate(), std::vector<std::string>{"error file-symlink partners/elsewhere:0:0"});
  EXPECT_EQ(m_text.out.find("root:x:0"), std::string::npos) << m_text.out;
  EXPECT_EQ(m_json_out.find("root:x:0"), std::string::npos) << m_json_out;
}

TEST_F(Hostile, DirectoryWhereAFileBelongs) {
  fs::create_directories(at("partners/x/partner.yaml"));
  EXPECT_EQ(validate(),
            std::vector<std::string>{"error file-not-regular partners/x/partner.yaml:0:0"});
}

TEST_F(Hostile, PipeWhereAFileBelongsIsNotOpened) {
  // Opening a pipe with no writer would block forever.
  fs::remove(at(k_halden));
  ASSERT_EQ(mkfifo(at(k_halden).c_str(), 0644), 0);
  EXPECT_EQ(validate(),
            std::vector<std::string>{"error file-not-regular " + std::string(k_halden) + ":0:0"});
}

TEST_F(Hostile, FiveThousandLevelsOfNesting) {
  write_file(at(k_halden), "slug: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  // The root mapping is level 1; the 200th '[' (column 7 + 199) is one too many.
  EXPECT_EQ(validate(),
            std::vector<std::string>{"error yaml-too-deep " + std::string(k_halden) + ":1:206"});
}

TEST_F(Hostile, AliasBombStopsWhileParsing) {
  std::string bomb =
      "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n";
  for (char name = 'b'; name <= 'i'; ++name) {
    const char previous = static_cast<char>(name - 1);
    bomb += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 9; ++i) bomb += std::string(i ? ", " : "") + "*" + previous;
    bomb += "]\n";
  }
  write_file(at(k_halden), bomb);
  // 9^6 values already exceed the limit: the bomb stops at its sixth level,
  // reported at that list's anchor (line 6, `f: &f [...]`).
  EXPECT_EQ(validate(),
            std::vector<std::string>{"error yaml-alias-bomb " + std::string(k_halden) + ":6:4"});
}

TEST_F(Hostile, InvalidUtf8Bytes) {
  write_file(at(k_halden), "slug: halden-hydrology-group\nname: Halden \xff\xfe Group\n");
  EXPECT_EQ(validate(),
            std::vector<std::string>{"error file-not-utf8 " + std::string(k_halden) + ":2:14"});
}

TEST_F(Hostile, FileNameThatIsNotUtf8StillGivesValidJson) {
  write_file(at("partners/halden-hydrology-group/caf\xe9.txt"), "notes\n");
  const RunResult run = run_partnerops(
      {"validate", m_dir.path().string(), "--format", "json", "--today", "2026-11-23"});
  EXPECT_EQ(diagnostic_lines(run.out),
            std::vector<std::string>{
                "warning file-unknown partners/halden-hydrology-group/caf\xef\xbf\xbd.txt:0:0"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
}

TEST_F(Hostile, NulByteIsReportedWithItsPosition) {
  write_file(at(k_halden), std::string("slug: halden-hydrology-group\nname: Halden") +
                               std::string(1, '\0') + " Group\n");
  EXPECT_EQ(validate(),
            std::vector<std::string>{"error file-nul-byte " + std::string(k_halden) + ":2:13"});
  EXPECT_NE(m_text.out.find("error[file-nul-byte]: the file contains a NUL byte"),
            std::string::npos)
      << m_text.out;
}

TEST_F(Hostile, EmptyFile) {
  write_file(at(k_halden), "");
  EXPECT_EQ(validate(),
            std::vector<std::string>{"error file-empty " + std::string(k_halden) + ":0:0"});
}

TEST_F(Hostile, TabIndentedFile) {
  write_file(at(k_halden),
             "slug: halden-hydrology-group\ncontacts:\n\t- name: Dr. Ingrid Solberg\n");
  EXPECT_EQ(validate(),
            std::vector<std::string>{"error yaml-tab-indent " + std::string(k_halden) + ":3:1"});
}

// Paths named by data (the service description, the logo, addenda, SOWs)
// are opened beneath the workspace with no link in any component.

/// Replaces the first `from` in the workspace file `relative` with `to`.
void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = read_file(file);
  const std::size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  write_file(file, text);
}

constexpr const char* k_service_line = "  service_description: docs/service-description.md";

TEST_F(Hostile, ServiceDescriptionThroughALinkToEtcIsReportedNotRead) {
  link_docs_to_etc(m_dir.path());
  EXPECT_EQ(validate(), std::vector<std::string>{"error reference-symlink partnerops.yaml:78:24"});
  EXPECT_NE(m_text.out.find("partnerops.yaml:78:24: error[reference-symlink]: the service "
                            "description 'docs/passwd' is not read: the path passes through the "
                            "symbolic link docs (not followed)"),
            std::string::npos)
      << m_text.out;
  EXPECT_EQ(m_text.out.find("root:x:0"), std::string::npos) << m_text.out;
}

TEST_F(Hostile, ServiceDescriptionInALinkedFolderIsReported) {
  TempDir outside;
  fs::copy_file("/etc/passwd", outside.path() / "service-description.md");
  fs::remove_all(at("docs"));
  fs::create_directory_symlink(outside.path(), at("docs"));
  EXPECT_EQ(validate(), std::vector<std::string>{"error reference-symlink partnerops.yaml:78:24"});
}

TEST_F(Hostile, LinkedServiceDescriptionFileIsReported) {
  fs::remove(at("docs/service-description.md"));
  fs::create_symlink("/etc/passwd", at("docs/service-description.md"));
  EXPECT_EQ(validate(), std::vector<std::string>{"error reference-symlink partnerops.yaml:78:24"});
  EXPECT_NE(m_text.out.find("the service description 'docs/service-description.md' is not read: "
                            "a symbolic link (not followed)"),
            std::string::npos)
      << m_text.out;
}

TEST_F(Hostile, LogoInALinkedFolderIsReported) {
  TempDir outside;
  write_file(outside.path() / "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
  fs::create_directory_symlink(outside.path(), at("assets"));
  replace_in(at("partnerops.yaml"), "branding:\n", "branding:\n  logo: assets/logo.svg\n");
  EXPECT_EQ(validate(), std::vector<std::string>{"error reference-symlink partnerops.yaml:61:9"});
}

TEST_F(Hostile, AddendumAndFeeSowInALinkedFolderAreReported) {
  // The SOW moves to a folder outside; the partner's sow/ becomes a link.
  TempDir outside;
  const fs::path sow = at("partners/cascadia-climate/sow");
  fs::copy(sow, outside.path());
  fs::remove_all(sow);
  fs::create_directory_symlink(outside.path(), sow);
  EXPECT_EQ(validate(),
            (std::vector<std::string>{
                "error reference-symlink partners/cascadia-climate/agreement.yaml:45:10",
                "error reference-symlink partners/cascadia-climate/agreement.yaml:72:11",
                "error file-symlink partners/cascadia-climate/sow:0:0",
            }));
}

TEST_F(Hostile, SowAgreementThroughALinkIsReported) {
  fs::create_directory_symlink("/etc", at("partners/cascadia-climate/etc"));
  replace_in(at("partners/cascadia-climate/sow/hub-migration.yaml"), "agreement: agreement.yaml",
             "agreement: etc/passwd");
  EXPECT_EQ(validate(), (std::vector<std::string>{
                            "error file-symlink partners/cascadia-climate/etc:0:0",
                            "error reference-symlink "
                            "partners/cascadia-climate/sow/hub-migration.yaml:4:12",
                        }));
}

// A missing file named by data is reported for every kind of field (the
// logo, addenda and fee SOWs have fixtures under tests/fixtures/invalid).

TEST_F(Hostile, MissingServiceDescriptionIsReported) {
  fs::remove(at("docs/service-description.md"));
  EXPECT_EQ(validate(), std::vector<std::string>{"error reference-missing partnerops.yaml:78:24"});
  EXPECT_NE(m_text.out.find("error[reference-missing]: the service description "
                            "'docs/service-description.md' does not exist in the repository"),
            std::string::npos)
      << m_text.out;
}

TEST_F(Hostile, ServiceDescriptionOutsideTheWorkspaceIsReported) {
  replace_in(at("partnerops.yaml"), k_service_line, "  service_description: ../../etc/passwd");
  EXPECT_EQ(validate(), std::vector<std::string>{"error reference-missing partnerops.yaml:78:24"});
  EXPECT_NE(m_text.out.find("the service description '../../etc/passwd' is not a path inside "
                            "the repository"),
            std::string::npos)
      << m_text.out;
}

TEST_F(Hostile, MissingSowAgreementIsReported) {
  replace_in(at("partners/cascadia-climate/sow/hub-migration.yaml"), "agreement: agreement.yaml",
             "agreement: agreemnt.yaml");
  EXPECT_EQ(validate(),
            std::vector<std::string>{"error reference-missing "
                                     "partners/cascadia-climate/sow/hub-migration.yaml:4:12"});
}

}  // namespace
}  // namespace partnerops::e2e
