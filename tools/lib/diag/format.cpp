#include "diag/format.hpp"

#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

namespace partnerops {

std::optional<DiagnosticFormat> parse_diagnostic_format(std::string_view name) {
  if (name == "text") return DiagnosticFormat::text;
  if (name == "json") return DiagnosticFormat::json;
  if (name == "github") return DiagnosticFormat::github;
  return std::nullopt;
}

Colour colour_for_stream(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour && *no_colour) return Colour::off;
  return isatty(fd) ? Colour::on : Colour::off;
}

namespace {

std::string_view line_of(const std::string& text, int line) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    start = text.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  std::string_view result(text.data() + start, end - start);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

/// Workflow commands end at a newline and split properties at ',' and ':'.
std::string github_escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void print_text(std::ostream& out, const Diagnostic& d, Colour colour, const SourceLookup& lookup) {
  const bool on = colour == Colour::on;
  const char* bold = on ? "\x1b[1m" : "";
  const char* reset = on ? "\x1b[0m" : "";
  const char* severity_colour = !on                               ? ""
                                : d.severity == Severity::error   ? "\x1b[1;31m"
                                : d.severity == Severity::warning ? "\x1b[1;33m"
                                                                  : "\x1b[1;36m";
  out << bold << (d.file.empty() ? "partnerops" : d.file);
  if (d.position.line > 0) {
    out << ':' << d.position.line;
    if (d.position.column > 0) out << ':' << d.position.column;
  }
  out << ":" << reset << ' ' << severity_colour << to_string(d.severity) << '[' << d.code << ']'
      << reset << ": " << bold << d.message << reset << '\n';
  if (lookup && d.position.line > 0) {
    if (const std::string* text = lookup(d.file)) {
      const std::string_view line = line_of(*text, d.position.line);
      if (!line.empty()) {
        const std::string number = std::to_string(d.position.line);
        out << ' ' << number << " | " << line << '\n';
        if (d.position.column > 0) {
          std::string pad;
          // Columns count characters: one space per character before the
          // caret (UTF-8 continuation bytes add none), and tabs are kept so
          // the caret lines up under the same character.
          int characters = 0;
          for (std::size_t i = 0; i < line.size() && characters + 1 < d.position.column; ++i) {
            if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
            pad += line[i] == '\t' ? '\t' : ' ';
            ++characters;
          }
          out << ' ' << std::string(number.size(), ' ') << " | " << pad << severity_colour << '^'
              << reset << '\n';
        }
      }
    }
  }
  if (!d.hint.empty()) out << "  hint: " << d.hint << '\n';
}

}  // namespace

void print_diagnostics(std::ostream& out, const Diagnostics& diagnostics, DiagnosticFormat format,
                       Colour colour, const SourceLookup& lookup) {
  switch (format) {
    case DiagnosticFormat::text:
      for (const Diagnostic& d : diagnostics) print_text(out, d, colour, lookup);
      return;
    case DiagnosticFormat::json: {
      nlohmann::json items = nlohmann::json::array();
      for (const Diagnostic& d : diagnostics) {
        items.push_back({{"severity", to_string(d.severity)},
                         {"code", d.code},
                         {"file", d.file},
                         {"line", d.position.line},
                         {"column", d.position.column},
                         {"message", d.message},
                         {"hint", d.hint}});
      }
      const nlohmann::json document = {{"diagnostics", items},
                                       {"errors", diagnostics.error_count()},
                                       {"warnings", diagnostics.warning_count()}};
      // A file name need not be UTF-8; JSON must be. Bytes that are not
      // become U+FFFD rather than failing the whole report.
      out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      return;
    }
    case DiagnosticFormat::github:
      for (const Diagnostic& d : diagnostics) {
        const char* command = d.severity == Severity::error     ? "error"
                              : d.severity == Severity::warning ? "warning"
                                                                : "notice";
        out << "::" << command;
        std::string properties;
        if (!d.file.empty()) properties += "file=" + github_escape(d.file, true);
        if (d.position.line > 0) properties += ",line=" + std::to_string(d.position.line);
        if (d.position.column > 0) properties += ",col=" + std::to_string(d.position.column);
        properties +=
            std::string(properties.empty() ? "" : ",") + "title=" + github_escape(d.code, true);
        out << ' ' << properties << "::" << github_escape(d.message, false);
        if (!d.hint.empty()) out << github_escape("\nhint: " + d.hint, false);
        out << '\n';
      }
      return;
  }
}

std::string summarize(const Diagnostics& diagnostics) {
  const std::size_t errors = diagnostics.error_count();
  const std::size_t warnings = diagnostics.warning_count();
  if (!errors && !warnings) return "no problems";
  auto count = [](std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  if (!warnings) return count(errors, "error");
  if (!errors) return count(warnings, "warning");
  return count(errors, "error") + ", " + count(warnings, "warning");
}

}  // namespace partnerops
