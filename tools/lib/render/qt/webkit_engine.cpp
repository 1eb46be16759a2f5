#include "render/qt/webkit_engine.hpp"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QMarginsF>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPageLayout>
#include <QPageSize>
#include <QPrinter>
#include <QScreen>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QWebFrame>
#include <QWebPage>
#include <QWebSettings>
#include <cmath>
#include <cstdlib>

#include "render/qt/qt_environment.hpp"

namespace partnerops::render {
namespace {

namespace fs = std::filesystem;

QtMessageHandler g_previous_handler = nullptr;

/// Drops the one warning every headless run prints (Qt falls back to a
/// runtime folder of its own when XDG_RUNTIME_DIR is unset, which is all a
/// renderer needs) and passes every other message on.
void filter_qt_messages(QtMsgType type, const QMessageLogContext& context, const QString& text) {
  if (type == QtWarningMsg && text.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR"))) {
    return;
  }
  if (g_previous_handler) g_previous_handler(type, context, text);
}

/// The Qt application object, created once per process by the first render
/// and never destroyed: Qt WebKit keeps global caches whose teardown order at
/// exit is not ours to control, and the process is ending anyway. Returns
/// nullptr when another kind of Qt application object already exists.
QApplication* application() {
  static QApplication* s_app = [] {
    if (QCoreApplication::instance()) {
      return qobject_cast<QApplication*>(QCoreApplication::instance());
    }
    prepare_qt_environment();
    // See print_zoom(): a high logical DPI makes whole point sizes whole
    // layout pixels, so fonts print at their exact size.
    setenv("QT_FONT_DPI", "288", 1);
    g_previous_handler = qInstallMessageHandler(filter_qt_messages);
    // QApplication keeps references to argc and argv for its whole life.
    static int s_argc = 1;
    static char s_arg0[] = "partnerops";
    static char* s_argv[] = {s_arg0, nullptr};
    return new QApplication(s_argc, s_argv);
  }();
  return s_app;
}

/// A reply that fails at once with "access denied", delivered through the
/// event loop as a real network error would be.
class RefusedReply final : public QNetworkReply {
 public:
  RefusedReply(QNetworkAccessManager::Operation operation, const QNetworkRequest& request,
               QObject* parent)
      : QNetworkReply(parent) {
    setRequest(request);
    setUrl(request.url());
    setOperation(operation);
    setOpenMode(QIODevice::ReadOnly);
    setError(QNetworkReply::ContentAccessDenied, QStringLiteral("refused by partnerops"));
    QMetaObject::invokeMethod(
        this,
        [this] {
          setFinished(true);
          emit errorOccurred(QNetworkReply::ContentAccessDenied);
          emit finished();
        },
        Qt::QueuedConnection);
  }
  void abort() override {}
  qint64 bytesAvailable() const override { return 0; }

 protected:
  qint64 readData(char*, qint64) override { return -1; }
};

/// True when `path` lies inside `root`, both already canonical.
bool is_inside(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

/// Refuses every request except `data:` URLs and local files inside the
/// allowed folders. Paths are made canonical first, so neither `..` nor a
/// symbolic link can lead outside a folder; only regular files are served,
/// so a FIFO or device cannot block the render.
class SandboxedNetworkAccess final : public QNetworkAccessManager {
 public:
  void set_allowed_folders(const std::vector<fs::path>& folders) {
    m_allowed.clear();
    for (const fs::path& folder : folders) {
      std::error_code ec;
      fs::path canonical = fs::canonical(folder, ec);
      if (!ec && fs::is_directory(canonical, ec)) m_allowed.push_back(std::move(canonical));
    }
  }
  std::vector<std::string> take_refused() { return std::exchange(m_refused, {}); }

 protected:
  QNetworkReply* createRequest(Operation operation, const QNetworkRequest& request,
                               QIODevice* outgoing) override {
    if (operation == GetOperation && allows(request.url())) {
      return QNetworkAccessManager::createRequest(operation, request, outgoing);
    }
    m_refused.push_back(request.url().toString().toStdString());
    return new RefusedReply(operation, request, this);
  }

 private:
  bool allows(const QUrl& url) const {
    if (url.scheme() == QLatin1String("data")) return true;
    if (!url.isLocalFile() || !url.host().isEmpty()) return false;
    std::error_code ec;
    const fs::path canonical = fs::canonical(fs::path(url.toLocalFile().toStdString()), ec);
    if (ec || !fs::is_regular_file(canonical, ec)) return false;
    for (const fs::path& root : m_allowed) {
      if (is_inside(canonical, root)) return true;
    }
    return false;
  }

  std::vector<fs::path> m_allowed;
  std::vector<std::string> m_refused;
};

// Why 11pt in CSS needs help to come out as 11pt on paper. QWebFrame::print()
// maps one CSS pixel to 1/D inch, D being the screen's logical DPI (100 on the
// offscreen platform, not the 96 of CSS), and WebKit lays a printed page out
// 1.25 times wider than the paper and shrinks it by 0.8 (its minimum print
// shrink factor). Together 11pt came out as 8.4pt. A CSS zoom of 1.25 * D / 96
// on the root element cancels both. WebKit also rounds font sizes to whole
// layout pixels (11pt = 14.67px became 15px), so we raise D to 288: then one
// point is five layout pixels and every whole point size is exact.
double print_zoom() {
  const QScreen* screen = QGuiApplication::primaryScreen();
  const double dpi = screen ? std::round(screen->logicalDotsPerInchX()) : 96.0;
  constexpr double k_webkit_minimum_shrink = 1.25;
  return k_webkit_minimum_shrink * dpi / 96.0;
}

/// A user style sheet, applied beneath every document's own, as a data: URL
/// (the sandbox lets those through).
QUrl print_zoom_style_sheet() {
  const QByteArray css =
      "html { zoom: " + QByteArray::number(print_zoom(), 'f', 6) + " !important }";
  return QUrl(QStringLiteral("data:text/css;charset=utf-8;base64,") +
              QString::fromLatin1(css.toBase64()));
}

QPageSize::PageSizeId page_size_id(PaperSize paper) {
  switch (paper) {
    case PaperSize::letter:
      return QPageSize::Letter;
    case PaperSize::a4:
      break;
  }
  return QPageSize::A4;
}

/// The printer itself: one sandboxing network manager and one scratch folder
/// per engine, created on the first render, on the rendering thread, after
/// the application object (Qt objects belong to the thread that made them).
class WebKitEngine final : public PdfEngineBackend {
 public:
  explicit WebKitEngine(const EngineOptions& options) : m_options(options) {}

  std::optional<std::string> render(const RenderRequest& request, std::string* error,
                                    RenderReport* report) override;

 private:
  EngineOptions m_options;
  std::unique_ptr<SandboxedNetworkAccess> m_network;
  std::unique_ptr<QTemporaryDir> m_scratch;
};

}  // namespace

std::optional<std::string> WebKitEngine::render(const RenderRequest& request, std::string* error,
                                                RenderReport* report) {
  auto fail = [&](std::string message) -> std::optional<std::string> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };

