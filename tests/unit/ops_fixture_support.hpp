#pragma once
// Variants of the fixture workspace for the tickler, report and CODEOWNERS
// tests: a fixture file with one piece of text replaced, so each test says
// exactly what it changed.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "fixture_workspace.hpp"
#include "model/workspace.hpp"

namespace partnerops::testing {

inline std::string fixture_text(const std::string& path) {
  std::ifstream in(
      std::filesystem::path(PARTNEROPS_SOURCE_DIR) / "tests" / "fixtures" / "base" / path,
      std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Replaces `from` (which must occur exactly once) by `to` in the file
/// `path` of `source` (a fixture file, possibly already changed).
inline void replace_in(MemorySource& source, const std::string& path, const std::string& from,
                       const std::string& to) {
  const ReadResult current = source.read(path, 1 << 20);
  std::string text = current.ok() ? current.content : fixture_text(path);
  const std::size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << path;
  ASSERT_EQ(text.find(from, at + 1), std::string::npos) << from << " twice in " << path;
  text.replace(at, from.size(), to);
  source.add(path, text);
}

/// INV-2026-0006 (7200.00 of service and 120.00 of storage, due
/// 2026-12-02) paid `paid` on 2026-11-20, and its storage line credited in
/// full by CN-2026-0002 on `credited_on`: an invoice settled by a payment
/// and a credit note together.
inline void pay_and_credit_storage(MemorySource& source, const std::string& paid,
                                   const std::string& credited_on) {
  replace_in(source, "partners/lakeshore-college/invoices/INV-2026-0006.yaml", "payments: []\n",
             "payments:\n  - date: 2026-11-20\n    amount: \"" + paid + "\"\n");
  source.add("partners/lakeshore-college/credit-notes/CN-2026-0002.yaml",
             "number: CN-2026-0002\n"
             "status: issued\n"
             "issue_date: " +
                 credited_on +
                 "\n"
                 "currency: USD\n"
                 "invoice: INV-2026-0006\n"
                 "reason: Storage not used\n"
                 "lines:\n"
                 "  - description: Additional storage\n"
                 "    invoice_line: 2\n"
                 "    quantity: 1\n"
                 "    unit_price: \"120.00\"\n"
                 "    amount: \"120.00\"\n"
                 "subtotal: \"120.00\"\n"
                 "tax:\n"
                 "  label: Sales tax (exempt services)\n"
                 "  rate_percent: \"0\"\n"
                 "  amount: \"0.00\"\n"
                 "total: \"120.00\"\n");
}

/// Loads `source`, failing the test when a file does not load.
inline std::unique_ptr<Workspace> load_clean(const MemorySource& source) {
  Diagnostics diagnostics;
  auto workspace = std::make_unique<Workspace>(load_workspace(source, {}, diagnostics));
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Severity::error)
      ADD_FAILURE() << d.file << ": " << d.code << ": " << d.message;
  return workspace;
}

}  // namespace partnerops::testing
