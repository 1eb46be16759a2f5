#include "model/parse_cache.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>

#include "check/checks.hpp"
#include "fixture_workspace.hpp"
#include "model/workspace.hpp"
#include "yaml/binary.hpp"

namespace partnerops {
namespace {

namespace fs = std::filesystem;

/// Every field of two trees, positions included; names the first difference.
void expect_same_tree(const yaml::Node& a, const yaml::Node& b, const std::string& where) {
  ASSERT_EQ(a.kind(), b.kind()) << where;
  EXPECT_EQ(a.text(), b.text()) << where;
  EXPECT_EQ(a.quoted(), b.quoted()) << where;
  EXPECT_EQ(a.boolean(), b.boolean()) << where;
  EXPECT_EQ(a.integer(), b.integer()) << where;
  EXPECT_EQ(a.position(), b.position()) << where;
  ASSERT_EQ(a.items().size(), b.items().size()) << where;
  for (std::size_t i = 0; i < a.items().size(); ++i)
    expect_same_tree(*a.items()[i], *b.items()[i], where + "/" + std::to_string(i));
  ASSERT_EQ(a.entries().size(), b.entries().size()) << where;
  for (std::size_t i = 0; i < a.entries().size(); ++i) {
    EXPECT_EQ(a.entries()[i].key, b.entries()[i].key) << where;
    EXPECT_EQ(a.entries()[i].key_position, b.entries()[i].key_position) << where;
    expect_same_tree(*a.entries()[i].value, *b.entries()[i].value,
                     where + "/" + std::string(a.entries()[i].key));
  }
}

constexpr std::string_view k_sample =
    "name: \"Acme Ltd\"\n"
    "count: -42\n"
    "hex: 0x1F\n"
    "ratio: 1234.50\n"
    "flag: true\n"
    "nothing: ~\n"
    "date: 2026-11-22\n"
    "unicode: \"Zoë – ünïcode\"\n"
    "base: &base\n"
    "  city: Lyon\n"
    "  tags: [a, 'b', \"c\"]\n"
    "copy: *base\n"
    "block: |\n"
    "  line one\n"
    "  line two\n";

std::unique_ptr<yaml::Document> parse_sample() {
  Diagnostics diagnostics;
  auto document = yaml::parse("in.yaml", k_sample, diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  return document;
}

TEST(YamlBinary, RoundTripsEveryFieldAndKeepsAliasesShared) {
  const auto original = parse_sample();
  ASSERT_TRUE(original);
  std::string bytes;
  yaml::encode(*original, bytes);
  const auto decoded = yaml::decode("renamed.yaml", bytes);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->path(), "renamed.yaml");
  expect_same_tree(original->root(), decoded->root(), "");
  // The alias points at the anchored mapping itself, not at a copy.
  EXPECT_EQ(decoded->root().find("copy"), decoded->root().find("base"));
  // Encoding the decoded tree gives the same bytes.
  std::string again;
  yaml::encode(*decoded, again);
  EXPECT_EQ(again, bytes);
}

TEST(YamlBinary, RefusesEveryTruncationAndTrailingBytes) {
  const auto original = parse_sample();
  std::string bytes;
  yaml::encode(*original, bytes);
  for (std::size_t size = 0; size < bytes.size(); ++size)
    EXPECT_EQ(yaml::decode("f.yaml", std::string_view(bytes).substr(0, size)), nullptr) << size;
  EXPECT_EQ(yaml::decode("f.yaml", bytes + "x"), nullptr);
}

TEST(YamlBinary, RefusesANodeThatContainsItself) {
  // One node, one item, no entries, root 0: a sequence node (kind 5) at
  // line 1, column 1, expanded size 2, no text, holding one item: itself.
  const std::string cycle = {1, 1, 0, 0, 5, 2, 2, 2, 0, 1, 0};
  EXPECT_EQ(yaml::decode("f.yaml", cycle), nullptr);
  // The same shape with a consistent size is still refused: a node cannot
  // be one larger than itself.
  const std::string cycle_sized = {1, 1, 0, 0, 5, 2, 2, 1, 0, 1, 0};
  EXPECT_EQ(yaml::decode("f.yaml", cycle_sized), nullptr);
}

TEST(YamlBinary, RefusesAnIndexOutOfRange) {
  // A sequence whose item is node 7 of a one-node document.
  const std::string bad = {1, 1, 0, 0, 5, 2, 2, 2, 0, 1, 7};
  EXPECT_EQ(yaml::decode("f.yaml", bad), nullptr);
}

TEST(YamlBinary, RefusesItemsOrEntriesBeyondTheCountsItDeclares) {
  // Two nodes, root 0: a sequence of one item, node 1 (a null), but the
  // header declares no items. Its runs were sized by the header, so an
  // item past it would move them: refused, not read.
  const std::string more_items = {2, 0, 0, 0, 5, 2, 2, 2, 0, 1, 1, 0, 2, 4, 1, 0};
  EXPECT_EQ(yaml::decode("f.yaml", more_items), nullptr);
  // The same with one item declared decodes; two declared and one given
  // is refused.
  std::string exact = more_items;
  exact[1] = 1;
  EXPECT_NE(yaml::decode("f.yaml", exact), nullptr);
  std::string fewer = more_items;
  fewer[1] = 2;
  EXPECT_EQ(yaml::decode("f.yaml", fewer), nullptr);
}

TEST(YamlBinary, ADecodedTreeReadsItsTextsWhereTheFormHoldsThem) {
  const auto original = parse_sample();
  auto bytes = std::make_shared<std::string>();
  yaml::encode(*original, *bytes);
  const std::string_view form = *bytes;
  auto decoded = yaml::decode("f.yaml", form, bytes);
  ASSERT_NE(decoded, nullptr);
  bytes.reset();  // the document keeps the form alive
  const std::string_view name = decoded->root().find("name")->text();
  EXPECT_EQ(name, "Acme Ltd");
  EXPECT_TRUE(name.data() >= form.data() && name.data() < form.data() + form.size());
  expect_same_tree(original->root(), decoded->root(), "");
}

/// A source that names its files' blobs, as a git revision's tree does,
/// and remembers which files were read.
class BlobNamingSource final : public Source {
 public:
  explicit BlobNamingSource(const Source& inner) : m_inner(inner) {}
  std::vector<SourceEntry> list(std::string_view dir, std::string* error) const override {
    return m_inner.list(dir, error);
  }
  ReadResult read(std::string_view path, std::uint64_t max_bytes) const override {
    std::lock_guard lock(m_mutex);
    m_read.emplace(path);
    return m_inner.read(path, max_bytes);
  }
  bool is_file(std::string_view path) const override { return m_inner.is_file(path); }
  std::string describe() const override { return "blobs"; }
  std::optional<std::array<unsigned char, 20>> blob_id(std::string_view path) const override {
    const ReadResult read = m_inner.read(path, UINT64_MAX);
    if (!read.ok()) return std::nullopt;
    return ParseCacheKey::of(FileKind::ignored, read.content).blob_id;
  }
  std::set<std::string> read_paths() const {
    std::lock_guard lock(m_mutex);
    return m_read;
  }

