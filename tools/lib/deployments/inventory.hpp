#pragma once
// What runs, as an infrastructure repository or a plain list says: the
// deployments an organisation hosts (a JupyterHub on a cluster, a site),
// each with the stable key agreements name it by (`deployments:` in
// agreement.yaml) and the place in the inventory it was read from, so a
// finding about it points at a line. Adapters (adapter.hpp) read the
// different layouts into this one shape; the checks read only this.

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/agreement.hpp"
#include "model/date.hpp"
#include "model/money.hpp"

namespace partnerops::deployments {

struct Deployment {
  std::string key;     ///< `<cluster>/<hub>` for a hosted hub; any text in a plain list
  std::string domain;  ///< empty when the inventory gives none
  /// What the inventory calls it for people: a hub's display_name, a list
  /// entry's name.
  std::string name;
  /// Who the community behind it says it is (a hub's funded_by and org
  /// names): only ever a suggestion of which partner it may belong to.
  std::vector<std::string> community_names;
  std::optional<Date> started;  ///< first known to run; nullopt when unknown
  CloudPayer paid_by = CloudPayer::unknown;
  std::optional<Money> monthly_cost;  ///< its cloud cost a month, when the inventory says
  std::string file;                   ///< inventory file, as diagnostics name it
  Position position;                  ///< of the entry in `file`
};

struct Inventory {
  std::string description;              ///< "folder inventory" or "revision 1a2b3c4 of inventory"
  std::vector<Deployment> deployments;  ///< in the order read
  /// The groups the keys live in (clusters), for telling a typo from a
  /// deployment that is gone: a key whose group is unknown is suspect.
  std::vector<std::string> groups;
  /// False when some of it could not be read (reported): what it lacks may
  /// only be unreadable, so nothing is called missing or unknown.
  bool complete = true;
  /// The text of every file read, by the path diagnostics name, for
  /// quoting source lines.
  std::vector<std::pair<std::string, std::string>> files;
};

}  // namespace partnerops::deployments
