// Benchmark driver for bench/render_bench.sh: renders a corpus of sample
// invoices with the in-process engine and prints per-document timings.
// Built only with -DPARTNEROPS_BENCH=ON; not part of the partnerops command.
//
//   render_bench prepare <templates> <logo.svg> <html-dir> <count>
//       renders <count> invoice HTML files from the sample templates
//       (tests/render/fixtures/templates) and copies style.css beside them
//   render_bench render <html-dir> <pdf-dir> [<shard> <shards>]
//       prints each file of <html-dir> (every shards-th, from shard) to PDF
//       and finishes it, timing each step
//   render_bench overlay <html-dir> <pdf-dir>
//       prints each file of <html-dir> once and finishes the same printed
//       bytes three ways, in turn: without the footer overlay, with the
//       footer, and with the footer and a status mark; times each

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "render/markdown.hpp"
#include "render/pdf_engine.hpp"
#include "render/pdf_finish.hpp"
#include "render/template.hpp"
#include "sample_invoice.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace partnerops;
using namespace partnerops::render;

namespace {

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// CPU time of this process (all threads), in milliseconds: less disturbed
/// than wall time when other work shares the machine.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1000 + static_cast<double>(t.tv_nsec) / 1e6;
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

int prepare(const fs::path& templates_dir, const fs::path& logo, const fs::path& html_dir,
            int count) {
  fs::create_directories(html_dir);
  fs::copy_file(templates_dir / "style.css", html_dir / "style.css",
                fs::copy_options::overwrite_existing);
  const std::unique_ptr<Source> source = open_directory_source(templates_dir.parent_path());
  Diagnostics diagnostics;
  const TemplateSet templates =
      TemplateSet::load(*source, templates_dir.filename().string(), diagnostics);
  const std::string notes =
      markdown_to_html("Thank you for your partnership. Payment terms: **30 days net**.");
  const std::string logo_url = "file://" + fs::canonical(logo).string();
  std::vector<double> times;
  for (int i = 1; i <= count; ++i) {
    char number[32];
    std::snprintf(number, sizeof number, "INV-2026-%04d", i);
    const Clock::time_point start = Clock::now();
    const std::optional<std::string> html =
        templates.render_document("invoice",
                                  sample::invoice(number, "Partner " + std::to_string(i),
                                                  "Partnership retainer", notes, logo_url),
                                  diagnostics);
    times.push_back(ms_since(start));
    if (!html) {
      for (const Diagnostic& d : diagnostics) std::cerr << d.file << ": " << d.message << "\n";
      return 1;
    }
    std::ofstream(html_dir / (std::string(number) + ".html"), std::ios::binary) << *html;
  }
  std::cout << "template_median_ms " << median(times) << "\n";
  return 0;
}

int render_all(const fs::path& html_dir, const fs::path& pdf_dir, int shard, int shards) {
  fs::create_directories(pdf_dir);
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(html_dir)) {
    if (entry.path().extension() == ".html") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  const fs::path logo_folder = fs::canonical(html_dir);
  PdfEngine engine;
  std::vector<double> engine_ms, finish_ms, total_ms, cpu_total_ms;
  double first_ms = 0;
  int rendered = 0;
  const Clock::time_point wall = Clock::now();
  for (std::size_t i = static_cast<std::size_t>(shard); i < files.size();
       i += static_cast<std::size_t>(shards)) {
    const Clock::time_point start = Clock::now();
    const double cpu_start = cpu_ms();
    RenderRequest request;
    request.html = slurp(files[i]);
    request.base_folder = html_dir;
    request.allowed_folders = {html_dir, fs::path(BENCH_LOGO_FOLDER)};
    std::string error;
    const std::optional<std::string> printed = engine.render(request, &error);
    const double printed_ms = ms_since(start);
    if (!printed) {
      std::cerr << files[i] << ": " << error << "\n";
      return 1;
    }
    const Clock::time_point finish_start = Clock::now();
    FinishOptions options;
    options.title = "Invoice";
    options.number = files[i].stem().string();
    options.author = "Northwind Civic Tech";
    options.epoch_seconds = 1772496000;
    options.input_hash = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
    const std::optional<FinishedPdf> finished = finish_pdf(*printed, options, &error);
    if (!finished) {
      std::cerr << files[i] << ": " << error << "\n";
      return 1;
    }
    std::ofstream(pdf_dir / (files[i].stem().string() + ".pdf"), std::ios::binary)
        << finished->bytes;
    const double total = ms_since(start);
    if (++rendered == 1) {
      first_ms = total;  // includes creating the Qt application object
      continue;
    }
    engine_ms.push_back(printed_ms);
    finish_ms.push_back(ms_since(finish_start));
    total_ms.push_back(total);
    cpu_total_ms.push_back(cpu_ms() - cpu_start);
  }
  std::cout << "documents " << rendered << "\n"
            << "first_document_ms " << first_ms << "\n"
            << "engine_median_ms " << median(engine_ms) << "\n"
            << "finish_median_ms " << median(finish_ms) << "\n"
            << "total_median_ms " << median(total_ms) << "\n"
            << "cpu_median_ms " << median(cpu_total_ms) << "\n"
            << "wall_s " << ms_since(wall) / 1000 << "\n";
  return 0;
}

/// Finishes `printed` as a draft invoice would be, with or without the
/// footer sheet and the mark; the milliseconds it took, or -1 on failure.
double timed_finish(const std::string& printed, const std::string& number, FooterStamp stamp,
                    const std::string& mark, PdfEngine& engine, const fs::path& out) {
  const Clock::time_point start = Clock::now();
  FinishOptions options;
  options.title = "Invoice " + number;
  options.footer_title = "Invoice";
  options.number = number;
  options.author = "Northwind Civic Tech";
  options.epoch_seconds = 1772496000;
  options.input_hash = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
  options.footer_stamp = stamp;
  options.mark = mark;
  options.engine = &engine;
  std::string error;
  const std::optional<FinishedPdf> finished = finish_pdf(printed, options, &error);
  if (!finished) {
    std::cerr << number << ": " << error << "\n";
    return -1;
  }
  const double elapsed = ms_since(start);
  std::ofstream(out, std::ios::binary) << finished->bytes;
  return elapsed;
}

int overlay(const fs::path& html_dir, const fs::path& pdf_dir) {
  fs::create_directories(pdf_dir);
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(html_dir)) {
    if (entry.path().extension() == ".html") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  PdfEngine engine;
  std::vector<double> print_ms, bare_ms, footer_ms, marked_ms;
  for (std::size_t i = 0; i < files.size(); ++i) {
    RenderRequest request;
    request.html = slurp(files[i]);
    request.base_folder = html_dir;
    request.allowed_folders = {html_dir, fs::path(BENCH_LOGO_FOLDER)};
    std::string error;
    const Clock::time_point start = Clock::now();
    const std::optional<std::string> printed = engine.render(request, &error);
    const double printed_ms = ms_since(start);
    if (!printed) {
      std::cerr << files[i] << ": " << error << "\n";
      return 1;
    }
    const std::string number = files[i].stem().string();
    const fs::path base = pdf_dir / number;
    const double bare =
        timed_finish(*printed, number, FooterStamp::none, "", engine, base.string() + "-bare.pdf");
    const double footer = timed_finish(*printed, number, FooterStamp::stamped, "", engine,
                                       base.string() + "-footer.pdf");
    const double marked =
        timed_finish(*printed, number, FooterStamp::stamped, "DRAFT — not an invoice until issued",
                     engine, base.string() + "-marked.pdf");
    if (bare < 0 || footer < 0 || marked < 0) return 1;
    if (i == 0) continue;  // the first includes starting Qt
    print_ms.push_back(printed_ms);
    bare_ms.push_back(printed_ms + bare);
    footer_ms.push_back(printed_ms + footer);
    marked_ms.push_back(printed_ms + marked);
  }
  std::cout << "documents " << files.size() << "\n"
            << "print_median_ms " << median(print_ms) << "\n"
            << "bare_median_ms " << median(bare_ms) << "\n"
            << "footer_median_ms " << median(footer_ms) << "\n"
            << "marked_median_ms " << median(marked_ms) << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 5 && args[0] == "prepare") {
    return prepare(args[1], args[2], args[3], std::stoi(args[4]));
  }
  if ((args.size() == 3 || args.size() == 5) && args[0] == "render") {
    const int shard = args.size() == 5 ? std::stoi(args[3]) : 0;
    const int shards = args.size() == 5 ? std::stoi(args[4]) : 1;
    return render_all(args[1], args[2], shard, shards);
  }
  if (args.size() == 3 && args[0] == "overlay") return overlay(args[1], args[2]);
  std::cerr << "usage: render_bench prepare <templates> <logo.svg> <html-dir> <count>\n"
               "       render_bench render <html-dir> <pdf-dir> [<shard> <shards>]\n"
               "       render_bench overlay <html-dir> <pdf-dir>\n";
  return 2;
}
