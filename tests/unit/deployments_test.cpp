// The deployments check: inventories in both layouts, written inside each
// test, against the fixture organisation's agreements with `deployments:`
// appended; one case per finding, the allowlist, look-alike names offered
// only as suggestions, a malformed inventory reported at its position, and
// an inventory read from a git repository at a revision.

#include <gtest/gtest.h>

#include <fstream>

#include "deployments/adapter.hpp"
#include "deployments/check.hpp"
#include "deployments/inventory_source.hpp"
#include "deployments/run.hpp"
#include "fixture_workspace.hpp"
#include "git_test_support.hpp"
#include "memory_source.hpp"

namespace partnerops::deployments {
namespace {

using partnerops::testing::fixture_files;
using partnerops::testing::MemorySource;

/// One line per diagnostic: `<severity> <code> <file>:<line>:<col>`.
std::vector<std::string> lines_of(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics)
    lines.push_back(std::string(to_string(d.severity)) + " " + d.code + " " + d.file + ":" +
                    std::to_string(d.position.line) + ":" + std::to_string(d.position.column));
  return lines;
}

constexpr const char* k_lakeshore = "partners/lakeshore-college/agreement.yaml";
constexpr const char* k_noordzee = "partners/noordzee-marine-data/agreement.yaml";
constexpr const char* k_prairie = "partners/prairie-public-health/agreement.yaml";

/// A cluster.yaml in the JupyterHub layout: a shared GCP cluster we pay for.
std::string cluster_yaml(const std::string& hubs, bool paid_by_us = true) {
  return "name: commons-us\n"
         "provider: gcp\n"
         "tenancy: shared\n"
         "account: commons-prod\n"
         "gcp:\n"
         "  project: commons-prod\n"
         "  billing:\n"
         "    paid_by_us: " +
         std::string(paid_by_us ? "true" : "false") + "\nhubs:\n" + hubs;
}

std::string hub(const std::string& name, const std::string& display = {},
                const std::string& values = {}) {
  std::string text = "  - name: " + name + "\n    domain: " + name +
                     ".us.hubs.example.org\n    helm_chart: basehub\n";
  if (!display.empty()) text += "    display_name: " + display + "\n";
  if (!values.empty()) text += "    helm_chart_values_files:\n      - " + values + "\n";
  return text;
}

class DeploymentsTest : public ::testing::Test {
 protected:
  /// Appends `text` at the end of a workspace file.
  void append(const std::string& path, const std::string& text) { m_files.at(path) += text; }

  /// Loads the workspace, reads the inventory with `adapter`, checks on `today`.
  Findings check(const std::string& adapter = "jupyterhub", const char* today = "2026-11-23") {
    MemorySource source;
    for (const auto& [path, text] : m_files) source.add(path, text);
    Diagnostics load;
    LoadOptions options;
    options.jobs = 1;
    m_workspace = std::make_unique<Workspace>(load_workspace(source, options, load));
    EXPECT_FALSE(load.has_errors()) << lines_of(load)[0];
    m_settings = read_settings(*m_workspace, load);
    m_inventory = make_adapter(adapter)->read(m_inventory_files, "inventory/", m_read);
    return check_deployments(*m_workspace, m_inventory, m_settings, *Date::parse(today));
  }

