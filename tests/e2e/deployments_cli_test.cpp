// `partnerops deployments check` as a user runs it: on a copy of the demo
// (whose output the README shows), on inventories in both layouts written
// by the test (a folder and a git repository read at a revision), with a
// malformed inventory file, and through the tickler and the report.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

/// A copy of the demo organisation with its inventory: the README's example
/// runs on it without writing into the source tree (the parse cache).
void copy_demo(const fs::path& dir) {
  for (const char* part : {"partners", "schemas", "inventory", "docs", "templates"})
    fs::copy(source_dir() / part, dir / part, fs::copy_options::recursive);
  fs::copy_file(source_dir() / "partnerops.yaml", dir / "partnerops.yaml");
}

/// The README's `deployments check` example: the command's words and the
/// lines it prints (standard output, then the summary of standard error).
std::pair<std::vector<std::string>, std::string> readme_example() {
  std::istringstream readme(read_file(source_dir() / "README.md"));
  std::vector<std::string> args;
  std::string printed;
  bool in_example = false;
  for (std::string line; std::getline(readme, line);) {
    if (line.starts_with("$ partnerops deployments check")) {
      std::istringstream words(line.substr(13));
      for (std::string word; words >> word;) args.push_back(word);
      in_example = true;
    } else if (in_example && line.starts_with("```")) {
      break;
    } else if (in_example) {
      printed += line + "\n";
    }
  }
  return {args, printed};
}

TEST(DeploymentsCliTest, TheReadmesExampleIsWhatTheDemoPrints) {
  TempDir dir;
  copy_demo(dir.path());
  const auto [args, printed] = readme_example();
  ASSERT_EQ(args, (std::vector<std::string>{"deployments", "check", "--today", "2026-11-23"}));
  const RunResult run = run_partnerops(args, dir.path(), {"NO_COLOR=1"});
  // Two errors: the lapsed pilot's hub and the uncovered workshop hub.
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(run.out + run.err, printed);
}

TEST(DeploymentsCliTest, TheDemoShowsInTheTicklerAndTheReport) {
  TempDir dir;
  copy_demo(dir.path());
  const RunResult tickler = run_partnerops(
      {"tickler", ".", "--today", "2026-11-23", "--within", "7d", "--format", "json"}, dir.path());
  ASSERT_EQ(tickler.exit_code, 0) << tickler.err;
  std::vector<std::string> kinds;
  const nlohmann::json items = nlohmann::json::parse(tickler.out)["items"];
  for (const auto& item : items)
    kinds.push_back(item["kind"].get<std::string>() + " " + item["subject"].get<std::string>());
  EXPECT_EQ(kinds,
            (std::vector<std::string>{
                "decommission commons-us/tidewater", "renewal-notice 2027-01-31",
                "agreement-needed commons-us/riverbend-workshop", "checklist lead-assessed"}));
  const RunResult report =
      run_partnerops({"report", ".", "--today", "2026-11-23", "--format", "json"}, dir.path());
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const nlohmann::json section = nlohmann::json::parse(report.out)["deployments"];
  EXPECT_EQ(section["deployments"], 6);
  EXPECT_EQ(section["covered"], 3);
  EXPECT_EQ(section["internal"], 1);
  EXPECT_EQ(section["uncovered"], 1);
  EXPECT_EQ(section["after_end"], 1);
  EXPECT_EQ(section["monthly_exposure"][0]["amount"], "700.00");
  EXPECT_EQ(section["monthly_exposure"][0]["currency"], "USD");
}

TEST(DeploymentsCliTest, TheTicklerGoesOnWithoutAnInventoryItCannotOpen) {
  TempDir dir;
  copy_demo(dir.path());
  fs::remove_all(dir.path() / "inventory");
  const RunResult run = run_partnerops(
      {"tickler", ".", "--today", "2026-11-23", "--within", "7d", "--format", "json"}, dir.path());
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.err,
            "partnerops: deployments: the inventory ./inventory is not a folder; its findings "
            "are left out\n");
  EXPECT_EQ(nlohmann::json::parse(run.out)["items"].size(), 2u);
}

/// The base fixture, with Lakeshore's agreement naming its hub.
class DeploymentsWorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    make_base_workspace(dir.path());
    std::ofstream(dir.path() / "partners/lakeshore-college/agreement.yaml", std::ios::app)
        << "deployments:\n  - key: lakeshore-hub\n    cloud_costs: us\n";
  }
  RunResult check(std::vector<std::string> args) const {
    args.insert(args.begin(), {"deployments", "check", dir.path().string()});
    args.insert(args.end(), {"--today", "2026-11-23"});
    return run_partnerops(args, dir.path(), {"NO_COLOR=1"});
  }
  TempDir dir;
  TempDir inventory;
};

