// Each folder of tests/fixtures/invalid/ holds one problem: files laid over
// the minimal valid workspace (tests/fixtures/base), optional `remove` (base
// paths to delete, one a line) and `expect`, the exact diagnostics
// `partnerops validate` must print, one a line: `<severity> <code> <file>:<line>:<col>`.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_today = "2026-11-23";

std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(fixtures_dir() / "invalid"))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  return lines;
}

std::vector<std::string> validate_json_lines(const fs::path& workspace, int* exit_code) {
  const RunResult run =
      run_partnerops({"validate", workspace.string(), "--format", "json", "--today", k_today});
  *exit_code = run.exit_code;
  std::vector<std::string> found;
  const nlohmann::json output = nlohmann::json::parse(run.out, nullptr, false);
  if (output.is_discarded()) {
    ADD_FAILURE() << "not JSON: " << run.out << run.err;
    return found;
  }
  for (const auto& d : output["diagnostics"]) {
    found.push_back(d["severity"].get<std::string>() + " " + d["code"].get<std::string>() + " " +
                    d["file"].get<std::string>() + ":" + std::to_string(d["line"].get<int>()) +
                    ":" + std::to_string(d["column"].get<int>()));
  }
  return found;
}

TEST(ValidateBase, TheBaseWorkspaceIsClean) {
  TempDir dir;
  make_base_workspace(dir.path());
  int exit_code = -1;
  EXPECT_EQ(validate_json_lines(dir.path(), &exit_code), std::vector<std::string>{});
  EXPECT_EQ(exit_code, 0);
}

class InvalidFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(InvalidFixture, ReportsExactlyTheExpectedDiagnostics) {
  const fs::path fixture = fixtures_dir() / "invalid" / GetParam();
  TempDir dir;
  make_base_workspace(dir.path());
  for (const std::string& path : lines_of(read_file(fixture / "remove")))
    fs::remove_all(dir.path() / path);
  if (fs::exists(fixture / "files"))
    fs::copy(fixture / "files", dir.path(),
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);

  const std::vector<std::string> expected = lines_of(read_file(fixture / "expect"));
  ASSERT_FALSE(expected.empty()) << "the fixture has no expect file";
  int exit_code = -1;
  EXPECT_EQ(validate_json_lines(dir.path(), &exit_code), expected);
  const bool expects_error =
      std::any_of(expected.begin(), expected.end(),
                  [](const std::string& line) { return line.starts_with("error "); });
  EXPECT_EQ(exit_code, expects_error ? 1 : 0);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, InvalidFixture, ::testing::ValuesIn(fixture_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace partnerops::e2e
