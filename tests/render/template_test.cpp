// Templates render with mstch, but only after every tag has been checked
// against the data: a name the data lacks is an error at its file, line and
// column, never a silent blank.

#include "render/template.hpp"

#include <gtest/gtest.h>

#include "render_support.hpp"

namespace partnerops::render {
namespace {

using testing::TempDir;
using testing::write_file;

mstch::map invoice_context() {
  return mstch::map{
      {"number", std::string("INV-2026-0042")},
      {"partner", mstch::map{{"name", std::string("Acme Cooperative")}}},
      {"lines",
       mstch::array{
           mstch::map{{"description", std::string("Hosting")}, {"amount", std::string("€120.00")}},
           mstch::map{{"description", std::string("Support")}, {"amount", std::string("€80.00")}}}},
      {"paid", false},
      {"notes", mstch::array{}},
  };
}

std::string format(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += d.file + ":" + std::to_string(d.position.line) + ":" +
           std::to_string(d.position.column) + ": " + d.code + ": " + d.message;
    if (!d.hint.empty()) out += " (" + d.hint + ")";
    out += "\n";
  }
  return out;
}

TEST(Template, RendersWithHtmlEscaping) {
  const TemplateSet set = TemplateSet::from_memory(
      "templates", {{"invoice",
                     "<h1>{{number}}</h1>{{#lines}}<p>{{description}}: {{amount}} "
                     "({{number}})</p>{{/lines}}{{^paid}}Due{{/paid}}"}});
  Diagnostics diagnostics;
  mstch::map context = invoice_context();
  context["number"] = std::string("<b>INV</b> & \"co\"");
  const std::optional<std::string> html = set.render_html("invoice", context, diagnostics);
  ASSERT_TRUE(html) << format(diagnostics);
  EXPECT_EQ(*html,
            "<h1>&lt;b&gt;INV&lt;/b&gt; &amp; &quot;co&quot;</h1>"
            "<p>Hosting: €120.00 (&lt;b&gt;INV&lt;/b&gt; &amp; &quot;co&quot;)</p>"
            "<p>Support: €80.00 (&lt;b&gt;INV&lt;/b&gt; &amp; &quot;co&quot;)</p>Due");
  EXPECT_TRUE(diagnostics.empty());
}

TEST(Template, ReportsUnknownVariablesWithFileLineAndColumn) {
  const TemplateSet set = TemplateSet::from_memory(
      "templates", {{"invoice",
                     "<h1>{{number}}</h1>\n"
                     "<p>{{partner.name}} {{partner.vat_id}}</p>\n"
                     "  {{#lines}}\n"
                     "    <td>{{description}}</td><td>{{amont}}</td><td>{{number}}</td>\n"
                     "  {{/lines}}\n"
                     "é {{clinet}} {{{terms_html}}}\n"}});
  Diagnostics diagnostics;
  EXPECT_FALSE(set.render_html("invoice", invoice_context(), diagnostics));
  EXPECT_EQ(format(diagnostics),
            "templates/invoice.mustache:2:21: template-unknown-variable: {{partner.vat_id}} names "
            "'partner.vat_id', which the data does not have (did you mean 'partner'?)\n"
            "templates/invoice.mustache:4:33: template-unknown-variable: {{amont}} names 'amont', "
            "which the data does not have (did you mean 'amount'?)\n"
            "templates/invoice.mustache:6:3: template-unknown-variable: {{clinet}} names 'clinet', "
            "which the data does not have (did you mean 'lines'?)\n"
            "templates/invoice.mustache:6:14: template-unknown-variable: {{{terms_html}}} names "
            "'terms_html', which the data does not have (names available here: lines notes "
            "number paid partner)\n");
}

TEST(Template, ReportsUnknownSectionsInvertedSectionsAndPartials) {
  const TemplateSet set = TemplateSet::from_memory(
      "templates", {{"invoice",
                     "{{#discounts}}{{rate}}{{/discounts}}\n{{^overdue}}on time{{/overdue}}\n"
                     "{{> parties}}{{> missing}}"},
                    {"partials/parties", "\n  <p>{{partner.name}} and {{organisation}}</p>"}});
  Diagnostics diagnostics;
  EXPECT_FALSE(set.check("invoice", invoice_context(), diagnostics));
  EXPECT_EQ(format(diagnostics),
            "templates/invoice.mustache:1:1: template-unknown-variable: {{#discounts}} names "
            "'discounts', which the data does not have (names available here: lines notes number "
            "paid partner)\n"
            "templates/invoice.mustache:2:1: template-unknown-variable: {{^overdue}} names "
            "'overdue', which the data does not have (names available here: lines notes number "
            "paid partner)\n"
            "templates/partials/parties.mustache:2:27: template-unknown-variable: "
            "{{organisation}} names 'organisation', which the data does not have (names "
            "available here: lines notes number paid partner)\n"
            "templates/invoice.mustache:3:14: template-unknown-partial: unknown partial "
            "'missing' (partials are the .mustache files below templates/partials/)\n");
}

TEST(Template, ChecksConditionalClausesEvenWhenTheyAreOff) {
  const TemplateSet set = TemplateSet::from_memory(
      "templates", {{"agreement", "{{#paid}}Received with thanks, {{partner.nmae}}.{{/paid}}"}});
  Diagnostics diagnostics;
  EXPECT_FALSE(set.check("agreement", invoice_context(), diagnostics));
  EXPECT_EQ(format(diagnostics),
            "templates/agreement.mustache:1:32: template-unknown-variable: {{partner.nmae}} "
            "names 'partner.nmae', which the data does not have (did you mean 'partner'?)\n");
}

TEST(Template, ResolvesItemNamesBeforeOuterNamesAndSkipsEmptyLists) {
  const TemplateSet set = TemplateSet::from_memory(
      "templates", {{"notes",
                     "{{#notes}}{{anything}}{{/notes}}{{#partner}}{{name}} "
                     "{{number}}{{/partner}}{{#lines}}{{.}}{{/lines}}"}});
  Diagnostics diagnostics;
  EXPECT_TRUE(set.check("notes", invoice_context(), diagnostics)) << format(diagnostics);
}

TEST(Template, RefusesUnescapedValuesThatAreNotGeneratedHtml) {
  const TemplateSet set =
      TemplateSet::from_memory("templates", {{"invoice", "{{{number}}} {{&partner.name}}"}});
  Diagnostics diagnostics;
  EXPECT_FALSE(set.check("invoice", invoice_context(), diagnostics));
  EXPECT_EQ(format(diagnostics),
            "templates/invoice.mustache:1:1: template-unescaped-variable: {{{number}}} inserts "
            "'number' without escaping (write {{number}}; only generated HTML, named "
            "'..._html', may be inserted raw)\n"
            "templates/invoice.mustache:1:14: template-unescaped-variable: {{&partner.name}} "
            "inserts 'partner.name' without escaping (write {{partner.name}}; only generated "
            "HTML, named '..._html', may be inserted raw)\n");
}

TEST(Template, ReportsSyntaxErrors) {
  const TemplateSet set = TemplateSet::from_memory(
      "templates", {{"a", "{{#lines}}\n{{/line}}"}, {"b", "x\n  {{#lines}}"}, {"c", "{{number"}});
  Diagnostics diagnostics;
  EXPECT_FALSE(set.check("a", invoice_context(), diagnostics));
  EXPECT_FALSE(set.check("b", invoice_context(), diagnostics));
  EXPECT_FALSE(set.check("c", invoice_context(), diagnostics));
  EXPECT_FALSE(set.check("d", invoice_context(), diagnostics));
  EXPECT_EQ(format(diagnostics),
            "templates/a.mustache:2:1: template-syntax: {{/line}} does not close {{#lines}} "
            "opened at line 1, column 1\n"
            "templates/b.mustache:2:3: template-syntax: {{#lines}} is never closed\n"
            "templates/c.mustache:1:1: template-syntax: tag opened with '{{' is never closed\n"
            "templates/d.mustache:0:0: template-missing: no template named 'd'\n");
}

TEST(Template, FollowsDelimiterChanges) {
  const TemplateSet set = TemplateSet::from_memory(
      "templates", {{"a", "{{=<% %>=}}<% number %> {{literal}} <%missing%>"}});
  Diagnostics diagnostics;
  EXPECT_FALSE(set.check("a", invoice_context(), diagnostics));
  EXPECT_EQ(format(diagnostics),
            "templates/a.mustache:1:37: template-unknown-variable: <%missing%> names 'missing', "
            "which the data does not have (names available here: lines notes number paid "
            "partner)\n");
}

// Found by fuzz/template_fuzzer.cpp: mstch reads `{{=h {}}` as no change of
// delimiters, so the check followed delimiters mstch never used and let
// `{{&name}}` render unescaped.
TEST(Template, RefusesADelimiterChangeWithoutItsClosingEquals) {
  const TemplateSet set = TemplateSet::from_memory("templates", {{"a", "<{{=h {}}{{&number}}"}});
  Diagnostics diagnostics;
  EXPECT_FALSE(set.check("a", invoice_context(), diagnostics));
  EXPECT_EQ(format(diagnostics),
            "templates/a.mustache:1:2: template-syntax: cannot read the new delimiters in "
            "{{=h {}}\n");
}

TEST(Template, LoadsTemplatesAndPartialsThroughASource) {
  TempDir root;
  std::filesystem::create_directories(root.path() / "templates/partials");
  write_file(root.path() / "templates/invoice.mustache", "[{{> parties}}]");
  write_file(root.path() / "templates/partials/parties.mustache", "{{partner.name}}");
  write_file(root.path() / "templates/readme.txt", "not a template");
  const std::unique_ptr<Source> source = open_directory_source(root.path());
  Diagnostics diagnostics;
  const TemplateSet set = TemplateSet::load(*source, "templates", diagnostics);
  EXPECT_TRUE(set.has("invoice"));
  EXPECT_TRUE(set.has("partials/parties"));
  EXPECT_FALSE(set.has("readme"));
  EXPECT_EQ(set.render_html("invoice", invoice_context(), diagnostics), "[Acme Cooperative]");
  EXPECT_TRUE(diagnostics.empty()) << format(diagnostics);
}

TEST(Template, MarkdownTemplatesKeepValuesLiteral) {
  const TemplateSet set = TemplateSet::from_memory(
      "templates", {{"clauses/payment.md",
                     "## Payment\n\n{{partner.name}} pays **{{total}}** within 30 days.\n"}});
  mstch::map context = invoice_context();
  context["partner"] =
      mstch::map{{"name", std::string("*Evil* <script>x()</script> [a](javascript:b)")}};
  context["total"] = std::string("€200.00");
  Diagnostics diagnostics;
  EXPECT_EQ(set.render_markdown("clauses/payment.md", context, diagnostics),
            "<h2>Payment</h2>\n<p>*Evil* &lt;script&gt;x()&lt;/script&gt; [a](javascript:b) pays "
            "<strong>€200.00</strong> within 30 days.</p>\n");
  EXPECT_TRUE(diagnostics.empty()) << format(diagnostics);
}

}  // namespace
}  // namespace partnerops::render