 private:
  const Source& m_inner;
  mutable std::mutex m_mutex;
  mutable std::set<std::string> m_read;
};

class ParseCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() /
            ("parse-cache-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  struct Loaded {
    Diagnostics diagnostics;
    Workspace workspace;
  };

  std::unique_ptr<Loaded> load(const Source& source, bool cached) {
    auto loaded = std::make_unique<Loaded>();
    LoadOptions options;
    options.jobs = 2;
    if (cached) options.cache_dir = m_dir;
    loaded->workspace = load_workspace(source, options, loaded->diagnostics);
    run_checks(loaded->workspace, Date::parse("2026-11-23").value(), loaded->diagnostics);
    loaded->diagnostics.sort();
    return loaded;
  }

  /// The YAML files that go through the cache (the lifecycle, read on its
  /// own, has kind `ignored`).
  static std::size_t yaml_files(const Workspace& workspace) {
    std::size_t count = 0;
    for (const auto& file : workspace.files())
      if (file->kind != FileKind::notes && file->kind != FileKind::ignored) ++count;
    return count;
  }

  static void expect_same(const Loaded& a, const Loaded& b) {
    ASSERT_EQ(a.diagnostics.size(), b.diagnostics.size());
    for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
      EXPECT_EQ(a.diagnostics.items()[i].code, b.diagnostics.items()[i].code);
      EXPECT_EQ(a.diagnostics.items()[i].file, b.diagnostics.items()[i].file);
      EXPECT_EQ(a.diagnostics.items()[i].position, b.diagnostics.items()[i].position);
      EXPECT_EQ(a.diagnostics.items()[i].message, b.diagnostics.items()[i].message);
    }
    ASSERT_EQ(a.workspace.files().size(), b.workspace.files().size());
    for (std::size_t i = 0; i < a.workspace.files().size(); ++i) {
      const WorkspaceFile& x = *a.workspace.files()[i];
      const WorkspaceFile& y = *b.workspace.files()[i];
      EXPECT_EQ(x.path, y.path);
      EXPECT_EQ(x.valid, y.valid) << x.path;
      const std::shared_ptr<const yaml::Document> x_tree = x.document();
      const std::shared_ptr<const yaml::Document> y_tree = y.document();
      ASSERT_EQ(x_tree == nullptr, y_tree == nullptr) << x.path;
      if (x_tree) {
        EXPECT_EQ(y_tree->path(), x.path);
        expect_same_tree(x_tree->root(), y_tree->root(), x.path);
      }
    }
  }

