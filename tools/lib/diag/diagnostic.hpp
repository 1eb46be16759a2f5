#pragma once
// One shape for every problem the toolkit reports: where it is, how bad it is,
// a stable code a user can look up in docs/diagnostics.md, what is wrong and
// how to fix it. Every stage appends to a Diagnostics list and keeps going, so
// one run reports every problem instead of the first.

#include <string>
#include <string_view>
#include <vector>

namespace partnerops {

enum class Severity { error, warning, note };

std::string_view to_string(Severity severity);

/// A place in a source file. Lines and columns count from 1; 0 means unknown
/// (a problem with a whole file, or with a file that does not exist).
struct Position {
  int line = 0;
  int column = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;  ///< stable, documented in docs/diagnostics.md
  std::string file;  ///< path relative to the workspace root, '/'-separated
  Position position;
  std::string message;  ///< what is wrong, one sentence without a final period
  std::string hint;     ///< how to fix it; may be empty
};

/// An ordered list of diagnostics that stages append to.
class Diagnostics {
 public:
  Diagnostic& add(Severity severity, std::string code, std::string file, Position position,
                  std::string message, std::string hint = {});
  Diagnostic& error(std::string code, std::string file, Position position, std::string message,
                    std::string hint = {});
  Diagnostic& warning(std::string code, std::string file, Position position, std::string message,
                      std::string hint = {});
  void append(Diagnostics other);

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool empty() const { return m_items.empty(); }
  std::size_t size() const { return m_items.size(); }
  const std::vector<Diagnostic>& items() const { return m_items; }

  /// Orders by file, line, column, then code, so output is the same however
  /// the work was split across threads.
  void sort();

  auto begin() const { return m_items.begin(); }
  auto end() const { return m_items.end(); }

 private:
  std::vector<Diagnostic> m_items;
};

}  // namespace partnerops
