// The parse cache never changes what a command says: on a generated
// organisation, random edits (same-size digit changes, schema errors, broken
// YAML, new comment lines) are made between runs, and `validate` through
// the cache, with unchanged files not even read (their stamps vouch for
// them), reports exactly what a run without any cache reports.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

constexpr char k_today[] = "2026-11-23";

/// Every YAML file under partners/, sorted.
std::vector<fs::path> partner_files(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root / "partners"))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

/// Makes every file look settled, as files are that were not written in
/// the last second: their stamps may then be recorded.
void age_files(const fs::path& root) {
  run_tool("find '" + root.string() + "' -type f -exec touch -d '1 hour ago' {} +");
}

/// One random edit of `file`; `kind` picks which.
void edit(const fs::path& file, unsigned kind, std::mt19937& random) {
  std::string text = read_file(file);
  switch (kind % 4) {
    case 0: {  // a digit changed in place: same size, new bytes
      std::vector<std::size_t> digits;
      for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] >= '1' && text[i] <= '8') digits.push_back(i);
      if (digits.empty()) return;
      text[digits[random() % digits.size()]] += 1;
      break;
    }
    case 1:  // a value the schema refuses
      text += "unexpected_key: true\n";
      break;
    case 2:  // YAML that does not parse
      text += "broken: \"unclosed\n";
      break;
    default:  // a comment: the same document, other bytes
      text += "# reviewed\n";
      break;
  }
  write_file(file, text);
}

/// `validate --format json` diagnostics of the workspace at `root`, with
/// or without the parse cache left by earlier runs.
std::vector<std::string> validate(const fs::path& root, bool cold) {
  if (cold) fs::remove_all(root / ".partnerops");
  const RunResult run = run_partnerops({"validate", "--format", "json", "--today", k_today}, root);
  EXPECT_NE(run.exit_code, 2) << run.err;
  return diagnostic_lines(run.out);
}

TEST(WarmCache, ValidateThroughTheCacheSaysWhatAColdRunSaysAfterRandomEdits) {
  TempDir dir;
  const fs::path root = dir.path() / "org";
  run_tool("python3 '" + (source_dir() / "bench/generate_corpus.py").string() +
           "' --partners 60 --seed 11 --out '" + root.string() + "' >/dev/null");
  ASSERT_TRUE(fs::exists(root / "partnerops.yaml"));
  age_files(root);
  const std::vector<std::string> first = validate(root, true);
  // The second run takes every clean file from its stamp.
  const RunResult warm = run_partnerops({"validate", "--today", k_today, "--timings"}, root);
  EXPECT_NE(warm.err.find(" hits)"), std::string::npos) << warm.err;
  EXPECT_EQ(warm.err.find("(0 hits)"), std::string::npos) << warm.err;
  EXPECT_EQ(validate(root, false), first);

  std::mt19937 random(20261206);
  const std::vector<fs::path> files = partner_files(root);
  ASSERT_GT(files.size(), 100u);
  for (int round = 0; round < 4; ++round) {
    for (int i = 0; i < 6; ++i) edit(files[random() % files.size()], random(), random);
    const std::vector<std::string> warm_lines = validate(root, false);
    const fs::path copy = dir.path() / ("cold-" + std::to_string(round));
    fs::copy(root, copy, fs::copy_options::recursive);
    EXPECT_EQ(warm_lines, validate(copy, true)) << "round " << round;
    EXPECT_NE(warm_lines, first) << "the edits of round " << round << " changed nothing";
  }
}

}  // namespace
}  // namespace partnerops::e2e