  std::map<std::string, std::string> m_files = fixture_files();
  MemorySource m_inventory_files;
  Diagnostics m_read;
  std::unique_ptr<Workspace> m_workspace;
  Settings m_settings;
  Inventory m_inventory;
};

TEST_F(DeploymentsTest, TheJupyterHubLayoutReadsClustersHubsPayerAndCommunity) {
  m_inventory_files.add(
      "config/clusters/commons-us/cluster.yaml",
      cluster_yaml(hub("staging") + hub("lakeshore", "Lakeshore Hub", "lakeshore.values.yaml")));
  m_inventory_files.add("config/clusters/commons-us/lakeshore.values.yaml",
                        "jupyterhub:\n"
                        "  custom:\n"
                        "    homepage:\n"
                        "      templateVars:\n"
                        "        org:\n"
                        "          name: Lakeshore Community College\n"
                        "        funded_by:\n"
                        "          name: Lakeshore Foundation\n");
  m_inventory_files.add(
      "config/clusters/commons-eu/cluster.yaml",
      "provider: aws\naws:\n  billing:\n    paid_by_us: false\nhubs:\n" + hub("noordzee"));
  check();
  EXPECT_TRUE(m_read.empty()) << lines_of(m_read)[0];
  ASSERT_EQ(m_inventory.deployments.size(), 3u);
  const Deployment& eu = m_inventory.deployments[0];
  EXPECT_EQ(eu.key, "commons-eu/noordzee");
  EXPECT_EQ(eu.paid_by, CloudPayer::partner);
  EXPECT_EQ(eu.file, "inventory/config/clusters/commons-eu/cluster.yaml");
  EXPECT_EQ(eu.position, (Position{6, 5}));
  const Deployment& lakeshore = m_inventory.deployments[2];
  EXPECT_EQ(lakeshore.key, "commons-us/lakeshore");
  EXPECT_EQ(lakeshore.domain, "lakeshore.us.hubs.example.org");
  EXPECT_EQ(lakeshore.name, "Lakeshore Hub");
  EXPECT_EQ(lakeshore.paid_by, CloudPayer::us);
  EXPECT_EQ(lakeshore.community_names,
            (std::vector<std::string>{"Lakeshore Foundation", "Lakeshore Community College"}));
  EXPECT_EQ(m_inventory.groups, (std::vector<std::string>{"commons-eu", "commons-us"}));
}

TEST_F(DeploymentsTest, TheListAdapterReadsYamlAndJson) {
  m_inventory_files.add("deployments.yaml",
                        "deployments:\n"
                        "  - key: lakeshore-hub\n"
                        "    domain: hub.lakeshore.edu\n"
                        "    name: Lakeshore Hub\n"
                        "    started: 2026-02-03\n"
                        "    paid_by: us\n"
                        "    monthly_cost: \"380.00 USD\"\n");
  check("list");
  EXPECT_TRUE(m_read.empty()) << lines_of(m_read)[0];
  ASSERT_EQ(m_inventory.deployments.size(), 1u);
  const Deployment& d = m_inventory.deployments[0];
  EXPECT_EQ(d.key, "lakeshore-hub");
  EXPECT_EQ(d.started, Date::parse("2026-02-03"));
  EXPECT_EQ(d.paid_by, CloudPayer::us);
  EXPECT_EQ(d.monthly_cost, (Money{38000, "USD"}));
  EXPECT_EQ(d.position, (Position{2, 5}));

  m_inventory_files = MemorySource();
  m_inventory_files.add("deployments.json",
                        "[\n  {\"key\": \"a/b\", \"paid_by\": \"partner\"},\n"
                        "  {\"key\": \"a/c\"}\n]\n");
  check("list");
  EXPECT_TRUE(m_read.empty()) << lines_of(m_read)[0];
  ASSERT_EQ(m_inventory.deployments.size(), 2u);
  EXPECT_EQ(m_inventory.deployments[0].file, "inventory/deployments.json");
  EXPECT_EQ(m_inventory.deployments[0].paid_by, CloudPayer::partner);
  EXPECT_EQ(m_inventory.deployments[1].position, (Position{3, 3}));
}

TEST_F(DeploymentsTest, AMalformedInventoryFileIsReportedAtItsPosition) {
  m_inventory_files.add("config/clusters/broken/cluster.yaml",
                        "provider: gcp\nhubs:\n  - name: [unclosed\n");
  m_inventory_files.add("config/clusters/shape/cluster.yaml",
                        "provider: gcp\nhubs:\n  name: not-a-list\n");
  m_inventory_files.add("config/clusters/nameless/cluster.yaml",
                        "provider: gcp\nhubs:\n  - domain: x.example.org\n"
                        "    helm_chart_values_files: [missing.values.yaml]\n");
  const Findings findings = check();
  EXPECT_TRUE(findings.items.empty());
  m_read.sort();
  ASSERT_EQ(m_read.size(), 3u) << ::testing::PrintToString(lines_of(m_read));
  EXPECT_EQ(lines_of(m_read),
            (std::vector<std::string>{
                "error yaml-syntax inventory/config/clusters/broken/cluster.yaml:4:1",
                "error inventory-invalid inventory/config/clusters/nameless/cluster.yaml:3:5",
                "error inventory-invalid inventory/config/clusters/shape/cluster.yaml:3:3",
            }));
  EXPECT_EQ(m_read.items()[2].message, "`hubs` must be a list, not a mapping");
}

TEST_F(DeploymentsTest, ARunningHubNoAgreementCoversIsUncovered) {
  m_inventory_files.add("config/clusters/commons-us/cluster.yaml",
                        cluster_yaml(hub("lakeshore") + hub("ferncliff")));
  append(k_lakeshore, "deployments:\n  - key: commons-us/lakeshore\n");
  const Findings findings = check();
  EXPECT_EQ(
      lines_of(findings.diagnostics),
      (std::vector<std::string>{
          "error deployment-uncovered inventory/config/clusters/commons-us/cluster.yaml:13:5"}));
  EXPECT_EQ(findings.diagnostics.items()[0].message,
            "commons-us/ferncliff (ferncliff.us.hubs.example.org) is running and no executed "
            "agreement covers it");
  EXPECT_EQ(findings.covered, 1u);
  EXPECT_EQ(findings.items[0].kind, FindingKind::uncovered);
}

TEST_F(DeploymentsTest, AnUncoveredDeploymentWaitsItsGracePeriodAsAWarning) {
  m_inventory_files.add("deployments.yaml",
                        "- key: new-hub\n  started: 2026-11-15\n- key: old-hub\n  started: "
                        "2026-11-01\n");
  const Findings findings = check("list");
  EXPECT_EQ(
      lines_of(findings.diagnostics),
      (std::vector<std::string>{"warning deployment-uncovered inventory/deployments.yaml:1:3",
                                "error deployment-uncovered inventory/deployments.yaml:3:3"}));
  EXPECT_EQ(findings.items[0].due, Date::parse("2026-11-30"));
  EXPECT_EQ(findings.items[1].days, 22);
}

TEST_F(DeploymentsTest, InternalDeploymentsOnTheAllowlistNeedNoAgreement) {
  m_inventory_files.add("config/clusters/commons-us/cluster.yaml",
                        cluster_yaml(hub("staging") + hub("demo")));
  append("partnerops.yaml",
         "deployments:\n  internal:\n    - \"*/staging\"\n    - commons-us/demo\n");
  const Findings findings = check();
  EXPECT_TRUE(findings.diagnostics.empty()) << lines_of(findings.diagnostics)[0];
  EXPECT_EQ(findings.internal, 2u);
}

TEST_F(DeploymentsTest, AHubRunningAfterItsAgreementEndedCountsDaysAndExposure) {
  m_inventory_files.add("config/clusters/commons-us/cluster.yaml", cluster_yaml(hub("lakeshore")));
  append(k_lakeshore, "deployments:\n  - key: commons-us/lakeshore\n    cloud_costs: us\n");
  append("partnerops.yaml", "deployments:\n  monthly_cost: \"300.00 USD\"\n");
  // The term ends 2027-01-31 and renews by hand: 44 days later, past the 30 days' grace.
  const Findings findings = check("jupyterhub", "2027-03-16");
  EXPECT_EQ(lines_of(findings.diagnostics),
            (std::vector<std::string>{"error deployment-after-end " + std::string(k_lakeshore) +
                                      ":95:10"}));
  EXPECT_EQ(findings.diagnostics.items()[0].message,
            "commons-us/lakeshore is still running 44 days after the agreement ended on "
            "2027-01-31; we pay its cloud costs: about $440.00 so far, $300.00 a month");
  EXPECT_EQ(findings.items[0].exposure, (Money{44000, "USD"}));
  EXPECT_EQ(findings.items[0].slug, "lakeshore-college");
  // Within the grace it is a warning.
  EXPECT_EQ(check("jupyterhub", "2027-02-20").diagnostics.items()[0].severity, Severity::warning);
}

TEST_F(DeploymentsTest, AnAutomaticRenewalKeepsTheHubCovered) {
  m_inventory_files.add("config/clusters/commons-eu/cluster.yaml",
                        "provider: aws\nhubs:\n" + hub("noordzee"));
  append(k_noordzee, "deployments:\n  - key: commons-eu/noordzee\n");
  EXPECT_TRUE(check("jupyterhub", "2028-01-10").diagnostics.empty());
}

TEST_F(DeploymentsTest, AnAgreementInForceWhoseHubIsMissingAfterTheLaunchGrace) {
  m_inventory_files.add("config/clusters/commons-us/cluster.yaml", cluster_yaml(hub("lakeshore")));
  append(k_lakeshore, "deployments:\n  - key: commons-us/lakeshore\n");
  append(k_noordzee, "deployments:\n  - key: commons-us/noordzee\n");
  const Findings findings = check();
  EXPECT_EQ(lines_of(findings.diagnostics),
            (std::vector<std::string>{"error deployment-missing " + std::string(k_noordzee) +
                                      ":103:10"}));
  EXPECT_EQ(findings.items[0].due, Date::parse("2026-08-01"));
  // The term started 2026-07-01: within 30 days nothing is said.
  EXPECT_TRUE(check("jupyterhub", "2026-07-20").diagnostics.empty());
}

TEST_F(DeploymentsTest, WhoPaysTheCloudMustAgree) {
  m_inventory_files.add("config/clusters/commons-us/cluster.yaml",
                        cluster_yaml(hub("lakeshore"), false));
  append(k_lakeshore, "deployments:\n  - key: commons-us/lakeshore\n    cloud_costs: us\n");
  const Findings findings = check();
  EXPECT_EQ(lines_of(findings.diagnostics),
            (std::vector<std::string>{"error deployment-payer-mismatch " +
                                      std::string(k_lakeshore) + ":96:18"}));
  EXPECT_EQ(findings.diagnostics.items()[0].message,
            "the agreement says us pay the cloud costs of commons-us/lakeshore, the inventory "
            "says the partner (inventory/config/clusters/commons-us/cluster.yaml:10)");
}

TEST_F(DeploymentsTest, AKeyTheInventoryDoesNotKnowIsATypoOrGone) {
  m_inventory_files.add("config/clusters/commons-us/cluster.yaml", cluster_yaml(hub("prairie")));
  append(k_prairie, "deployments:\n  - key: commons-us/prarie\n  - key: commons-ca/prairie\n");
  const Findings findings = check();
  EXPECT_EQ(lines_of(findings.diagnostics),
            (std::vector<std::string>{
                "error deployment-uncovered inventory/config/clusters/commons-us/cluster.yaml:10:5",
                "warning deployment-unknown " + std::string(k_prairie) + ":76:10",
                "warning deployment-unknown " + std::string(k_prairie) + ":77:10"}));
  EXPECT_EQ(findings.diagnostics.items()[1].hint,
            "did you mean commons-us/prairie? a typo, or a deployment that was decommissioned");
  EXPECT_EQ(findings.diagnostics.items()[2].message,
            "the inventory does not know commons-ca/prairie (it has no cluster commons-ca)");
}

TEST_F(DeploymentsTest, ATypoWithinTheLaunchGraceIsUnknownNotMissing) {
  m_inventory_files.add("config/clusters/commons-us/cluster.yaml",
                        cluster_yaml(hub("lakeshore") + hub("noordzee")));
  append(k_lakeshore, "deployments:\n  - key: commons-us/lakeshore\n");
  append(k_noordzee, "deployments:\n  - key: commons-us/noordze\n");
  EXPECT_EQ(lines_of(check("jupyterhub", "2026-07-20").diagnostics),
            (std::vector<std::string>{
                "error deployment-uncovered inventory/config/clusters/commons-us/cluster.yaml:13:5",
                "warning deployment-unknown " + std::string(k_noordzee) + ":103:10"}));
}

TEST_F(DeploymentsTest, NothingIsMissingFromAnInventoryThatDidNotReadWhole) {
  append(k_lakeshore, "deployments:\n  - key: commons-us/lakeshore\n");
  m_inventory_files.add("config/clusters/commons-us/cluster.yaml", "hubs: [\n");
  check();
  // Read as `deployments check` reads it: the parse error marks it incomplete.
  Diagnostics diagnostics;
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "config/clusters/commons-us");
  std::ofstream(dir.path() / "config/clusters/commons-us/cluster.yaml") << "hubs: [\n";
  std::string error;
  const std::optional<Inventory> inventory =
      load_inventory({dir.path(), "", "jupyterhub", "inventory/"}, diagnostics, &error);
  ASSERT_TRUE(inventory) << error;
  EXPECT_FALSE(inventory->complete);
  EXPECT_EQ(lines_of(diagnostics),
            std::vector<std::string>{
                "error yaml-syntax inventory/config/clusters/commons-us/cluster.yaml:2:1"});
  EXPECT_TRUE(check_deployments(*m_workspace, *inventory, m_settings, *Date::parse("2026-11-23"))
                  .diagnostics.empty());
}

