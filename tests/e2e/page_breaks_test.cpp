// How documents break over pages, read back page by page: headings stay with
// what follows them, blocks read as one (signatures, totals, an estimate's
// total rows, the closing payment details with the legal line) are never
// split, table rows are never cut, a long list does not leave the page before
// it mostly empty, long words stay inside their column, and every font is
// embedded. Each document is built to force its case: an agreement with four
// signatories, a 60-line invoice with a 200-character URL, a long SOW.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> k_epoch = {"SOURCE_DATE_EPOCH=1790000000"};

// The page the fixture's documents print on (tests/fixtures/base/
// partnerops.yaml): Letter, margins 18 mm at the sides and 22 mm at the foot,
// in points.
constexpr double k_page_width = 612;
constexpr double k_page_height = 792;
constexpr double k_side_margin = 18 * 72 / 25.4;
constexpr double k_bottom_margin = 22 * 72 / 25.4;

/// One word of `pdftotext -bbox`, in points from the top-left corner.
struct Word {
  int page = 0;  ///< counts from 1
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  std::string text;
};

std::string unescape(std::string text) {
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return text;
}

std::vector<Word> words_of(const fs::path& pdf) {
  const std::string xml = run_tool("pdftotext -bbox '" + pdf.string() + "' -");
  static const std::regex k_word(
      R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  std::vector<Word> words;
  int page = 0;
  std::size_t at = 0;
  for (;;) {
    const std::size_t next_page = xml.find("<page ", at);
    const std::size_t next_word = xml.find("<word ", at);
    if (next_word == std::string::npos) break;
    if (next_page != std::string::npos && next_page < next_word) {
      ++page;
      at = next_page + 1;
      continue;
    }
    const std::size_t end = xml.find("</word>", next_word);
    std::smatch m;
    const std::string one = xml.substr(next_word, end + 7 - next_word);
    if (std::regex_match(one, m, k_word)) {
      words.push_back({page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]),
                       unescape(m[5])});
    }
    at = end;
  }
  return words;
}

/// The text of each page (index 0 is page 1) without the page footer, words
/// joined by single spaces in reading order.
std::vector<std::string> pages_of(const std::vector<Word>& words) {
  std::vector<std::string> pages;
  for (const Word& w : words) {
    if (w.y_min > k_page_height - k_bottom_margin) continue;  // the page footer
    if (static_cast<int>(pages.size()) < w.page) pages.resize(static_cast<std::size_t>(w.page));
    std::string& page = pages[static_cast<std::size_t>(w.page - 1)];
    page += (page.empty() ? "" : " ") + w.text;
  }
  return pages;
}

/// The lines of content on `page` (above the footer), top to bottom, each
/// with its words left to right: words whose tops lie within 2 pt are one line.
std::vector<std::string> lines_of(const std::vector<Word>& words, int page) {
  std::vector<Word> on_page;
  for (const Word& w : words) {
    if (w.page == page && w.y_min < k_page_height - k_bottom_margin) on_page.push_back(w);
  }
  std::sort(on_page.begin(), on_page.end(),
            [](const Word& a, const Word& b) { return a.y_min < b.y_min; });
  std::vector<std::vector<Word>> lines;
  for (const Word& w : on_page) {
    if (lines.empty() || w.y_min - lines.back().front().y_min > 2) lines.emplace_back();
    lines.back().push_back(w);
  }
  std::vector<std::string> texts;
  for (std::vector<Word>& line : lines) {
    std::sort(line.begin(), line.end(),
              [](const Word& a, const Word& b) { return a.x_min < b.x_min; });
    std::string text;
    for (const Word& w : line) text += (text.empty() ? "" : " ") + w.text;
    texts.push_back(text);
  }
  return texts;
}

/// The last line of content on `page`.
std::string last_line(const std::vector<Word>& words, int page) {
  const std::vector<std::string> lines = lines_of(words, page);
  return lines.empty() ? "" : lines.back();
}

/// The pages (from 1) whose text holds `needle`.
std::vector<int> pages_holding(const std::vector<std::string>& pages, const std::string& needle) {
  std::vector<int> found;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].find(needle) != std::string::npos) found.push_back(static_cast<int>(i) + 1);
  }
  return found;
}