  fs::path m_dir;
};

TEST_F(ParseCacheTest, ASecondLoadTakesEveryCleanFileFromTheCacheAndMatchesAFreshLoad) {
  const testing::MemorySource source = testing::fixture_workspace();
  const auto fresh = load(source, false);
  const auto first = load(source, true);
  EXPECT_EQ(first->workspace.timings().cache_hits, 0u);
  EXPECT_TRUE(fs::is_regular_file(m_dir / "parse-cache.bin"));
  std::ifstream ignore(m_dir / ".gitignore");
  std::string line;
  std::getline(ignore, line);
  EXPECT_EQ(line, "*");
  const auto second = load(source, true);
  EXPECT_EQ(second->workspace.timings().cache_hits, yaml_files(fresh->workspace));
  expect_same(*fresh, *second);
}

TEST_F(ParseCacheTest, AFileTheSourceNamesByBlobIdIsNotReadWhenTheCacheHoldsItsTree) {
  const testing::MemorySource files = testing::fixture_workspace();
  const auto fresh = load(files, false);
  load(BlobNamingSource(files), true);
  // Loading alone (the checks that follow may read a file to quote it).
  const BlobNamingSource again(files);
  LoadOptions options;
  options.jobs = 2;
  options.cache_dir = m_dir;
  Diagnostics diagnostics;
  const Workspace loaded = load_workspace(again, options, diagnostics);
  EXPECT_EQ(loaded.timings().cache_hits, yaml_files(fresh->workspace));
  // Read: the schemas, the lifecycle and the notes, which are not cached;
  // no partner YAML file and not partnerops.yaml.
  const std::set<std::string> read = again.read_paths();
  for (const std::string& path : read)
    EXPECT_TRUE(path.starts_with("schemas/") || path.ends_with("/notes.md")) << path;
  EXPECT_TRUE(read.count("schemas/lifecycle.yaml"));
  // And the diagnostics and trees are those of a load without any cache.
  expect_same(*fresh, *load(again, true));
}

