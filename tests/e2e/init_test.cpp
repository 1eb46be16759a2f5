// `partnerops init`: a new organisation's repository from nothing, with the
// real commands a team runs next (a lead, validate, build, advance), the
// refusals that keep an existing folder safe, and `init --update`.

#include <gtest/gtest.h>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

class InitTest : public ::testing::Test {
 protected:
  InitTest() {
    // git config as a new user has it: only their global identity.
    write_file(home.path() / ".gitconfig",
               "[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n");
  }

  std::vector<std::string> env() const {
    return {"HOME=" + home.path().string(), "XDG_CONFIG_HOME=" + home.path().string(),
            "GIT_CONFIG_NOSYSTEM=1", "NO_COLOR=1", "SOURCE_DATE_EPOCH=1790000000"};
  }

  RunResult partnerops(const std::vector<std::string>& args) const {
    return run_partnerops(args, dir.path(), env());
  }

  std::string git(const std::string& args) const {
    return run_tool("cd '" + (dir.path() / "acme").string() + "' && HOME='" + home.path().string() +
                    "' GIT_CONFIG_NOSYSTEM=1 git " + args + " 2>&1");
  }

  fs::path org() const { return dir.path() / "acme"; }

  TempDir home;
  TempDir dir;
};

TEST_F(InitTest, NewOrganisationValidatesBuildsAndAdvancesALead) {
  const RunResult init = partnerops({"init", "acme", "--name", "Acme Research", "--currency", "EUR",
                                     "--fiscal-sponsor", "Civic Works Fiscal Partners"});
  ASSERT_EQ(init.exit_code, 0) << init.out << init.err;
  EXPECT_EQ(init.err, "");
  EXPECT_NE(init.out.find("Started Acme Research in acme: "), std::string::npos) << init.out;

  // One commit holding everything; nothing left over, no partners.
  EXPECT_EQ(
      git("log --format='%an <%ae>|%s'"),
      "Ada Lovelace <ada@example.org>|Start Acme Research's partners with partnerops 0.1.0\n");
  EXPECT_EQ(git("status --porcelain"), "");
  EXPECT_EQ(git("rev-parse --abbrev-ref HEAD"), "main\n");
  const std::string tracked = git("ls-files");
  for (const char* file :
       {".github/workflows/partners.yml", ".github/workflows/tickler.yml",
        ".github/workflows/site.yml", ".gitignore", ".partnerops-defaults", "README.md",
        "partnerops.yaml", "schemas/lifecycle.yaml", "schemas/partnerops.schema.yaml",
        "templates/invoice.mustache", "templates/layout.mustache"})
    EXPECT_NE(tracked.find(std::string(file) + "\n"), std::string::npos) << file;
  EXPECT_EQ(tracked.find("partners/"), std::string::npos);
  // Every file of the defaults is copied, whatever the toolkit ships.
  for (const auto& entry : fs::recursive_directory_iterator(source_dir() / "templates")) {
    if (!entry.is_regular_file()) continue;
    const std::string relative = entry.path().lexically_relative(source_dir()).generic_string();
    EXPECT_EQ(read_file(org() / relative), read_file(entry.path())) << relative;
  }
  EXPECT_NE(read_file(org() / "README.md").find("# Acme Research: partners\n"), std::string::npos);

  // Valid from the start: only warnings, one for each TODO value.
  const RunResult validate =
      partnerops({"validate", "acme", "--format", "json", "--today", "2026-12-01"});
  EXPECT_EQ(validate.exit_code, 0) << validate.out << validate.err;
  EXPECT_EQ(diagnostic_lines(validate.out), (std::vector<std::string>{
                                                "warning placeholder-text partnerops.yaml:8:15",
                                                "warning placeholder-text partnerops.yaml:10:7",
                                                "warning placeholder-text partnerops.yaml:11:7",
                                                "warning placeholder-text partnerops.yaml:12:11",
                                                "warning placeholder-text partnerops.yaml:13:10",
                                                "warning placeholder-text partnerops.yaml:14:12",
                                                "warning placeholder-text partnerops.yaml:16:9",
                                                "warning placeholder-text partnerops.yaml:17:17",
                                                "warning placeholder-text partnerops.yaml:18:19",
                                                "warning placeholder-text partnerops.yaml:22:12",
                                                "warning placeholder-text partnerops.yaml:26:15",
                                                "warning placeholder-text partnerops.yaml:28:7",
                                                "warning placeholder-text partnerops.yaml:29:10",
                                            }));

  // A lead, then its first PDF.
  const RunResult lead = partnerops({"new", "lead", "Lakeshore College", "--contact",
                                     "Dana Reyes <dana@lakeshore.example.org>", "--date",
                                     "2026-12-01", "--no-branch", "acme"});
  ASSERT_EQ(lead.exit_code, 0) << lead.out << lead.err;
  EXPECT_EQ(read_file(org() / "partners/lakeshore-college/partner.yaml")
                    .find("owner: ada@example.org\n") != std::string::npos,
            true);
  const RunResult build = partnerops({"build", "acme", "--today", "2026-12-01"});
  ASSERT_EQ(build.exit_code, 0) << build.out << build.err;
  const std::string notes = fold(pdf_text(dir.path() / "out/lakeshore-college/notes.pdf"));
  EXPECT_NE(notes.find("Lakeshore College"), std::string::npos) << notes;

  // And its first step through the lifecycle.
  std::string partner = read_file(org() / "partners/lakeshore-college/partner.yaml");
  partner = replaced(partner, "qualified: false\n", "qualified: true\n");
  write_file(org() / "partners/lakeshore-college/partner.yaml",
             partner + "verbal_close:\n  date: 2026-12-02\n  outcome: \"yes\"\n");
  git("commit -q -am 'Lakeshore: verbal close'");
  const RunResult advance =
      partnerops({"advance", "lakeshore-college", "prospect", "--reason", "verbal close: yes",
                  "--date", "2026-12-03", "--no-branch", "acme"});
  ASSERT_EQ(advance.exit_code, 0) << advance.out << advance.err;
  EXPECT_NE(read_file(org() / "partners/lakeshore-college/partner.yaml").find("stage: prospect\n"),
            std::string::npos);
  EXPECT_EQ(partnerops({"validate", "acme", "--today", "2026-12-03"}).exit_code, 0);
}