TEST_F(DeploymentsWorkspaceTest, AJsonListIsCheckedWithDaysAndCostAsJson) {
  write(inventory.path() / "deployments.json",
        "{\"deployments\": [\n"
        "  {\"key\": \"lakeshore-hub\", \"paid_by\": \"us\"},\n"
        "  {\"key\": \"field-hub\", \"name\": \"Field hub\", \"started\": \"2026-11-20\",\n"
        "   \"paid_by\": \"us\", \"monthly_cost\": \"120.00 USD\"}\n"
        "]}\n");
  const RunResult run =
      check({"--inventory", inventory.path().string(), "--adapter", "list", "--format", "json"});
  // Within its grace the uncovered hub is a warning: exit 0.
  ASSERT_EQ(run.exit_code, 0) << run.err << run.out;
  const nlohmann::json out = nlohmann::json::parse(run.out);
  EXPECT_EQ(out["deployments"], 2);
  EXPECT_EQ(out["covered"], 1);
  ASSERT_EQ(out["findings"].size(), 1u);
  const nlohmann::json& finding = out["findings"][0];
  EXPECT_EQ(finding["kind"], "uncovered");
  EXPECT_EQ(finding["severity"], "warning");
  EXPECT_EQ(finding["key"], "field-hub");
  EXPECT_EQ(finding["line"], 3);
  EXPECT_EQ(finding["column"], 3);
  EXPECT_EQ(finding["days"], 3);
  EXPECT_EQ(finding["due"], "2026-12-05");
  EXPECT_EQ(finding["monthly_exposure"]["amount"], "120.00");
  EXPECT_EQ(out["errors"], 0);
  EXPECT_EQ(out["warnings"], 1);
}

TEST_F(DeploymentsWorkspaceTest, AGitInventoryIsReadAtTheRevisionNamed) {
  const fs::path repo = inventory.path();
  write(repo / "config/clusters/c1/cluster.yaml",
        "provider: gcp\ngcp:\n  billing:\n    paid_by_us: true\nhubs:\n"
        "  - name: old-hub\n    domain: old.example.org\n    helm_chart: basehub\n");
  const std::string git = "cd '" + repo.string() +
                          "' && git -c user.name=T -c user.email=t@example.org -c "
                          "init.defaultBranch=main ";
  run_tool(git + "init -q && " + git + "add -A && " + git + "commit -qm first");
  // The working tree moves on; the revision does not.
  write(repo / "config/clusters/c1/cluster.yaml",
        "provider: gcp\nhubs:\n  - name: new-hub\n    domain: new.example.org\n");
  const RunResult at_rev = check({"--inventory", repo.string(), "--inventory-rev", "main"});
  EXPECT_EQ(at_rev.exit_code, 1);
  EXPECT_NE(at_rev.out.find("c1/old-hub"), std::string::npos) << at_rev.out;
  EXPECT_EQ(at_rev.out.find("c1/new-hub"), std::string::npos) << at_rev.out;
  EXPECT_NE(at_rev.err.find("deployments in revision "), std::string::npos) << at_rev.err;
  const RunResult folder = check({"--inventory", repo.string()});
  EXPECT_NE(folder.out.find("c1/new-hub"), std::string::npos) << folder.out;

  const RunResult unknown = check({"--inventory", repo.string(), "--inventory-rev", "nope"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("'nope'"), std::string::npos) << unknown.err;
}

TEST_F(DeploymentsWorkspaceTest, AMalformedInventoryFileIsReportedNotACrash) {
  write(inventory.path() / "config/clusters/c1/cluster.yaml",
        "provider: gcp\nhubs:\n  - name: a\n    domain: {unclosed\n");
  const RunResult run = check({"--inventory", inventory.path().string(), "--format", "github"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const std::string prefix = inventory.path().string() + "/config/clusters/c1/cluster.yaml";
  EXPECT_NE(run.out.find("::error file=" + prefix + ",line=5,col=1,title=yaml-syntax::"),
            std::string::npos)
      << run.out;
  // The inventory is incomplete: Lakeshore's hub is not called missing.
  EXPECT_EQ(run.out.find("deployment-missing"), std::string::npos) << run.out;
}

TEST_F(DeploymentsWorkspaceTest, NoInventoryIsAUsageError) {
  const RunResult run = check({});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "partnerops: no inventory: give --inventory DIR, or name one under "
            "deployments.inventory in partnerops.yaml\n");
  EXPECT_EQ(check({"--inventory", (dir.path() / "nowhere").string()}).exit_code, 2);
}

}  // namespace
}  // namespace partnerops::e2e
