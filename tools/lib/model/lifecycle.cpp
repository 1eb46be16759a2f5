#include "model/lifecycle.hpp"

#include "model/reader.hpp"

namespace partnerops {

void FolderDocuments::add(std::string name, Decode decode) {
  m_files[std::move(name)].decode = std::move(decode);
}

bool FolderDocuments::has(std::string_view name) const {
  return m_files.find(name) != m_files.end();
}

const yaml::Document* FolderDocuments::find(std::string_view name) const {
  const auto found = m_files.find(name);
  if (found == m_files.end()) return nullptr;
  const File& file = found->second;
  if (!file.tree) file.tree = file.decode();
  return file.tree->get();
}

const ChecklistItem* Stage::item(std::string_view id) const {
  for (const ChecklistItem& item : checklist)
    if (item.id == id) return &item;
  return nullptr;
}

const Stage* Lifecycle::stage(std::string_view id) const {
  for (const Stage& stage : m_stages)
    if (stage.id == id) return &stage;
  return nullptr;
}

const Transition* Lifecycle::transition(std::string_view from, std::string_view to) const {
  for (const Transition& transition : m_transitions)
    if (transition.from == from && transition.to == to) return &transition;
  return nullptr;
}

std::vector<std::string> Lifecycle::stage_ids() const {
  std::vector<std::string> ids;
  for (const Stage& stage : m_stages) ids.push_back(stage.id);
  return ids;
}

namespace {

std::vector<std::string> texts(const Reader& reader, const yaml::Node& map, std::string_view key) {
  std::vector<std::string> out;
  for (const yaml::Node* item : reader.list(map, key))
    if (item->is_scalar()) out.push_back(std::string(item->text()));
  return out;
}

Guard read_guard(Reader& reader, const yaml::Node& node) {
  Guard guard;
  guard.file = reader.text(node, "file", "partner.yaml");
  guard.field = reader.text(node, "field");
  guard.message = reader.text(node, "message");
  if (const yaml::Node* equals = node.find("equals")) {
    guard.kind = Guard::Kind::equals;
    guard.equals = equals->text();
    guard.equals_kind = equals->kind();
  } else if (const yaml::Node* every = node.find("every"); every && every->is_mapping()) {
    guard.kind = Guard::Kind::every;
    for (const yaml::Entry& entry : every->entries()) guard.every_present.emplace_back(entry.key);
  } else {
    guard.kind = Guard::Kind::present;
  }
  if (guard.message.empty()) guard.message = guard.field + " in " + guard.file;
  return guard;
}

}  // namespace

Lifecycle Lifecycle::read(const yaml::Document& document, Diagnostics& diagnostics) {
  Reader reader(document, diagnostics);
  Lifecycle lifecycle;
  const yaml::Node& root = document.root();
  for (const yaml::Node* node : reader.list(root, "stages")) {
    Stage stage;
    stage.id = reader.text(*node, "id");
    stage.title = reader.text(*node, "title", stage.id);
    stage.description = reader.text(*node, "description");
    stage.initial = reader.boolean(*node, "initial");
    stage.terminal = reader.boolean(*node, "terminal");
    stage.reasons = texts(reader, *node, "reasons");
    stage.documents = texts(reader, *node, "documents");
    for (const yaml::Node* item : reader.list(*node, "checklist")) {
      ChecklistItem checklist_item;
      checklist_item.id = reader.text(*item, "id");
      checklist_item.title = reader.text(*item, "title", checklist_item.id);
      checklist_item.sop = reader.text(*item, "sop");
      if (auto days = reader.integer(*item, "due_days")) checklist_item.due_days = int(*days);
      checklist_item.required_items = texts(reader, *item, "requires");
      checklist_item.recorded_by = reader.text(*item, "recorded_by");
      stage.checklist.push_back(std::move(checklist_item));
    }
    lifecycle.m_stages.push_back(std::move(stage));
  }
  for (const yaml::Node* node : reader.list(root, "transitions")) {
    Transition transition{reader.text(*node, "from"), reader.text(*node, "to"), {}};
    for (const yaml::Node* guard : reader.list(*node, "guards"))
      transition.guards.push_back(read_guard(reader, *guard));
    for (const char* end : {"from", "to"}) {
      const std::string& stage = std::string_view(end) == "from" ? transition.from : transition.to;
      if (!lifecycle.stage(stage))
        diagnostics.error(
            "lifecycle-unknown-stage", document.path(), reader.position_of(*node, end),
            "the transition names the stage '" + stage + "', which is not defined",
            "define the stage under stages, or name one of: " + [&] {
              std::string ids;
              for (const Stage& known : lifecycle.m_stages)
                ids += (ids.empty() ? "" : ", ") + known.id;
              return ids;
            }());
    }
    lifecycle.m_transitions.push_back(std::move(transition));
  }
  return lifecycle;
}

namespace {

/// Follows a dot path; returns the node, or the deepest mapping reached
/// (with `found` false) so a message can point near the missing field.
const yaml::Node* follow(const yaml::Node& root, std::string_view path, bool* found) {
  const yaml::Node* node = &root;
  *found = false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = path.find('.', start);
    const std::string_view key =
        path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    const yaml::Node* next = node->find(key);
    if (!next) return node;
    node = next;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  *found = !node->is_null();
  return node;
}

}  // namespace

std::vector<UnmetGuard> unmet_guards(const Transition& transition, const FolderDocuments& documents,
                                     std::string_view folder) {
  std::vector<UnmetGuard> unmet;
  for (const Guard& guard : transition.guards) {
    const std::string file = std::string(folder) + "/" + guard.file;
    if (!documents.has(guard.file)) {
      unmet.push_back({&guard, file, {}, guard.file + " does not exist"});
      continue;
    }
    const yaml::Document* document = documents.find(guard.file);
    if (!document) continue;  // unreadable; its own error says why
    bool found = false;
    const yaml::Node* node = follow(document->root(), guard.field, &found);
    switch (guard.kind) {
      case Guard::Kind::present:
        if (!found) unmet.push_back({&guard, file, node->position(), guard.field + " is not set"});
        break;
      case Guard::Kind::equals:
        if (!found) {
          unmet.push_back({&guard, file, node->position(), guard.field + " is not set"});
        } else if (!node->is_scalar() || node->text() != guard.equals ||
                   (guard.equals_kind == yaml::Kind::boolean) !=
                       (node->kind() == yaml::Kind::boolean)) {
          unmet.push_back(
              {&guard, file, node->position(),
               guard.field + " is " +
                   (node->is_scalar() ? std::string(node->text()) : std::string("not a value")) +
                   ", not " + guard.equals});
        }
        break;
      case Guard::Kind::every:
        if (!found || !node->is_sequence() || node->items().empty()) {
          unmet.push_back({&guard, file, node->position(), guard.field + " has no items"});
          break;
        }
        for (std::size_t i = 0; i < node->items().size(); ++i) {
          const yaml::Node* item = node->items()[i];
          for (const std::string& field : guard.every_present) {
            const yaml::Node* value = item->find(field);
            if (!value || value->is_null()) {
              unmet.push_back({&guard, file, item->position(),
                               guard.field + "[" + std::to_string(i) + "] has no " + field});
            }
          }
        }
        break;
    }
  }
  return unmet;
}

}  // namespace partnerops
