#include "diag/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace partnerops {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

Diagnostic& Diagnostics::add(Severity severity, std::string code, std::string file,
                             Position position, std::string message, std::string hint) {
  return m_items.emplace_back(Diagnostic{severity, std::move(code), std::move(file), position,
                                         std::move(message), std::move(hint)});
}

Diagnostic& Diagnostics::error(std::string code, std::string file, Position position,
                               std::string message, std::string hint) {
  return add(Severity::error, std::move(code), std::move(file), position, std::move(message),
             std::move(hint));
}

Diagnostic& Diagnostics::warning(std::string code, std::string file, Position position,
                                 std::string message, std::string hint) {
  return add(Severity::warning, std::move(code), std::move(file), position, std::move(message),
             std::move(hint));
}

void Diagnostics::append(Diagnostics other) {
  m_items.insert(m_items.end(), std::make_move_iterator(other.m_items.begin()),
                 std::make_move_iterator(other.m_items.end()));
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  return std::count_if(m_items.begin(), m_items.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t Diagnostics::warning_count() const {
  return std::count_if(m_items.begin(), m_items.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::warning; });
}

void Diagnostics::sort() {
  std::stable_sort(m_items.begin(), m_items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.position.line, a.position.column, a.code) <
           std::tie(b.file, b.position.line, b.position.column, b.code);
  });
}

}  // namespace partnerops
