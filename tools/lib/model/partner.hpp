#pragma once
// A partner as partner.yaml describes it: who they are, where they stand in
// the lifecycle, and the append-only history of how they got there.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/billing.hpp"
#include "model/date.hpp"
#include "model/field.hpp"
#include "model/reader.hpp"

namespace partnerops {

struct Contact {
  std::string name;
  Field<std::string> email;
  std::string role;
  bool primary = false;
};

struct HistoryEntry {
  std::optional<Field<Date>> date;
  Field<std::string> stage;
  std::string reason;
  Position position;  ///< the entry's own place, for messages about order
};

struct VerbalClose {
  std::optional<Field<Date>> date;
  Field<std::string> outcome;  ///< "yes" or "no"
};

struct Partner {
  std::string file;
  Field<std::string> slug;
  std::string name;
  std::string legal_entity;  ///< the name invoices are made out to, when not `name`
  bool qualified = false;
  Field<std::string> stage;
  std::optional<Field<std::string>> closed_reason;
  Field<std::string> owner;
  std::vector<Contact> contacts;
  Billing billing;
  std::optional<VerbalClose> verbal_close;
  std::map<std::string, Field<Date>> checklist;  ///< SOP item id -> date done
  Position checklist_position;
  std::vector<HistoryEntry> history;
  Position history_position;

  /// The date the partner entered its current stage: the last history
  /// entry's date, when it has one.
  std::optional<Date> stage_entered() const;

  /// The contact documents and messages are addressed to: the one marked
  /// `primary`, else the first; nullptr when there is none.
  const Contact* primary_contact() const;
};

/// Reads a schema-checked partner.yaml. Dates that are not on the calendar
/// are reported through the reader and left empty.
Partner read_partner(Reader& reader);

}  // namespace partnerops