TEST_F(DeploymentsTest, ALookAlikeNameIsASuggestionNeverACover) {
  m_inventory_files.add("config/clusters/commons-us/cluster.yaml",
                        cluster_yaml(hub("lcc-courses", "Lakeshore Courses")));
  const Findings findings = check();
  ASSERT_EQ(findings.items.size(), 1u);
  EXPECT_EQ(findings.items[0].kind, FindingKind::uncovered);
  EXPECT_EQ(findings.items[0].severity, Severity::error);
  EXPECT_EQ(findings.items[0].suggestions, std::vector<std::string>{"lakeshore-college"});
  EXPECT_EQ(findings.covered, 0u);
  EXPECT_EQ(findings.diagnostics.items()[0].hint,
            "its name resembles partner lakeshore-college: if it is theirs, add `key: "
            "commons-us/lcc-courses` to the `deployments:` of their agreement");
}

TEST_F(DeploymentsTest, AnAgreementNotYetExecutedCoversNothing) {
  m_inventory_files.add("config/clusters/commons-us/cluster.yaml", cluster_yaml(hub("prairie")));
  append(k_prairie, "deployments:\n  - key: commons-us/prairie\n");
  const Findings findings = check();
  ASSERT_EQ(findings.diagnostics.size(), 1u);
  EXPECT_EQ(findings.diagnostics.items()[0].code, "deployment-uncovered");
  EXPECT_EQ(findings.diagnostics.items()[0].hint,
            "the agreement of prairie-public-health names it but is shared, not executed");
}