/// Every font `pdffonts` lists for `pdf` with its "emb" column; empty when
/// all are embedded.
std::vector<std::string> unembedded_fonts(const fs::path& pdf) {
  const std::string listing = run_tool("pdffonts '" + pdf.string() + "'");
  std::vector<std::string> missing;
  std::istringstream lines(listing);
  std::string line;
  int row = 0;
  while (std::getline(lines, line)) {
    if (++row <= 2 || line.empty()) continue;  // the header and its rule
    // name type... encoding emb sub uni object ID: emb is the fifth field
    // from the end.
    std::istringstream fields(line);
    std::vector<std::string> f;
    for (std::string field; fields >> field;) f.push_back(field);
    if (f.size() < 6 || f[f.size() - 5] != "yes") missing.push_back(line);
  }
  return missing;
}

/// Every word lies inside the page's side margins (with a point to spare).
void expect_words_inside_the_margins(const std::vector<Word>& words) {
  for (const Word& w : words) {
    EXPECT_GE(w.x_min, k_side_margin - 1) << "page " << w.page << ": " << w.text;
    EXPECT_LE(w.x_max, k_page_width - k_side_margin + 1) << "page " << w.page << ": " << w.text;
  }
}

RunResult build(const fs::path& dir, const std::string& partner, const std::string& kind) {
  return run_partnerops({"build", dir.string(), "--today", "2026-11-23", "--partner", partner,
                         "--kind", kind, "--out", (dir / "out").string()},
                        dir, k_epoch);
}

std::string two_digits(int i) { return (i < 10 ? "0" : "") + std::to_string(i); }

TEST(PageBreaks, FourSignatoriesSignOnOnePageWithTheirHeading) {
  TempDir dir;
  make_base_workspace(dir.path());
  const fs::path agreement = dir.path() / "partners/cascadia-climate/agreement.yaml";
  const std::string lars = "    email: lars.eklund@cascadiaclimate.org\n";
  write_file(agreement,
             replaced(read_file(agreement), lars,
                      lars + "  - name: Dr. Sofia Ramirez\n"
                             "    title: Chair of the Board, Cascadia Climate Modeling Consortium\n"
                             "    party: partner\n"
                             "    email: sofia.ramirez@cascadiaclimate.org\n"));
  const RunResult run = build(dir.path(), "cascadia-climate", "agreement");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<Word> words = words_of(dir.path() / "out/cascadia-climate/agreement.pdf");
  const std::vector<std::string> pages = pages_of(words);
  ASSERT_GE(pages.size(), 2u);
  const int last = static_cast<int>(pages.size());
  // The block: its heading, four signatories, then the legal line, all on
  // the last page and nowhere else.
  EXPECT_EQ(pages_holding(pages, "Signatures"), std::vector<int>{last});
  for (const char* name : {"Harriet Boateng", "Maya Lindqvist", "Dr. Lars Eklund Executive",
                           "Dr. Sofia Ramirez Chair"}) {
    EXPECT_EQ(pages_holding(pages, name), std::vector<int>{last}) << name;
  }
  EXPECT_EQ(
      pages_holding(pages,
                    "fiscally sponsored project of Civic Works Fiscal Partners, Inc., a 501(c)(3)"),
      std::vector<int>{last});
  for (int p = 1; p < last; ++p) EXPECT_NE(last_line(words, p), "Signatures") << "page " << p;
  EXPECT_EQ(unembedded_fonts(dir.path() / "out/cascadia-climate/agreement.pdf"),
            std::vector<std::string>{});
}

/// INV-2026-0006 with 60 lines, each description several lines long between a
/// first and a last word that name the line, one with a 200-character URL;
/// the billing contact with a long e-mail address.
void make_sixty_line_invoice(const fs::path& dir) {
  std::string lines = "lines:\n";
  for (int i = 1; i <= 60; ++i) {
    std::string description = "First" + two_digits(i) +
                              " hub support for course section with notebooks, environments "
                              "and a shared data volume for the term, with office hours for "
                              "instructors, onboarding of teaching assistants and a weekly "
                              "report Last" +
                              two_digits(i);
    if (i == 30) {
      description = "First30 dataset catalogue at https://data.lakeshorecc.edu/" +
                    std::string(160, 'x') + "_catalogue_index Last30";
    }
    lines += "  - description: \"" + description + "\"\n    quantity: 1\n    unit_price: \"" +
             std::to_string(i) + ".00\"\n    amount: \"" + std::to_string(i) + ".00\"\n";
  }
  const fs::path invoice = dir / "partners/lakeshore-college/invoices/INV-2026-0006.yaml";
  std::string yaml = read_file(invoice);
  const std::size_t from = yaml.find("lines:\n");
  const std::size_t to = yaml.find("tax:\n");
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  yaml = yaml.substr(0, from) + lines + "subtotal: \"1830.00\"\n" + yaml.substr(to);
  write_file(invoice, replaced(yaml, "total: \"7320.00\"", "total: \"1830.00\""));
  const fs::path partner = dir / "partners/lakeshore-college/partner.yaml";
  write_file(partner, replaced(read_file(partner), "email: gwhitfield@lakeshorecc.edu",
                               "email: grace.whitfield.office.of.the.vice.president.for.academic."
                               "affairs@lakeshorecc.edu"));
}

