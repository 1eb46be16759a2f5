#pragma once
// The statement of account (model/statement) as `partnerops statement`
// prints it: JSON with plain amounts and ISO dates, or text for a terminal.

#include <nlohmann/json.hpp>
#include <string>

#include "model/statement.hpp"

namespace partnerops {

/// The statement as JSON with plain amounts ("7320.00") and ISO dates
/// (docs/commands.md, `partnerops statement`).
nlohmann::ordered_json statement_json(const Statement& statement);

/// The statement as plain text for a terminal.
std::string statement_text(const Statement& statement);

}  // namespace partnerops