TEST_F(DeploymentsTest, TwoEntriesWithOneKeyAreReported) {
  m_inventory_files.add("deployments.yaml", "- key: a\n- key: a\n");
  append("partnerops.yaml", "deployments:\n  internal: [a]\n");
  EXPECT_EQ(lines_of(check("list").diagnostics),
            (std::vector<std::string>{"error inventory-duplicate inventory/deployments.yaml:2:3"}));
}

TEST(DeploymentsInventory, AGitRepositoryIsReadAtARevision) {
  git::testing::isolate_git_config();
  git::testing::TempRepo repo;
  repo.add("config/clusters/commons-us/cluster.yaml", cluster_yaml(hub("old-hub")));
  repo.commit("first");
  repo.add("config/clusters/commons-us/cluster.yaml", cluster_yaml(hub("new-hub")));
  repo.commit("second");
  // Uncommitted: never read at a revision.
  repo.write("config/clusters/commons-us/cluster.yaml", cluster_yaml(hub("working-tree-hub")));

  Diagnostics diagnostics;
  std::string error;
  InventoryLocation location{repo.root(), "HEAD~1", "jupyterhub", "infra/"};
  std::optional<Inventory> inventory = load_inventory(location, diagnostics, &error);
  ASSERT_TRUE(inventory) << error;
  ASSERT_EQ(inventory->deployments.size(), 1u);
  EXPECT_EQ(inventory->deployments[0].key, "commons-us/old-hub");
  EXPECT_EQ(inventory->deployments[0].file, "infra/config/clusters/commons-us/cluster.yaml");
  EXPECT_TRUE(inventory->description.starts_with("revision ")) << inventory->description;

  location.rev = "main";
  EXPECT_EQ(load_inventory(location, diagnostics, &error)->deployments[0].key,
            "commons-us/new-hub");
  location.rev.clear();
  EXPECT_EQ(load_inventory(location, diagnostics, &error)->deployments[0].key,
            "commons-us/working-tree-hub");
  location.rev = "no-such-branch";
  EXPECT_FALSE(load_inventory(location, diagnostics, &error));
  EXPECT_NE(error.find("no-such-branch"), std::string::npos) << error;
  EXPECT_TRUE(diagnostics.empty());
}

TEST(DeploymentsSettings, PatternsMatchOnePartOfAKeyPerStar) {
  EXPECT_TRUE(matches_pattern("*/staging", "commons-us/staging"));
  EXPECT_FALSE(matches_pattern("*/staging", "commons-us/staging-2"));
  EXPECT_FALSE(matches_pattern("*", "commons-us/staging"));
  EXPECT_TRUE(matches_pattern("commons-us/*", "commons-us/demo"));
}

}  // namespace
}  // namespace partnerops::deployments
