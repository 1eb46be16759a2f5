// Finishing stamps "title · number · Page i of N" on every page, writes the
// metadata, and makes the bytes depend on the inputs only.

#include "render/pdf_finish.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <sstream>
#include <vector>

#include "render_support.hpp"

namespace partnerops::render {
namespace {

using testing::pdf_info;
using testing::pdf_text;
using testing::render_or_fail;

std::string three_page_html() {
  // Explicit page breaks, so the page count does not depend on line metrics.
  std::string body;
  for (int page = 1; page <= 3; ++page) {
    body += "<div style='page-break-after: " + std::string(page < 3 ? "always" : "auto") +
            "'><p>Clause " + std::to_string(page) + "</p></div>";
  }
  return "<!DOCTYPE html><html><head><meta charset='utf-8'><style>body { margin: 0; "
         "font-family: 'DejaVu Sans'; font-size: 11pt }</style></head><body>" +
         body + "</body></html>";
}

FinishOptions invoice_options() {
  FinishOptions options;
  options.title = "Invoice";
  options.number = "INV-2026-0042";
  options.author = "Example Collective";
  options.subject = "Invoice to Acme Cooperative";
  options.keywords = "invoice, acme";
  options.source_commit = "0123456789abcdef0123456789abcdef01234567";
  options.input_hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  options.epoch_seconds = 1767225600;  // 2026-01-01 00:00:00 UTC
  return options;
}

TEST(PdfFinish, StampsTheFooterOnEveryPageWithPageNumbers) {
  const std::string printed = render_or_fail(three_page_html());
  std::string error;
  const std::optional<FinishedPdf> finished = finish_pdf(printed, invoice_options(), &error);
  ASSERT_TRUE(finished) << error;
  ASSERT_EQ(finished->page_count, 3);
  for (int page = 1; page <= 3; ++page) {
    const std::string text =
        pdf_text(finished->bytes, "-f " + std::to_string(page) + " -l " + std::to_string(page));
    const std::string footer =
        "Invoice · INV-2026-0042 · Page " + std::to_string(page) + " of 3\n\n\f";
    ASSERT_GE(text.size(), footer.size());
    EXPECT_EQ(text.substr(text.size() - footer.size()), footer) << text;
  }
}

TEST(PdfFinish, FooterSitsInTheBottomMarginCentredBetweenTheSideMargins) {
  FinishOptions options = invoice_options();
  options.page.margins_mm = Margins{18, 18, 20, 18};
  std::string error;
  const std::optional<FinishedPdf> finished =
      finish_pdf(render_or_fail(three_page_html()), options, &error);
  ASSERT_TRUE(finished) << error;
  std::vector<testing::Word> footer;
  for (const testing::Word& word : testing::pdf_words(finished->bytes)) {
    if (word.page == 1 && word.y_min > 841.89 - mm_to_points(20)) footer.push_back(word);
  }
  ASSERT_EQ(footer.size(), 8u);  // Invoice · INV-2026-0042 · Page 1 of 3
  EXPECT_EQ(footer.front().text, "Invoice");
  EXPECT_EQ(footer.back().text, "3");
  const double centre = (footer.front().x_min + footer.back().x_max) / 2;
  EXPECT_NEAR(centre, 595.0 / 2, 1.0);
  const double baseline_band_top = 842 - mm_to_points(20) / 2 - 8;
  EXPECT_GT(footer.front().y_min, baseline_band_top);
  EXPECT_LT(footer.front().y_max, 842 - mm_to_points(20) / 2 + 8);
}

// A document that is not final says so on every page: the mark takes the
// line above the footer, in the bottom margin, and moves the footer nowhere.
TEST(PdfFinish, PrintsTheMarkOnEveryPageAboveTheFooter) {
  FinishOptions options = invoice_options();
  options.page.margins_mm = Margins{18, 18, 20, 18};
  options.mark = "DRAFT — not an invoice until issued";
  std::string error;
  const std::optional<FinishedPdf> finished =
      finish_pdf(render_or_fail(three_page_html()), options, &error);
  ASSERT_TRUE(finished) << error;
  ASSERT_EQ(finished->page_count, 3);
  for (int page = 1; page <= 3; ++page) {
    const std::string text =
        pdf_text(finished->bytes, "-f " + std::to_string(page) + " -l " + std::to_string(page));
    const std::string foot =
        "DRAFT — not an invoice until issued\nInvoice · INV-2026-0042 · Page " +
        std::to_string(page) + " of 3\n\n\f";
    ASSERT_GE(text.size(), foot.size()) << text;
    EXPECT_EQ(text.substr(text.size() - foot.size()), foot) << text;
  }
  double mark_bottom = 0, footer_top = 0, footer_bottom = 0;
  for (const testing::Word& word : testing::pdf_words(finished->bytes)) {
    if (word.page != 2) continue;
    if (word.text == "DRAFT") mark_bottom = word.y_max;
    if (word.text == "Invoice") footer_top = word.y_min;
    if (word.text == "Invoice") footer_bottom = word.y_max;
  }
  EXPECT_GT(mark_bottom, 841.89 - mm_to_points(20)) << "the mark lies in the bottom margin";
  EXPECT_LE(mark_bottom, footer_top + 0.5);
  // The footer stays centred in the margin, where an unmarked page has it.
  EXPECT_NEAR((footer_top + footer_bottom) / 2, 841.89 - mm_to_points(20) / 2, 2.0);
}

TEST(PdfFinish, TheTitleIsTheDocumentsOwnAndTheFooterNamesItsKind) {
  FinishOptions options = invoice_options();
  options.title = "Invoice INV-2026-0042";
  options.footer_title = "Invoice";
  std::string error;
  const std::optional<FinishedPdf> finished =
      finish_pdf(render_or_fail(three_page_html()), options, &error);
  ASSERT_TRUE(finished) << error;
  const std::string info = pdf_info(finished->bytes, "");
  EXPECT_NE(info.find("Title:           Invoice INV-2026-0042\n"), std::string::npos) << info;
  const std::string text = pdf_text(finished->bytes, "-f 1 -l 1");
  EXPECT_NE(text.find("\nInvoice · INV-2026-0042 · Page 1 of 3\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("DRAFT"), std::string::npos) << text;
}

TEST(PdfFinish, RightAlignedFooterEndsAtTheRightMargin) {
  FinishOptions options = invoice_options();
  options.footer_align = FooterAlign::right;
  std::string error;
  const std::optional<FinishedPdf> finished =
      finish_pdf(render_or_fail(three_page_html()), options, &error);
  ASSERT_TRUE(finished) << error;
  double right = 0;
  for (const testing::Word& word : testing::pdf_words(finished->bytes)) {
    if (word.page == 2 && word.text == "3") right = word.x_max;
  }
  EXPECT_NEAR(right, 595 - mm_to_points(18), 0.5);
}

TEST(PdfFinish, WritesTheMetadata) {
  std::string error;
  const std::optional<FinishedPdf> finished =
      finish_pdf(render_or_fail(three_page_html()), invoice_options(), &error);
  ASSERT_TRUE(finished) << error;
  const std::string info = pdf_info(finished->bytes, "-isodates");
  const std::string expected[] = {
      "Title:           Invoice\n",
      "Subject:         Invoice to Acme Cooperative\n",
      "Keywords:        invoice, acme\n",
      "Author:          Example Collective\n",
      "Creator:         partnerops 0.1.0\n",
      "CreationDate:    2026-01-01T00:00:00Z\n",
      "ModDate:         2026-01-01T00:00:00Z\n",
      "Pages:           3\n",
  };
  for (const std::string& line : expected) {
    EXPECT_NE(info.find(line), std::string::npos) << line << "in\n" << info;
  }
  EXPECT_NE(info.find("Producer:        partnerops 0.1.0 (Qt WebKit, qpdf "), std::string::npos)
      << info;
  const std::string custom = pdf_info(finished->bytes, "-custom");
  EXPECT_NE(custom.find("PartneropsSourceCommit:0123456789abcdef0123456789abcdef01234567\n"),
            std::string::npos)
      << custom;
  EXPECT_NE(custom.find("PartneropsInputHash:"
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n"),
            std::string::npos)
      << custom;
  // Qt's XMP packet (a second, dated copy of the metadata) is gone.
  EXPECT_EQ(pdf_info(finished->bytes, "-meta"), "");
}

TEST(PdfFinish, TwoRendersOfTheSameInputAreIdenticalBytes) {
  std::string error;
  const std::string html = three_page_html();
  const std::optional<FinishedPdf> first =
      finish_pdf(render_or_fail(html), invoice_options(), &error);
  const std::optional<FinishedPdf> second =
      finish_pdf(render_or_fail(html), invoice_options(), &error);
  ASSERT_TRUE(first && second) << error;
  EXPECT_TRUE(first->bytes == second->bytes);
  // The /ID's first half is the input hash, so a PDF names its inputs.
  EXPECT_NE(first->bytes.find("<9f86d081884c7d659a2feaa0c55ad015>"), std::string::npos);
}

TEST(PdfFinish, DifferentInputHashesGiveDifferentBytes) {
  std::string error;
  const std::string printed = render_or_fail(three_page_html());
  FinishOptions other = invoice_options();
  other.input_hash = "0000000000000000000000000000000000000000000000000000000000000000";
  const std::optional<FinishedPdf> first = finish_pdf(printed, invoice_options(), &error);
  const std::optional<FinishedPdf> second = finish_pdf(printed, other, &error);
  ASSERT_TRUE(first && second) << error;
  EXPECT_NE(first->bytes, second->bytes);
}

TEST(PdfFinish, DatesComeFromSourceDateEpochWhenNoneIsPassed) {
  FinishOptions options = invoice_options();
  options.epoch_seconds.reset();
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  std::string error;
  const std::optional<FinishedPdf> finished =
      finish_pdf(render_or_fail(three_page_html()), options, &error);
  unsetenv("SOURCE_DATE_EPOCH");
  ASSERT_TRUE(finished) << error;
  const std::string info = pdf_info(finished->bytes, "-isodates");
  EXPECT_NE(info.find("CreationDate:    2023-11-14T22:13:20Z\n"), std::string::npos) << info;
}

TEST(PdfFinish, ReportsInputThatIsNotAPdf) {
  std::string error;
  EXPECT_FALSE(finish_pdf("not a pdf at all", invoice_options(), &error));
  EXPECT_EQ(error.rfind("cannot finish the PDF: ", 0), 0u) << error;
}

// The footer is printed by the engine in the documents' typeface, so its
// font is embedded like the document's own and any text it can set prints.
TEST(PdfFinish, FooterFontIsEmbeddedAndSetsTextBeyondLatin1) {
  FinishOptions options = invoice_options();
  options.title = "Zoë’s Łódź report";
  std::string error;
  const std::optional<FinishedPdf> finished =
      finish_pdf(render_or_fail(three_page_html()), options, &error);
  ASSERT_TRUE(finished) << error;
  const std::string text = pdf_text(finished->bytes, "-f 2 -l 2");
  EXPECT_NE(text.find("Zoë’s Łódź report · INV-2026-0042 · Page 2 of 3"), std::string::npos)
      << text;
  testing::TempDir dir;
  testing::write_file(dir.path() / "finished.pdf", finished->bytes);
  const std::string fonts =
      testing::run("pdffonts '" + (dir.path() / "finished.pdf").string() + "'");
  // name, type, encoding, then "emb sub uni" and the object number.
  std::istringstream lines(fonts);
  std::string line;
  int listed = 0;
  for (int row = 0; std::getline(lines, line); ++row) {
    if (row < 2 || line.empty()) continue;
    ++listed;
    std::istringstream fields(line);
    std::vector<std::string> f;
    for (std::string field; fields >> field;) f.push_back(field);
    ASSERT_GE(f.size(), 6u) << line;
    EXPECT_EQ(f[f.size() - 5], "yes") << line;
  }
  EXPECT_GE(listed, 2) << fonts;  // the document's and the footer's
}

TEST(PdfFinish, FormatsPdfDates) {
  EXPECT_EQ(pdf_date(0), "D:19700101000000Z");
  EXPECT_EQ(pdf_date(1767225600), "D:20260101000000Z");
}

}  // namespace
}  // namespace partnerops::render

namespace partnerops::render {
namespace {

// Builds the three-page document and writes the finished bytes to the file
// named by PARTNEROPS_RENDER_OUT. Run by the test below in fresh processes;
// on its own it only checks that finishing succeeds.
TEST(PdfFinishChild, WritesTheFinishedDocument) {
  std::string error;
  const std::optional<FinishedPdf> finished =
      finish_pdf(render_or_fail(three_page_html()), invoice_options(), &error);
  ASSERT_TRUE(finished) << error;
  if (const char* out = std::getenv("PARTNEROPS_RENDER_OUT")) {
    testing::write_file(out, finished->bytes);
  }
}

TEST(PdfFinish, TwoProcessesRenderingTheSameInputWriteIdenticalBytes) {
  testing::TempDir dir;
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  for (const char* name : {"first.pdf", "second.pdf"}) {
    const std::string command = "PARTNEROPS_RENDER_OUT='" + (dir.path() / name).string() + "' '" +
                                self +
                                "' --gtest_filter=PdfFinishChild.WritesTheFinishedDocument "
                                ">/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
  const std::string first = testing::read_file(dir.path() / "first.pdf");
  const std::string second = testing::read_file(dir.path() / "second.pdf");
  ASSERT_GT(first.size(), 1000u);
  EXPECT_TRUE(first == second);
}

}  // namespace
}  // namespace partnerops::render
