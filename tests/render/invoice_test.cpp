// The sample invoice through the whole engine: the fixture templates
// (tests/render/fixtures/templates) loaded through a Source, checked and
// rendered, printed by Qt WebKit, finished by qpdf. Read
// back with pdftotext; hostile text in fields and notes stays visible text.

#include <gtest/gtest.h>

#include <cstdlib>

#include "render/markdown.hpp"
#include "render/pdf_engine.hpp"
#include "render/pdf_finish.hpp"
#include "render/template.hpp"
#include "render_support.hpp"
#include "sample_invoice.hpp"

namespace partnerops::render {
namespace {

namespace fs = std::filesystem;

fs::path fixtures() { return fs::path(PARTNEROPS_SOURCE_DIR) / "tests/render/fixtures"; }

std::string logo_url() {
  return "file://" + fs::canonical(fixtures() / "branding/logo.svg").string();
}

std::string diagnostics_text(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += d.file + ":" + std::to_string(d.position.line) + ":" +
           std::to_string(d.position.column) + ": " + d.message + "\n";
  }
  return out;
}

/// Renders and finishes `context` as an invoice; "" (and a test failure) on
/// any error. Keeps the PDF in $PARTNEROPS_RENDER_KEEP/<name>.pdf if set, to
/// look at.
std::string build_invoice(const mstch::map& context, const std::string& name) {
  const std::unique_ptr<Source> source = open_directory_source(fixtures());
  Diagnostics diagnostics;
  const TemplateSet templates = TemplateSet::load(*source, "templates", diagnostics);
  const std::optional<std::string> html =
      templates.render_document("invoice", context, diagnostics);
  if (!html) {
    ADD_FAILURE() << diagnostics_text(diagnostics);
    return {};
  }
  RenderRequest request;
  request.html = *html;
  request.base_folder = testing::templates_folder();
  request.allowed_folders = {testing::templates_folder(), fixtures() / "branding"};
  RenderReport report;
  std::string error;
  const std::optional<std::string> printed = testing::engine().render(request, &error, &report);
  if (!printed) {
    ADD_FAILURE() << error;
    return {};
  }
  EXPECT_EQ(report.refused_urls, std::vector<std::string>{});
  FinishOptions options;
  options.title = "Invoice";
  options.number = "INV-2026-0042";
  options.author = "Northwind Civic Tech";
  options.subject = "Invoice to Acme Cooperative";
  options.input_hash = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
  options.epoch_seconds = 1772496000;
  options.page = request.page;
  const std::optional<FinishedPdf> finished = finish_pdf(*printed, options, &error);
  if (!finished) {
    ADD_FAILURE() << error;
    return {};
  }
  if (const char* keep = std::getenv("PARTNEROPS_RENDER_KEEP")) {
    testing::write_file(fs::path(keep) / (name + ".pdf"), finished->bytes);
    testing::write_file(fs::path(keep) / (name + ".html"), *html);
  }
  return finished->bytes;
}

TEST(Invoice, PrintsTheKeyFactsAndTheFooter) {
  const std::string notes = markdown_to_html(
      "Thank you for your partnership. Payment terms: **30 days net**; see the "
      "[service agreement](https://northwind.example/sa-2025-007).");
  const std::string pdf = build_invoice(sample::invoice("INV-2026-0042", "Acme Cooperative",
                                                        "Partnership retainer", notes, logo_url()),
                                        "invoice");
  const std::string text = testing::pdf_text(pdf);
  for (const std::string expected :
       {"Northwind Civic Tech\n", "Invoice\n", "BILL TO\n", "Acme Cooperative\n",
        "Invoice number\n", "INV-2026-0042\n", "Due date\n", "2 April 2026\n",
        "Partnership retainer\n", "€2,400.00\n", "Subtotal\n", "€5,020.00\n", "VAT 19 %\n",
        "€953.80\n", "Total due\n", "€5,973.80\n", "DE02 4306 0967 1234 5678 00\n",
        "Thank you for your partnership. Payment terms: 30 days net; see the service "
        "agreement.\n",
        "Invoice · INV-2026-0042 · Page 1 of 1\n"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\nin:\n"
                                                      << text;
  }
  EXPECT_NE(testing::pdf_info(pdf).find("Pages:           1\n"), std::string::npos);
}

TEST(Invoice, HtmlAndScriptInFieldsAndNotesPrintAsVisibleText) {
  const std::string hostile_name = "<script>alert('x')</script>Evil & Co";
  const std::string hostile_line =
      "<img src=file:///etc/passwd> <a href=\"javascript:x()\">pay</a>";
  const std::string notes = markdown_to_html(
      "Note <script>document.write('owned')</script> [click](javascript:alert(1)) "
      "<b>bold?</b> and `<i>code</i>`");
  const std::string pdf = build_invoice(
      sample::invoice("INV-2026-0043", hostile_name, hostile_line, notes, ""), "hostile");
  const std::string text = testing::pdf_text(pdf);
  EXPECT_NE(text.find("<script>alert('x')</script>Evil & Co\n"), std::string::npos) << text;
  EXPECT_NE(text.find("<img src=file:///etc/passwd> <a href=\"javascript:x()\">pay</a>\n"),
            std::string::npos)
      << text;
  // Raw HTML in Markdown is dropped (never markup); code spans show it as text.
  EXPECT_NE(text.find("Note document.write(‘owned’) click bold? and <i>code</i>\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("root:"), std::string::npos);
  EXPECT_EQ(text.find("owned\n"), std::string::npos);
}

// Builds the sample invoice and writes it to $PARTNEROPS_RENDER_OUT. Run by
// the test below in fresh processes; on its own it only checks the build.
TEST(InvoiceChild, WritesTheInvoice) {
  const std::string pdf = build_invoice(
      sample::invoice("INV-2026-0042", "Acme Cooperative", "Partnership retainer", "", logo_url()),
      "child");
  ASSERT_FALSE(pdf.empty());
  if (const char* out = std::getenv("PARTNEROPS_RENDER_OUT")) testing::write_file(out, pdf);
}

TEST(Invoice, TwoProcessesBuildingTheSameInvoiceWriteIdenticalBytes) {
  testing::TempDir dir;
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  for (const char* name : {"first.pdf", "second.pdf"}) {
    const std::string command = "PARTNEROPS_RENDER_OUT='" + (dir.path() / name).string() + "' '" +
                                self +
                                "' --gtest_filter=InvoiceChild.WritesTheInvoice >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
  const std::string first = testing::read_file(dir.path() / "first.pdf");
  const std::string second = testing::read_file(dir.path() / "second.pdf");
  ASSERT_GT(first.size(), 10000u);
  EXPECT_TRUE(first == second);
}

}  // namespace
}  // namespace partnerops::render
