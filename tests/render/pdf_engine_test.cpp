// The engine prints HTML at true size on the paper the caller chose, many
// documents per process, on one thread.

#include "render/pdf_engine.hpp"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <thread>

#include "render_support.hpp"

namespace partnerops::render {
namespace {

using testing::engine;
using testing::pdf_info;
using testing::pdf_text;
using testing::pdf_words;
using testing::render_or_fail;

std::string page_with(const std::string& body, const std::string& style = "") {
  return "<!DOCTYPE html><html><head><meta charset='utf-8'><style>body { margin: 0; "
         "font-family: 'DejaVu Sans'; font-size: 11pt } " +
         style + "</style></head><body>" + body + "</body></html>";
}

TEST(PdfEngine, RendersManyDocumentsWithOneApplicationObject) {
  const std::string first = render_or_fail(page_with("<p>first document</p>"));
  const QCoreApplication* application = QCoreApplication::instance();
  ASSERT_NE(application, nullptr);
  const std::string second = render_or_fail(page_with("<p>second document</p>"));
  const std::string third = render_or_fail(page_with("<p>third document</p>"));
  EXPECT_EQ(QCoreApplication::instance(), application);
  EXPECT_EQ(pdf_text(first), "first document\n\n\f");
  EXPECT_EQ(pdf_text(second), "second document\n\n\f");
  EXPECT_EQ(pdf_text(third), "third document\n\n\f");
}

TEST(PdfEngine, PrintsOnA4) {
  PageSetup page;
  page.paper = PaperSize::a4;
  const std::string info = pdf_info(render_or_fail(page_with("<p>a4</p>"), page));
  EXPECT_NE(info.find("Page size:       595 x 842 pts (A4)\n"), std::string::npos) << info;
}

TEST(PdfEngine, PrintsOnLetter) {
  PageSetup page;
  page.paper = PaperSize::letter;
  const std::string info = pdf_info(render_or_fail(page_with("<p>letter</p>"), page));
  EXPECT_NE(info.find("Page size:       612 x 792 pts (letter)\n"), std::string::npos) << info;
}

// pdftotext's word box is as tall as the font's ascent plus descent, which
// for DejaVu Sans is 2384/2048 of the font size.
constexpr double k_dejavu_box_per_point = 2384.0 / 2048.0;

TEST(PdfEngine, ElevenPointTextIsElevenPointOnPaper) {
  const std::string pdf = render_or_fail(
      page_with("<p>eleven</p><p class='big'>seventytwo</p><p class='small'>eight</p>",
                ".big { font-size: 72pt } .small { font-size: 8pt }"));
  const std::vector<testing::Word> words = pdf_words(pdf);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].text, "eleven");
  EXPECT_NEAR((words[0].y_max - words[0].y_min) / k_dejavu_box_per_point, 11.0, 0.02);
  EXPECT_EQ(words[1].text, "seventytwo");
  EXPECT_NEAR((words[1].y_max - words[1].y_min) / k_dejavu_box_per_point, 72.0, 0.05);
  EXPECT_EQ(words[2].text, "eight");
  EXPECT_NEAR((words[2].y_max - words[2].y_min) / k_dejavu_box_per_point, 8.0, 0.02);
}

TEST(PdfEngine, MarginsComeFromThePageSetupAndContentFillsTheLineBetweenThem) {
  PageSetup page;
  page.paper = PaperSize::a4;
  page.margins_mm = Margins{30, 25, 20, 40};
  const std::string pdf =
      render_or_fail(page_with("<div style='text-align: left'>left</div><div style='text-align: "
                               "right'>right</div>"),
                     page);
  const std::vector<testing::Word> words = pdf_words(pdf);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_NEAR(words[0].x_min, mm_to_points(40), 0.5);
  EXPECT_NEAR(words[0].y_min, mm_to_points(30), 1.0);
  EXPECT_NEAR(words[1].x_max, mm_to_points(210 - 25), 0.5);
}

TEST(PdfEngine, LongDocumentsBreakIntoPages) {
  std::string body;
  for (int i = 1; i <= 120; ++i) body += "<p>paragraph " + std::to_string(i) + "</p>";
  const std::string info = pdf_info(render_or_fail(page_with(body)));
  EXPECT_NE(info.find("Pages:           4\n"), std::string::npos) << info;
}

TEST(PdfEngine, RefusesToRenderFromASecondThread) {
  render_or_fail(page_with("<p>main thread</p>"));
  std::optional<std::string> pdf;
  std::string error;
  std::thread other([&] { pdf = engine().render(page_with("<p>other</p>"), PageSetup{}, &error); });
  other.join();
  EXPECT_FALSE(pdf.has_value());
  EXPECT_EQ(error, "Qt WebKit renders only on the thread that created the Qt application object");
}

}  // namespace
}  // namespace partnerops::render
