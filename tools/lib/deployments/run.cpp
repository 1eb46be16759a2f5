#include "deployments/run.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "deployments/inventory_source.hpp"

namespace partnerops::deployments {

bool inventory_configured(const Workspace& workspace) {
  Diagnostics ignored;
  return !read_settings(workspace, ignored).inventory_path.empty();
}

std::optional<CheckResult> run_check(const Workspace& workspace, const CheckRequest& request,
                                     std::string* error) {
  CheckResult result;
  result.settings = read_settings(workspace, result.diagnostics);
  const Settings& settings = result.settings;
  InventoryLocation location;
  const std::string path = request.inventory.empty() ? settings.inventory_path : request.inventory;
  if (path.empty()) {
    *error =
        "no inventory: give --inventory DIR, or name one under deployments.inventory in "
        "partnerops.yaml";
    return std::nullopt;
  }
  location.adapter = !request.adapter.empty()    ? request.adapter
                     : !settings.adapter.empty() ? settings.adapter
                                                 : "jupyterhub";
  // A revision goes with the path it was named for.
  if (!request.inventory_rev.empty())
    location.rev = request.inventory_rev;
  else if (request.inventory.empty())
    location.rev = settings.inventory_rev;
  const std::filesystem::path given(path);
  location.path = given.is_absolute() ? given : request.workspace_root / given;
  location.prefix = std::filesystem::path(path).lexically_normal().generic_string();
  if (!location.prefix.empty() && location.prefix.back() != '/') location.prefix += '/';
  if (location.prefix == "./") location.prefix.clear();
  std::optional<Inventory> inventory = load_inventory(location, result.diagnostics, error);
  if (!inventory) return std::nullopt;
  result.inventory = std::move(*inventory);
  result.findings = check_deployments(workspace, result.inventory, settings, request.today);
  result.diagnostics.append(result.findings.diagnostics);
  result.diagnostics.sort();
  return result;
}

namespace {

nlohmann::ordered_json money_json(const std::optional<Money>& money) {
  if (!money) return nullptr;
  const std::optional<Currency> currency = find_currency(money->currency);
  return {
      {"amount", currency ? format_plain(money->minor, *currency) : std::to_string(money->minor)},
      {"currency", money->currency}};
}

}  // namespace

std::string findings_json(const CheckResult& result) {
  nlohmann::ordered_json out;
  out["inventory"] = result.inventory.description;
  out["deployments"] = result.findings.deployments;
  out["covered"] = result.findings.covered;
  out["internal"] = result.findings.internal;
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  // Each finding has one diagnostic at its place, with its kind's code.
  std::map<std::tuple<std::string, int, int, std::string>, const Diagnostic*> by_place;
  for (const Diagnostic& d : result.findings.diagnostics)
    by_place[{d.file, d.position.line, d.position.column, d.code}] = &d;
  for (const Finding& finding : result.findings.items) {
    const auto found = by_place.find({finding.file, finding.position.line, finding.position.column,
                                      "deployment-" + std::string(name_of(finding.kind))});
    const Diagnostic* diagnostic = found == by_place.end() ? nullptr : found->second;
    nlohmann::ordered_json item;
    item["kind"] = name_of(finding.kind);
    item["severity"] = to_string(finding.severity);
    item["key"] = finding.key;
    item["partner"] =
        finding.slug.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(finding.slug);
    item["file"] = finding.file;
    item["line"] = finding.position.line;
    item["column"] = finding.position.column;
    item["message"] = diagnostic ? diagnostic->message : "";
    item["hint"] = diagnostic ? diagnostic->hint : "";
    item["days"] = finding.days;
    item["due"] = finding.due ? nlohmann::ordered_json(finding.due->iso()) : nullptr;
    item["monthly_exposure"] = money_json(finding.monthly_exposure);
    item["exposure"] = money_json(finding.exposure);
    item["suggestions"] = finding.suggestions;
    findings.push_back(std::move(item));
  }
  out["findings"] = std::move(findings);
  nlohmann::ordered_json problems = nlohmann::ordered_json::array();
  for (const Diagnostic& diagnostic : result.diagnostics)
    if (!diagnostic.code.starts_with("deployment-"))
      problems.push_back({{"severity", to_string(diagnostic.severity)},
                          {"code", diagnostic.code},
                          {"file", diagnostic.file},
                          {"line", diagnostic.position.line},
                          {"column", diagnostic.position.column},
                          {"message", diagnostic.message},
                          {"hint", diagnostic.hint}});
  out["problems"] = std::move(problems);
  out["errors"] = result.diagnostics.error_count();
  out["warnings"] = result.diagnostics.warning_count();
  return out.dump(2) + "\n";
}

}  // namespace partnerops::deployments
