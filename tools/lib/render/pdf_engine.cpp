#include "render/pdf_engine.hpp"

#include <dlfcn.h>

#include <atomic>
#include <cstdlib>

#include "render/pdf_engine_backend.hpp"
#include "util/installation.hpp"

namespace partnerops::render {

namespace {

std::string describe_version_mismatch(const std::string& file, const PdfEngineModule& module) {
  if (module.abi_version != k_pdf_engine_abi_version) {
    return "the PDF engine module " + file + " was built for engine interface version " +
           std::to_string(module.abi_version) + ", but this partnerops needs version " +
           std::to_string(k_pdf_engine_abi_version) + "; rebuild it with this partnerops";
  }
  return "the PDF engine module " + file +
         " was built from other sources than this partnerops (the structures they exchange "
         "differ in size); rebuild it with this partnerops";
}

}  // namespace

const PdfEngineModule* load_pdf_engine_module(const std::string& file, std::string* error) {
  auto fail = [&](std::string message) -> const PdfEngineModule* {
    if (error) *error = std::move(message);
    return nullptr;
  };
  // RTLD_NOW: a module with an unresolved symbol fails here, with the
  // loader's message, instead of aborting the process in the middle of a
  // render. RTLD_LOCAL: nothing of Qt or of the module becomes visible to
  // later lookups; the program reaches the module only through its entry
  // point.
  //
  // The handle is never passed to dlclose(). Qt cannot be unloaded: the
  // application object lives until exit (see render/qt/webkit_engine.cpp),
  // Qt registers exit handlers and a message handler that point into the
  // module, WebKit keeps threads and caches, and Qt's libraries contain
  // unique symbols that make glibc refuse to unload them anyway. Keeping
  // the module mapped until exit is both the only safe choice and free.
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return fail("cannot load the PDF engine module " + file + ": " + dlerror());
  dlerror();
  void* symbol = dlsym(handle, k_pdf_engine_entry_point);
  if (!symbol) {
    const char* reason = dlerror();
    return fail("cannot load the PDF engine module " + file + ": " +
                (reason ? reason : std::string("its entry point is null")));
  }
  const auto entry = reinterpret_cast<decltype(&partnerops_pdf_engine_module)>(symbol);
  const PdfEngineModule* module = entry();
  if (!module) return fail("the PDF engine module " + file + " returned no engine");
  if (module->abi_version != k_pdf_engine_abi_version) {
    return fail(describe_version_mismatch(file, *module));
  }
  const PdfEngineModule expected;
  if (module->options_size != expected.options_size ||
      module->request_size != expected.request_size ||
      module->report_size != expected.report_size || module->page_size != expected.page_size ||
      !module->create) {
    return fail(describe_version_mismatch(file, *module));
  }
  return module;
}

namespace {
std::atomic<bool> g_module_loaded{false};
}  // namespace

const PdfEngineModule* pdf_engine_module(std::string* error) {
  struct Loaded {
    const PdfEngineModule* module = nullptr;
    std::string error;
  };
  // A function-local static: loaded once even if two threads race here.
  static const Loaded s_loaded = [] {
    Loaded loaded;
    // An installed program's lib/partnerops/, else the build folder (see
    // util/installation.hpp).
    const std::string file = util::module_file(util::program_path(), k_pdf_engine_module_file,
                                               k_pdf_engine_module_variable);
    loaded.module = load_pdf_engine_module(file, &loaded.error);
    g_module_loaded = loaded.module != nullptr;
    return loaded;
  }();
  if (!s_loaded.module && error) *error = s_loaded.error;
  return s_loaded.module;
}

bool pdf_engine_loaded() { return g_module_loaded; }

struct PdfEngine::Impl {
  EngineOptions options;
  // Created by the first render, so that a PdfEngine that never prints (or
  // that is made in a parent that forks print workers) never loads Qt.
  std::unique_ptr<PdfEngineBackend> backend;
};

PdfEngine::PdfEngine(EngineOptions options) : m_impl(std::make_unique<Impl>()) {
  m_impl->options = options;
}

PdfEngine::~PdfEngine() = default;

std::optional<std::string> PdfEngine::render(const std::string& html, const PageSetup& page,
                                             std::string* error) {
  RenderRequest request;
  request.html = html;
  request.page = page;
  return render(request, error);
}

std::optional<std::string> PdfEngine::render(const RenderRequest& request, std::string* error,
                                             RenderReport* report) {
  if (!m_impl->backend) {
    std::string message;
    const PdfEngineModule* module = pdf_engine_module(&message);
    if (module) {
      m_impl->backend.reset(module->create(m_impl->options));
      if (!m_impl->backend) message = "the PDF engine module could not create a printer";
    }
    if (!m_impl->backend) {
      if (error) *error = std::move(message);
      return std::nullopt;
    }
  }
  return m_impl->backend->render(request, error, report);
}

}  // namespace partnerops::render

// Parallelism: how `partnerops build --jobs N` should use several cores.
//
// Qt WebKit renders only on the thread that created the application object,
// and there is one application object per process. Two designs were
// considered:
//
// 1. Render on the main thread while other threads prepare HTML (templates,
//    Markdown) and finish PDFs (qpdf). Measured per invoice on this machine
//    (bench/render_bench.sh, 500 invoices): mustache 0.15 ms, qpdf finishing
//    1.0 ms, Qt WebKit printing 9.8 ms. The main thread stays the
//    bottleneck, so helper threads can save at most the 1.2 ms of the other
//    steps: about 1.1 times the throughput, with locking to get there.
//
// 2. Worker processes. The parent prepares every HTML document without
//    touching Qt, then forks workers before any Qt object exists (fork()
//    after Qt has started threads is unsafe); each worker creates its own
//    application object on its first render and prints its share, writing
//    each PDF atomically. Nothing is re-read, and a crash in WebKit costs
//    one worker, not the build. Measured with bench/render_bench.sh: 500
//    invoices took 5.5 s in one process and 3.0 s split over two (1.8
//    times the throughput on two cores).
//
// Choice: worker processes (2), as print_workers.hpp implements for
// `partnerops build`. Threads inside a worker are not worth their
// complexity for the small share of time outside WebKit.
