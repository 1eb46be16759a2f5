// `init --update`: schemas take the installed version, templates only where
// the organisation left them as copied, new files are added, edited ones
// kept and reported, and the record and toolkit_version follow.

#include "scaffold/defaults_update.hpp"

#include <gtest/gtest.h>

#include <map>

namespace partnerops::scaffold {
namespace {

/// A repository in memory: path -> bytes.
using Files = std::map<std::string, std::string>;

ReadFile reader(const Files& files) {
  return [&files](const std::string& path) -> std::optional<std::string> {
    const auto found = files.find(path);
    if (found == files.end()) return std::nullopt;
    return found->second;
  };
}

/// The repository as `init` of an older toolkit left it.
Files copied_repository(const std::vector<DefaultFile>& old_defaults) {
  Files files;
  DefaultsRecord record;
  for (const DefaultFile& file : old_defaults) {
    files[file.path] = file.content;
    record[file.path] = digest_of(file.content);
  }
  files[k_defaults_record] = record_text(record);
  files["partnerops.yaml"] = "# settings\ntoolkit_version: \"0.0.9\"\norganisation:\n";
  return files;
}

std::map<std::string, std::string> actions(const DefaultsUpdate& update) {
  std::map<std::string, std::string> out;
  for (const UpdateEntry& entry : update.entries)
    out[entry.path] = std::string(to_string(entry.action));
  return out;
}

std::map<std::string, std::string> writes(const DefaultsUpdate& update) {
  std::map<std::string, std::string> out;
  for (const DefaultFile& file : update.writes) out[file.path] = file.content;
  return out;
}

const std::vector<DefaultFile> k_old = {
    {"schemas/partner.schema.yaml", "old schema\n"},
    {"schemas/lifecycle.yaml", "old lifecycle\n"},
    {"templates/invoice.mustache", "old invoice\n"},
    {"templates/quote.mustache", "old quote\n"},
};

const std::vector<DefaultFile> k_new = {
    {"schemas/partner.schema.yaml", "new schema\n"}, {"schemas/lifecycle.yaml", "new lifecycle\n"},
    {"templates/invoice.mustache", "new invoice\n"}, {"templates/quote.mustache", "old quote\n"},
    {"templates/receipt.mustache", "new receipt\n"},
};

TEST(DefaultsUpdate, UntouchedFilesTakeTheInstalledVersionEditedTemplatesAreKept) {
  Files repository = copied_repository(k_old);
  repository["templates/invoice.mustache"] = "our own invoice\n";  // edited here
  repository["schemas/partner.schema.yaml"] = "our schema tweak\n";
  const DefaultsUpdate update = plan_defaults_update(k_new, reader(repository), "0.1.0");
  EXPECT_EQ(actions(update), (std::map<std::string, std::string>{
                                 {"schemas/lifecycle.yaml", "updated"},
                                 {"schemas/partner.schema.yaml", "updated"},
                                 {"templates/invoice.mustache", "kept (edited here)"},
                                 {"templates/quote.mustache", "current"},
                                 {"templates/receipt.mustache", "added"},
                             }));
  const auto written = writes(update);
  EXPECT_EQ(written.at("schemas/partner.schema.yaml"), "new schema\n");
  EXPECT_EQ(written.at("schemas/lifecycle.yaml"), "new lifecycle\n");
  EXPECT_EQ(written.at("templates/receipt.mustache"), "new receipt\n");
  EXPECT_EQ(written.count("templates/invoice.mustache"), 0u);
  EXPECT_EQ(written.at("partnerops.yaml"),
            "# settings\ntoolkit_version: \"0.1.0\"\norganisation:\n");
  // The edited template keeps the digest it was copied with, so it still
  // reads as edited at the next update.
  const DefaultsRecord record = parse_record(written.at(k_defaults_record));
  EXPECT_EQ(record.at("templates/invoice.mustache"), digest_of("old invoice\n"));
  EXPECT_EQ(record.at("templates/receipt.mustache"), digest_of("new receipt\n"));
  EXPECT_EQ(record.at("schemas/partner.schema.yaml"), digest_of("new schema\n"));
}

TEST(DefaultsUpdate, AnEditedLifecycleIsKeptLikeATemplate) {
  Files repository = copied_repository(k_old);
  repository["schemas/lifecycle.yaml"] = "our stages\n";
  const DefaultsUpdate update = plan_defaults_update(k_new, reader(repository), "0.1.0");
  EXPECT_EQ(actions(update).at("schemas/lifecycle.yaml"), "kept (edited here)");
}

TEST(DefaultsUpdate, AFileWithoutARecordCountsAsEdited) {
  Files repository = copied_repository(k_old);
  repository.erase(k_defaults_record);
  const DefaultsUpdate update = plan_defaults_update(k_new, reader(repository), "0.1.0");
  EXPECT_EQ(actions(update).at("templates/invoice.mustache"), "kept (edited here)");
  EXPECT_EQ(actions(update).at("schemas/partner.schema.yaml"), "updated");
}

TEST(DefaultsUpdate, NothingToWriteWhenCurrent) {
  const Files repository = copied_repository(k_new);
  Files current = repository;
  current["partnerops.yaml"] = "toolkit_version: \"0.1.0\"\n";
  const DefaultsUpdate update = plan_defaults_update(k_new, reader(current), "0.1.0");
  EXPECT_TRUE(update.writes.empty());
  for (const auto& [path, action] : actions(update)) EXPECT_EQ(action, "current") << path;
}

TEST(DefaultsUpdate, ToolkitVersionLineIsReplacedOrAddedAfterTheComments) {
  EXPECT_EQ(with_toolkit_version("toolkit_version: \"0.0.1\"\na: 1\n", "0.2.0"),
            "toolkit_version: \"0.2.0\"\na: 1\n");
  EXPECT_EQ(with_toolkit_version("# head\n\norganisation:\n  name: X\n", "0.2.0"),
            "# head\n\ntoolkit_version: \"0.2.0\"\norganisation:\n  name: X\n");
  // A nested key of the same name is not the top-level one.
  EXPECT_EQ(with_toolkit_version("a:\n  toolkit_version: x\n", "0.2.0"),
            "toolkit_version: \"0.2.0\"\na:\n  toolkit_version: x\n");
}

TEST(DefaultsRecord, ReadsWhatItWritesAndSkipsOtherLines) {
  const DefaultsRecord record = {{"schemas/a.yaml", digest_of("a")},
                                 {"templates/b c", digest_of("b")}};
  const std::string text = record_text(record);
  EXPECT_EQ(text, digest_of("a") + "  schemas/a.yaml\n" + digest_of("b") + "  templates/b c\n");
  EXPECT_EQ(parse_record(text + "not a line\n" + "abc  short\n"), record);
  EXPECT_EQ(digest_of(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace partnerops::scaffold