TEST_F(InitTest, RefusesAFolderThatIsNotEmptyUnlessForced) {
  write_file(org() / "notes.txt", "ours\n");
  const RunResult refused = partnerops({"init", "acme", "--name", "Acme Research"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err,
            "partnerops: acme is not empty; start the organisation in a new folder, or add "
            "--force to write its files among what is there\n");
  EXPECT_FALSE(fs::exists(org() / "partnerops.yaml"));
  EXPECT_FALSE(fs::exists(org() / ".git"));

  const RunResult forced = partnerops({"init", "acme", "--name", "Acme Research", "--force"});
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(read_file(org() / "notes.txt"), "ours\n");
  // The first commit holds the organisation's files, not what was there before.
  EXPECT_EQ(git("status --porcelain"), "?? notes.txt\n");
}

TEST_F(InitTest, RefusesWithoutAGitIdentityBeforeWritingAnything) {
  fs::remove(home.path() / ".gitconfig");
  const RunResult run = partnerops({"init", "acme", "--name", "Acme Research"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err,
            "partnerops: no author identity for the first commit: set user.name and user.email "
            "in git config, e.g. git config --global user.name \"Your Name\" && git config "
            "--global user.email you@example.org\n");
  EXPECT_FALSE(fs::exists(org()));
}

TEST_F(InitTest, UsageErrors) {
  EXPECT_EQ(partnerops({"init", "acme"}).err,
            "partnerops: init needs --name \"Organisation name\" (or --update)\n");
  const RunResult currency = partnerops({"init", "acme", "--name", "Acme", "--currency", "eur"});
  EXPECT_EQ(currency.exit_code, 2);
  EXPECT_EQ(currency.err,
            "partnerops: --currency must be an ISO 4217 code in capitals, e.g. USD or EUR, not "
            "'eur'\n");
  EXPECT_FALSE(fs::exists(org() / "partnerops.yaml"));
  EXPECT_EQ(partnerops({"init", "--update", "acme"}).exit_code, 2);  // no workspace there
}

TEST_F(InitTest, UpdateBringsInNewDefaultsAndKeepsEditedTemplates) {
  ASSERT_EQ(partnerops({"init", "acme", "--name", "Acme Research"}).exit_code, 0);
  // As if the repository came from an older toolkit: an older version, a
  // schema and a template that changed since, a template it did not have,
  // and a template the team edited.
  write_file(org() / "partnerops.yaml",
             replaced(read_file(org() / "partnerops.yaml"), "toolkit_version: \"0.1.0\"",
                      "toolkit_version: \"0.0.9\""));
  const std::string current_schema = read_file(org() / "schemas/quote.schema.yaml");
  write_file(org() / "schemas/quote.schema.yaml", "# old\n" + current_schema);
  write_file(org() / "templates/quote.mustache", "our own quote\n");
  fs::remove(org() / "templates/receipt.mustache");
  git("commit -q -am 'as an older toolkit left it'");

  const RunResult outdated =
      partnerops({"validate", "acme", "--format", "json", "--today", "2026-12-01"});
  EXPECT_EQ(outdated.exit_code, 0);
  const std::vector<std::string> lines = diagnostic_lines(outdated.out);
  EXPECT_NE(std::find(lines.begin(), lines.end(), "warning toolkit-outdated partnerops.yaml:5:18"),
            lines.end())
      << outdated.out;

  const RunResult dry = partnerops({"init", "--update", "--dry-run", "acme"});
  EXPECT_EQ(dry.exit_code, 0);
  EXPECT_EQ(dry.out,
            "  updated: schemas/quote.schema.yaml\n"
            "  kept (edited here): templates/quote.mustache\n"
            "  added: templates/receipt.mustache\n"
            "Nothing written (--dry-run).\n");
  EXPECT_EQ(git("status --porcelain"), "");

  const RunResult update = partnerops({"init", "--update", "acme"});
  EXPECT_EQ(update.exit_code, 0) << update.err;
  EXPECT_NE(update.out.find("Brought in the defaults of partnerops 0.1.0 (4 files written; 1 "
                            "edited here kept as they are)."),
            std::string::npos)
      << update.out;
  EXPECT_EQ(read_file(org() / "schemas/quote.schema.yaml"), current_schema);
  EXPECT_EQ(read_file(org() / "templates/quote.mustache"), "our own quote\n");
  EXPECT_EQ(read_file(org() / "templates/receipt.mustache"),
            read_file(source_dir() / "templates/receipt.mustache"));
  const RunResult current =
      partnerops({"validate", "acme", "--format", "json", "--today", "2026-12-01"});
  EXPECT_EQ(current.out.find("toolkit-outdated"), std::string::npos);
  // Once current, a second update changes nothing and still reports the edit.
  EXPECT_EQ(partnerops({"init", "--update", "acme"}).out,
            "  kept (edited here): templates/quote.mustache\n"
            "The schemas and templates are those of partnerops 0.1.0.\n");
}

}  // namespace
}  // namespace partnerops::e2e