TEST_F(ParseCacheTest, AFileWithAProblemIsNeverCachedAndReportsItEveryTime) {
  testing::MemorySource source = testing::fixture_workspace();
  source.add("partners/lakeshore-college/kpis.yaml", "period: 12\nmetrics: [\n");
  const auto fresh = load(source, false);
  ASSERT_TRUE(fresh->diagnostics.has_errors());
  load(source, true);
  const auto second = load(source, true);
  EXPECT_EQ(second->workspace.timings().cache_hits, yaml_files(fresh->workspace) - 1);
  expect_same(*fresh, *second);
}

TEST_F(ParseCacheTest, ADamagedCacheIsIgnoredAndRewritten) {
  const testing::MemorySource source = testing::fixture_workspace();
  const auto fresh = load(source, false);
  load(source, true);
  const fs::path file = m_dir / "parse-cache.bin";
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(bytes.size(), 200u);
  for (const std::size_t at : {std::size_t{3}, bytes.size() / 2, bytes.size() - 1}) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << damaged;
    const auto loaded = load(source, true);
    EXPECT_EQ(loaded->workspace.timings().cache_hits, 0u) << at;
    expect_same(*fresh, *loaded);
  }
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 3);
  EXPECT_EQ(load(source, true)->workspace.timings().cache_hits, 0u);
  // Each of those loads wrote a sound cache again.
  EXPECT_GT(load(source, true)->workspace.timings().cache_hits, 0u);
}

TEST_F(ParseCacheTest, AnEntryThatDoesNotDecodeIsLoadedAgainFromTheFileAndReplaced) {
  // The checksum rules out damage on disk; an entry that still does not
  // decode (a defect) must cost time, not the file.
  const testing::MemorySource source = testing::fixture_workspace();
  const auto fresh = load(source, false);
  const std::string path = "partners/lakeshore-college/partner.yaml";
  const ParseCacheKey key =
      ParseCacheKey::of(FileKind::partner, source.read(path, 1 << 20).content);
  LoadOptions options;
  options.cache_dir = m_dir;
  std::string error;
  ASSERT_TRUE(open_parse_cache(source, options).save({}, {{key, "not a form"}}, {}, &error))
      << error;

  const auto loaded = load(source, true);
  EXPECT_EQ(loaded->workspace.timings().cache_hits, 1u);
  expect_same(*fresh, *loaded);
  ASSERT_NE(loaded->workspace.partner("lakeshore-college"), nullptr);
  EXPECT_TRUE(loaded->workspace.partner("lakeshore-college")->partner.has_value());
  // The file's sound form replaced the entry.
  const auto again = load(source, true);
  EXPECT_EQ(again->workspace.timings().cache_hits, yaml_files(fresh->workspace));
  expect_same(*fresh, *again);
}

TEST_F(ParseCacheTest, AChangedSchemaEmptiesTheCache) {
  testing::MemorySource source = testing::fixture_workspace();
  load(source, true);
  EXPECT_GT(load(source, true)->workspace.timings().cache_hits, 0u);
  std::string schema;
  ASSERT_TRUE(source.read("schemas/kpis.schema.yaml", 1 << 20).ok());
  schema = source.read("schemas/kpis.schema.yaml", 1 << 20).content;
  source.add("schemas/kpis.schema.yaml", schema + "\n# changed\n");
  EXPECT_EQ(load(source, true)->workspace.timings().cache_hits, 0u);
}

TEST(ParseCacheKey, IsTheGitBlobIdOfTheBytes) {
  // `printf 'hello\n' | git hash-object --stdin`
  const ParseCacheKey key = ParseCacheKey::of(FileKind::partner, "hello\n");
  static constexpr unsigned char k_expected[] = {0xce, 0x01, 0x36, 0x25, 0x03, 0x0b, 0xa8,
                                                 0xdb, 0xa9, 0x06, 0xf7, 0x56, 0x96, 0x7f,
                                                 0x9e, 0x9c, 0xa3, 0x94, 0x46, 0x4a};
  EXPECT_TRUE(std::equal(key.blob_id.begin(), key.blob_id.end(), std::begin(k_expected)));
  EXPECT_FALSE(key == ParseCacheKey::of(FileKind::kpis, "hello\n"));
}

}  // namespace
}  // namespace partnerops