TEST(PageBreaks, SixtyLineInvoiceCutsNoRowAndKeepsTotalsAndPaymentWhole) {
  TempDir dir;
  make_base_workspace(dir.path());
  make_sixty_line_invoice(dir.path());
  const RunResult run = build(dir.path(), "lakeshore-college", "invoice");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const fs::path pdf = dir.path() / "out/lakeshore-college/invoice-INV-2026-0006.pdf";
  const std::vector<Word> words = words_of(pdf);
  const std::vector<std::string> pages = pages_of(words);
  ASSERT_GE(pages.size(), 2u);
  for (int i = 1; i <= 60; ++i) {
    const std::vector<int> first = pages_holding(pages, "First" + two_digits(i));
    ASSERT_EQ(first.size(), 1u) << i;
    EXPECT_EQ(pages_holding(pages, "Last" + two_digits(i)), first) << "line " << i;
  }
  const std::vector<int> totals = pages_holding(pages, "Subtotal $1,830.00");
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(pages_holding(pages, "Total $1,830.00"), totals);
  EXPECT_EQ(pages_holding(pages, "Balance due"), totals);
  const int last = static_cast<int>(pages.size());
  EXPECT_EQ(pages_holding(pages, "How to pay"), std::vector<int>{last});
  EXPECT_EQ(pages_holding(pages, "SWIFT"), std::vector<int>{last});
  EXPECT_EQ(pages_holding(pages, "Commons Compute is a fiscally sponsored project"),
            std::vector<int>{last});
  for (int p = 1; p < last; ++p) EXPECT_NE(last_line(words, p), "How to pay") << "page " << p;
  expect_words_inside_the_margins(words);
  EXPECT_EQ(unembedded_fonts(pdf), std::vector<std::string>{});
}

TEST(PageBreaks, LongStatementOfWorkKeepsHeadingsWithTheirTextAndFillsItsPages) {
  TempDir dir;
  make_base_workspace(dir.path());
  const fs::path sow = dir.path() / "partners/cascadia-climate/sow/hub-migration.yaml";
  // A second deliverable of most of a page, which fits on no page after the
  // first: its list breaks rather than leave the page before it empty.
  std::string done;
  for (int i = 1; i <= 16; ++i) {
    done += "      - Acceptance check " + two_digits(i) + " passed on the staging hub\n";
  }
  const std::string anchor = "      - Monitoring dashboards shared with the consortium\n";
  std::string yaml = replaced(read_file(sow), anchor, anchor + done);
  // More background pushes the headings around the page foot.
  const std::string background = "  account and data but hand operations to Commons Compute.\n";
  std::string more;
  for (int i = 0; i < 6; ++i) {
    more +=
        "\n  The consortium's members reviewed the options in a series of meetings and\n"
        "  asked for a managed service with clear budget controls and support.\n";
  }
  yaml = replaced(yaml, background, background + more);
  write_file(sow, yaml);
  const RunResult run = build(dir.path(), "cascadia-climate", "sow");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const fs::path pdf = dir.path() / "out/cascadia-climate/sow-hub-migration.pdf";
  const std::vector<Word> words = words_of(pdf);
  const std::vector<std::string> pages = pages_of(words);
  ASSERT_GE(pages.size(), 3u);
  const std::set<std::string> headings = {"Background",
                                          "User stories",
                                          "Technical details",
                                          "Deliverables",
                                          "Estimate",
                                          "Out of scope",
                                          "Roles and capacity",
                                          "Timeline",
                                          "Related links",
                                          "Definition of done",
                                          "Discovery and target design",
                                          "Managed hub deployment",
                                          "Data and home directory migration"};
  const int last = static_cast<int>(pages.size());
  for (int p = 1; p < last; ++p) {
    EXPECT_EQ(headings.count(last_line(words, p)), 0u)
        << "page " << p << " ends with the heading " << last_line(words, p);
    // Content reaches at least two thirds down every page but the last.
    double lowest = 0;
    for (const Word& w : words) {
      if (w.page == p && w.y_min < k_page_height - k_bottom_margin)
        lowest = std::max(lowest, w.y_max);
    }
    EXPECT_GT(lowest, k_page_height * 2 / 3) << "page " << p << " is left mostly empty";
  }
  // Each estimate's total rows stay together: every page that holds a
  // "Total" row of hours holds as many price rows.
  int total_rows = 0;
  for (int p = 1; p <= last; ++p) {
    int totals = 0, prices = 0;
    for (const std::string& line : lines_of(words, p)) {
      totals += std::regex_match(line, std::regex(R"(Total \d+ hours \d+ hours)"));
      prices += line.rfind("Priced at the ", 0) == 0;
    }
    EXPECT_EQ(totals, prices) << "page " << p;
    total_rows += totals;
  }
  EXPECT_EQ(total_rows, 4);
  expect_words_inside_the_margins(words);
  EXPECT_EQ(unembedded_fonts(pdf), std::vector<std::string>{});
}

