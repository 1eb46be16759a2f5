// The partners workflow starts warm: before `validate` it restores the
// parse cache (.partnerops/cache) an earlier run saved, keyed by the commit
// the change is checked against, with restore keys for when that commit's
// cache is not saved yet. The test reads the workflows as a runner does
// (the cache step, then the validate step's command) and plays two runs on
// fresh clones of one repository: the second, given the first one's cache
// folder as actions/cache restores it, says on its log that every file came
// from the cache although no file's stamp is known to it, and it reports
// what the first run reported.

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "run_support.hpp"
#include "yaml/node.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

struct CacheStep {
  std::string path, key, restore_keys;
  std::size_t index = 0;  ///< among the validate job's steps
};

struct ValidateStep {
  std::string run;
  std::size_t index = 0;
};

std::string text_at(const yaml::Node* node) {
  return node && node->is_scalar() ? std::string(node->text()) : std::string();
}

/// The actions/cache step and the validate step of the workflow at `path`.
std::pair<CacheStep, ValidateStep> read_workflow(const fs::path& path) {
  Diagnostics diagnostics;
  const auto document = yaml::parse(path.string(), read_file(path), diagnostics);
  EXPECT_TRUE(document) << path;
  CacheStep cache;
  ValidateStep validate;
  if (!document) return {cache, validate};
  const yaml::Node* jobs = document->root().find("jobs");
  const yaml::Node* job = jobs ? jobs->find("validate") : nullptr;
  const yaml::Node* steps = job ? job->find("steps") : nullptr;
  EXPECT_TRUE(steps) << path << ": no validate job with steps";
  if (!steps) return {cache, validate};
  for (std::size_t i = 0; i < steps->items().size(); ++i) {
    const yaml::Node& step = *steps->items()[i];
    if (text_at(step.find("uses")).starts_with("actions/cache@") &&
        text_at(step.find("with") ? step.find("with")->find("path") : nullptr) ==
            ".partnerops/cache") {
      const yaml::Node& with = *step.find("with");
      cache = {text_at(with.find("path")), text_at(with.find("key")),
               text_at(with.find("restore-keys")), i};
    }
    if (text_at(step.find("name")) == "Validate every file")
      validate = {text_at(step.find("run")), i};
  }
  return {cache, validate};
}

/// The `load` line of `--timings`: "... (N hits) ..." gives N.
int cache_hits(const std::string& log) {
  std::smatch match;
  if (!std::regex_search(log, match, std::regex(R"(cache [0-9.]+ \(([0-9]+) hits\))"))) return -1;
  return std::stoi(match[1]);
}

TEST(CiCache, BothPartnersWorkflowsRestoreTheParseCacheKeyedByTheBaseCommit) {
  for (const fs::path& workflow : {source_dir() / ".github/workflows/partners.yml",
                                   source_dir() / "skeleton/.github/workflows/partners.yml"}) {
    const auto [cache, validate] = read_workflow(workflow);
    EXPECT_EQ(cache.path, ".partnerops/cache") << workflow;
    EXPECT_EQ(cache.key,
              "partnerops-parse-${{ github.event.pull_request.base.sha || "
              "github.event.merge_group.base_sha || github.sha }}")
        << workflow;
    EXPECT_EQ(cache.restore_keys, "partnerops-parse-\n") << workflow;
    EXPECT_LT(cache.index, validate.index) << workflow << ": the cache is restored after validate";
    EXPECT_TRUE(validate.run.ends_with("validate . --format github --timings")) << validate.run;
  }
}

TEST(CiCache, ARunOnAFreshCloneTakesEveryUnchangedFileFromTheRestoredCache) {
  const auto [cache, validate] = read_workflow(source_dir() / ".github/workflows/partners.yml");
  // The step's command, with the program this test runs.
  const std::string prefix = "build/release/partnerops ";
  ASSERT_TRUE(validate.run.starts_with(prefix)) << validate.run;
  std::vector<std::string> args;
  std::istringstream words(validate.run.substr(prefix.size()));
  for (std::string word; words >> word;) args.push_back(word);

  TempDir dir;
  const fs::path origin = dir.path() / "origin";
  run_tool("python3 '" + (source_dir() / "bench/generate_corpus.py").string() +
           "' --partners 40 --seed 5 --out '" + origin.string() + "' >/dev/null");
  run_tool("cd '" + origin.string() +
           "' && git init -q && git add -A && git -c user.name=t -c user.email=t@example.org "
           "commit -qm corpus");
  const std::size_t yaml_files = std::stoul(
      run_tool("cd '" + origin.string() + "' && git ls-files '*.yaml' | grep -c -v '^schemas/'"));

  // The run on main saves its cache (actions/cache saves the folder when
  // the job ends).
  const fs::path first = dir.path() / "first";
  run_tool("git clone -q '" + origin.string() + "' '" + first.string() + "'");
  const RunResult cold = run_partnerops(args, first);
  EXPECT_EQ(cache_hits(cold.err), 0) << cold.err;

  // A pull request's run: a fresh clone (new inodes and times, so no stamp
  // is known), one partner's file edited, the cache folder restored.
  const fs::path second = dir.path() / "second";
  run_tool("git clone -q '" + origin.string() + "' '" + second.string() + "'");
  fs::create_directories(second / cache.path);
  fs::copy(first / cache.path, second / cache.path,
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  const std::string edited =
      run_tool("cd '" + second.string() + "' && git ls-files 'partners/*/partner.yaml' | head -1");
  const fs::path partner = second / edited.substr(0, edited.find('\n'));
  write_file(partner, read_file(partner) + "# reviewed\n");
  const RunResult warm = run_partnerops(args, second);
  EXPECT_EQ(warm.exit_code, cold.exit_code) << warm.err;
  EXPECT_EQ(warm.out, cold.out);
  // Every YAML file but the edited one; the organisation's partnerops.yaml
  // is among them.
  EXPECT_EQ(cache_hits(warm.err), static_cast<int>(yaml_files) - 1) << warm.err;
  EXPECT_NE(warm.err.find("parse 0.0"), std::string::npos) << warm.err;
}

}  // namespace
}  // namespace partnerops::e2e
