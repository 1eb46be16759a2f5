#include "scaffold/defaults_update.hpp"

namespace partnerops::scaffold {

namespace {

bool is_json_schema(std::string_view path) { return path.ends_with(".schema.yaml"); }

}  // namespace

std::string_view to_string(UpdateAction action) {
  switch (action) {
    case UpdateAction::added:
      return "added";
    case UpdateAction::updated:
      return "updated";
    case UpdateAction::kept_edited:
      return "kept (edited here)";
    case UpdateAction::current:
      return "current";
  }
  return "current";
}

std::string with_toolkit_version(const std::string& settings, const std::string& version) {
  const std::string line = "toolkit_version: \"" + version + "\"";
  std::size_t insert_at = std::string::npos;
  for (std::size_t start = 0; start < settings.size();) {
    std::size_t end = settings.find('\n', start);
    if (end == std::string::npos) end = settings.size();
    const std::string_view current(settings.data() + start, end - start);
    if (current.starts_with("toolkit_version:")) {
      return settings.substr(0, start) + line + settings.substr(end);
    }
    const bool comment_or_blank =
        current.empty() || current.starts_with("#") || current.starts_with("---");
    if (!comment_or_blank && insert_at == std::string::npos) insert_at = start;
    start = end + 1;
  }
  if (insert_at == std::string::npos) insert_at = settings.size();
  return settings.substr(0, insert_at) + line + "\n" + settings.substr(insert_at);
}

DefaultsUpdate plan_defaults_update(const std::vector<DefaultFile>& defaults, const ReadFile& read,
                                    const std::string& version) {
  DefaultsUpdate update;
  const std::optional<std::string> record_file = read(k_defaults_record);
  const DefaultsRecord old_record = record_file ? parse_record(*record_file) : DefaultsRecord();
  DefaultsRecord record = old_record;
  bool changed = false;
  for (const DefaultFile& file : defaults) {
    const std::string installed = digest_of(file.content);
    const std::optional<std::string> here = read(file.path);
    UpdateAction action = UpdateAction::current;
    if (!here) {
      action = UpdateAction::added;
    } else if (*here != file.content) {
      const auto copied = old_record.find(file.path);
      const bool untouched = copied != old_record.end() && copied->second == digest_of(*here);
      action = untouched || is_json_schema(file.path) ? UpdateAction::updated
                                                      : UpdateAction::kept_edited;
    }
    if (action == UpdateAction::added || action == UpdateAction::updated) {
      update.writes.push_back(file);
      changed = true;
    }
    // An edited file keeps the digest it was copied with, so it still
    // reads as edited next time.
    if (action != UpdateAction::kept_edited) record[file.path] = installed;
    update.entries.push_back({file.path, action});
  }
  const std::optional<std::string> settings = read("partnerops.yaml");
  const std::string new_settings =
      settings ? with_toolkit_version(*settings, version) : std::string();
  if (settings && new_settings != *settings) {
    update.writes.push_back({"partnerops.yaml", new_settings});
    changed = true;
  }
  if (changed || record != old_record) {
    update.writes.push_back({k_defaults_record, record_text(record)});
  }
  return update;
}

}  // namespace partnerops::scaffold