// The fixture's INV-2026-0004 once put its legal line alone on a page.
TEST(PageBreaks, EveryDocumentEmbedsItsFontsAndNoPageHoldsTheLegalLineAlone) {
  TempDir dir;
  make_base_workspace(dir.path());
  const RunResult run = run_partnerops({"build", dir.path().string(), "--today", "2026-11-23",
                                        "--out", (dir.path() / "out").string()},
                                       dir.path(), k_epoch);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  int documents = 0;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir.path() / "out")) {
    if (entry.path().extension() != ".pdf") continue;
    ++documents;
    EXPECT_EQ(unembedded_fonts(entry.path()), std::vector<std::string>{}) << entry.path();
    const std::vector<std::string> pages = pages_of(words_of(entry.path()));
    for (std::size_t p = 0; p < pages.size(); ++p) {
      EXPECT_NE(pages[p].rfind("Commons Compute is a fiscally sponsored project", 0), 0u)
          << entry.path() << " page " << p + 1 << " holds only the legal line";
    }
  }
  EXPECT_GE(documents, 20);
}

// A table's header row once stood alone at the foot of a page, its rows on
// the next (the demo's hours-only SOW). Sixteen copies of the fixture's SOW,
// each with one more line of background, move every table header through
// the foot of a page; none may end a page.
TEST(PageBreaks, NoPageEndsWithATableHeader) {
  TempDir dir;
  make_base_workspace(dir.path());
  const fs::path folder = dir.path() / "partners/cascadia-climate/sow";
  const std::string original = read_file(folder / "hub-migration.yaml");
  const std::string background = "  account and data but hand operations to Commons Compute.\n";
  std::string more;
  for (int i = 0; i < 16; ++i) {
    const std::string id = "padded-" + two_digits(i);
    write_file(folder / (id + ".yaml"),
               replaced(replaced(original, "id: hub-migration\n", "id: " + id + "\n"), background,
                        background + more));
    more += "  One more line of background, to move what follows down the page.\n";
  }
  const RunResult run = build(dir.path(), "cascadia-climate", "sow");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto is_table_header = [](const std::string& line) {
    return line.starts_with("TASK (") || line == "ROLE RATE PER HOUR" || line == "ROLE CAPACITY" ||
           line == "DELIVERABLE START END";
  };
  for (int i = 0; i < 16; ++i) {
    const fs::path pdf =
        dir.path() / "out/cascadia-climate" / ("sow-padded-" + two_digits(i) + ".pdf");
    const std::vector<Word> words = words_of(pdf);
    const int pages = static_cast<int>(pages_of(words).size());
    ASSERT_GE(pages, 2) << pdf;
    for (int p = 1; p < pages; ++p)
      EXPECT_FALSE(is_table_header(last_line(words, p)))
          << pdf.filename() << " page " << p << " ends with " << last_line(words, p);
  }
}

}  // namespace
}  // namespace partnerops::e2e
