// documents/context builds each kind's part of a template context from one
// entry of a table. A kind added to DocumentKind without an entry would
// build a context its template cannot use; this test asks for every kind.

#include <gtest/gtest.h>

#include <map>

#include "documents/context.hpp"
#include "fixture_workspace.hpp"

namespace partnerops {
namespace {

TEST(ContextKinds, EveryKindAddsItsOwnPart) {
  const testing::MemorySource source = testing::fixture_workspace();
  Diagnostics diagnostics;
  const Workspace workspace = load_workspace(source, {}, diagnostics);
  ASSERT_FALSE(diagnostics.has_errors());
  // The name each kind's template reads its own values from.
  const std::map<DocumentKind, std::string> own = {
      {DocumentKind::service_description, "service_description_html"},
      {DocumentKind::notes, "notes_html"},
      {DocumentKind::quote, "quote"},
      {DocumentKind::agreement, "agreement"},
      {DocumentKind::mou, "agreement"},
      {DocumentKind::sow, "sow"},
      {DocumentKind::invoice, "invoice"},
      {DocumentKind::receipt, "invoice"},
      {DocumentKind::credit_note, "credit_note"},
      {DocumentKind::renewal_notice, "renewal"},
      {DocumentKind::onboarding, "onboarding"},
      {DocumentKind::statement, "statement"},
      {DocumentKind::assessment_report, "assessment_report"},
      {DocumentKind::performance_review, "review"},
      {DocumentKind::issue_log, "issue_log"},
      {DocumentKind::compliance_audit, "compliance"},
  };
  ASSERT_EQ(own.size(), all_document_kinds().size());
  for (const DocumentKind kind : all_document_kinds()) {
    // An organisation-wide job naming no file: each kind falls back to
    // empty values rather than leaving its part out.
    DocumentJob job;
    job.kind = kind;
    job.inputs = {"missing.yaml", "missing.yaml"};
    const nlohmann::json context =
        document_context(workspace, job, ContextOptions{*Date::parse("2026-11-23"), {}});
    EXPECT_TRUE(context.contains(own.at(kind))) << name_of(kind);
    EXPECT_EQ(context["document"]["kind"], name_of(kind));
  }
}

}  // namespace
}  // namespace partnerops
