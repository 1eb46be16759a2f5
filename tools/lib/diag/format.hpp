#pragma once
// Prints diagnostics for people and for machines, in one place:
//   text    `file:line:col: error[code]: message`, the source line with a
//           caret under the column, and the hint, as compilers print;
//   json    one object with every diagnostic and the counts;
//   github  workflow commands, so pull requests show annotations on lines.

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"

namespace partnerops {

enum class DiagnosticFormat { text, json, github };

std::optional<DiagnosticFormat> parse_diagnostic_format(std::string_view name);

enum class Colour { off, on };

/// Returns the text of a file by workspace path, for quoting source lines;
/// may return nullptr.
using SourceLookup = std::function<const std::string*(std::string_view path)>;

void print_diagnostics(std::ostream& out, const Diagnostics& diagnostics, DiagnosticFormat format,
                       Colour colour, const SourceLookup& lookup = {});

/// "2 errors, 1 warning" (or "no problems").
std::string summarize(const Diagnostics& diagnostics);

/// Colour when `fd` is a terminal and NO_COLOR is not set.
Colour colour_for_stream(int fd);

}  // namespace partnerops