  QApplication* app = application();
  if (!app) return fail("another kind of Qt application object already exists in this process");
  if (app->thread() != QThread::currentThread()) {
    return fail("Qt WebKit renders only on the thread that created the Qt application object");
  }
  if (!m_network) {
    m_network = std::make_unique<SandboxedNetworkAccess>();
    m_scratch = std::make_unique<QTemporaryDir>();
    if (!m_scratch->isValid()) {
      m_scratch.reset();
      m_network.reset();
      return fail("cannot create a temporary folder for the printer");
    }
  }
  SandboxedNetworkAccess& network = *m_network;
  network.set_allowed_folders(request.allowed_folders);
  network.take_refused();

  QWebSettings* global = QWebSettings::globalSettings();
  // The memory cache would hand one partner's files to another partner's
  // document without asking the sandbox; switch it off.
  global->setObjectCacheCapacities(0, 0, 0);
  global->setMaximumPagesInCache(0);

  QWebPage web_page;
  web_page.setNetworkAccessManager(&network);
  QWebSettings* settings = web_page.settings();
  settings->setAttribute(QWebSettings::JavascriptEnabled, false);
  settings->setAttribute(QWebSettings::JavaEnabled, false);
  settings->setAttribute(QWebSettings::PluginsEnabled, false);
  settings->setAttribute(QWebSettings::DnsPrefetchEnabled, false);
  settings->setAttribute(QWebSettings::LocalContentCanAccessRemoteUrls, false);
  settings->setAttribute(QWebSettings::LocalStorageEnabled, false);
  settings->setAttribute(QWebSettings::OfflineStorageDatabaseEnabled, false);
  settings->setAttribute(QWebSettings::OfflineWebApplicationCacheEnabled, false);
  settings->setAttribute(QWebSettings::AutoLoadImages, true);
  settings->setAttribute(QWebSettings::PrintElementBackgrounds, true);

  QEventLoop loop;
  // loadFinished(false) only means a sub-resource failed (the sandbox
  // refused it); the document itself comes from memory and prints either way.
  bool finished = false;
  QObject::connect(&web_page, &QWebPage::loadFinished, &loop, [&] {
    finished = true;
    loop.quit();
  });
  QTimer timeout;
  timeout.setSingleShot(true);
  QObject::connect(&timeout, &QTimer::timeout, &loop, [&] { loop.quit(); });

  const QUrl base =
      request.base_folder.empty()
          ? QUrl(QStringLiteral("about:blank"))
          : QUrl::fromLocalFile(QString::fromStdString(
                (fs::absolute(request.base_folder) / "").lexically_normal().string()));
  QWebFrame* frame = web_page.mainFrame();
  settings->setUserStyleSheetUrl(print_zoom_style_sheet());
  frame->setHtml(QString::fromUtf8(request.html.data(), static_cast<int>(request.html.size())),
                 base);
  if (!finished) {
    timeout.start(static_cast<int>(m_options.load_timeout.count()));
    loop.exec(QEventLoop::ExcludeUserInputEvents);
  }
  if (report) report->refused_urls = network.take_refused();
  if (!finished) {
    web_page.triggerAction(QWebPage::Stop);
    return fail("the document did not finish loading within " +
                std::to_string(m_options.load_timeout.count()) + " ms");
  }
  const QString output = m_scratch->filePath(QStringLiteral("document.pdf"));
  {
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(output);
    printer.setColorMode(QPrinter::Color);
    if (request.profile == PdfProfile::pdf_a) printer.setPdfVersion(QPrinter::PdfVersion_A1b);
    const Margins& m = request.page.margins_mm;
    const QPageLayout layout(QPageSize(page_size_id(request.page.paper)), QPageLayout::Portrait,
                             QMarginsF(m.left, m.top, m.right, m.bottom), QPageLayout::Millimeter);
    printer.setPageLayout(layout);
    frame->print(&printer);
    if (printer.printerState() == QPrinter::Error) return fail("the PDF printer failed");
  }
  QFile file(output);
  if (!file.open(QIODevice::ReadOnly)) return fail("cannot read the printed PDF back");
  const QByteArray bytes = file.readAll();
  file.close();
  file.remove();
  if (bytes.isEmpty()) return fail("the printer wrote an empty PDF");
  return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

std::unique_ptr<PdfEngineBackend> make_webkit_engine(const EngineOptions& options) {
  return std::make_unique<WebKitEngine>(options);
}

}  // namespace partnerops::render
