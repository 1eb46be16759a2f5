// The preview server in process, spoken to with cpp-httplib's client:
// what it serves, what it refuses, and how it follows the files.

#include "preview/preview_server.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

#include "../e2e/run_support.hpp"
#include "support/processes.hpp"

namespace partnerops::preview {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

Date fixture_today() { return *Date::parse("2026-11-23"); }

TEST(PreviewLoopback, OnlyLiteralLoopbackAddressesCount) {
  EXPECT_TRUE(is_loopback("127.0.0.1"));
  EXPECT_TRUE(is_loopback("127.1.2.3"));
  EXPECT_TRUE(is_loopback("::1"));
  EXPECT_FALSE(is_loopback("0.0.0.0"));
  EXPECT_FALSE(is_loopback("::"));
  EXPECT_FALSE(is_loopback("192.168.1.10"));
  EXPECT_FALSE(is_loopback("128.0.0.1"));
  EXPECT_FALSE(is_loopback("localhost"));  // a name, resolved who knows where
  EXPECT_FALSE(is_loopback(""));
}

TEST(PreviewLoopback, ANonLoopbackBindIsRefusedBeforeAnySocket) {
  e2e::TempDir dir;
  e2e::make_base_workspace(dir.path());
  for (const std::string host : {"0.0.0.0", "::", "192.168.1.10"}) {
    PreviewOptions options;
    options.root = dir.path();
    options.today = fixture_today();
    options.host = host;
    PreviewServer server(options);
    std::string error;
    EXPECT_FALSE(server.start(&error)) << host;
    EXPECT_EQ(error, "the preview listens only on the loopback address (127.0.0.1), never on '" +
                         host + "': it serves the workspace to whoever can reach it");
    EXPECT_EQ(server.port(), 0);
  }
}

class PreviewServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    e2e::make_base_workspace(dir.path());
    PreviewOptions options;
    options.root = dir.path();
    options.today = fixture_today();
    server = std::make_unique<PreviewServer>(options);
    std::string error;
    ASSERT_TRUE(server->start(&error)) << error;
    client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
    client->set_read_timeout(60, 0);
  }

  httplib::Result get(const std::string& path) { return client->Get(path.c_str()); }

  e2e::TempDir dir;
  std::unique_ptr<PreviewServer> server;
  std::unique_ptr<httplib::Client> client;
};

TEST_F(PreviewServerTest, ServesTheIndexAndEachDocumentWithTheReloadScript) {
  EXPECT_THAT(server->url(), StartsWith("http://127.0.0.1:"));
  EXPECT_EQ(server->generation(), 1u);
  const httplib::Result index = get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_THAT(index->body, HasSubstr("href=\"/documents/cascadia-climate/notes"));
  EXPECT_THAT(index->body, HasSubstr("new EventSource(\"/_preview/events\")"));
  EXPECT_THAT(index->get_header_value("Content-Security-Policy"), HasSubstr("default-src 'none'"));
  EXPECT_THAT(index->body, Not(HasSubstr("partnerops-problems")));  // the fixture is clean

  const httplib::Result notes = get("/documents/cascadia-climate/notes.html");
  ASSERT_TRUE(notes);
  EXPECT_EQ(notes->status, 200);
  EXPECT_THAT(notes->body, HasSubstr("<body class=\"kind-notes\">"));
  EXPECT_THAT(notes->body, HasSubstr("Cascadia Climate Modeling Consortium"));
  // The script sits right before </body>, and carries the policy's nonce.
  EXPECT_THAT(notes->body, HasSubstr("})();</script>\n</body>"));
}

TEST_F(PreviewServerTest, ServesADocumentsPdfOnDemand) {
  const httplib::Result pdf = get("/documents/cascadia-climate/notes.pdf");
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_THAT(pdf->body, StartsWith("%PDF-"));
  const fs::path file = dir.path() / "notes.pdf";
  e2e::write_file(file, pdf->body);
  EXPECT_THAT(e2e::fold(e2e::pdf_text(file)), HasSubstr("Cascadia Climate Modeling Consortium"));
}

TEST_F(PreviewServerTest, AnyPathOutsideWhatItServesIsNotFound) {
  for (const std::string path :
       {"/partnerops.yaml", "/partners/cascadia-climate/partner.yaml", "/../partnerops.yaml",
        "/documents/../partnerops.yaml", "/documents/cascadia-climate/../../partnerops.yaml",
        "/%2e%2e/partnerops.yaml", "/documents/%2e%2e%2f%2e%2e%2fpartnerops.yaml",
        "/documents/..%2Fpartnerops.yaml", "/documents/%252e%252e/partnerops.yaml",
        "/documents/cascadia-climate/notes.html/", "/documents//cascadia-climate/notes.html",
        "/documents/./cascadia-climate/notes.html", "/documents/cascadia-climate/notes.md",
        "/documents/cascadia-climate\\notes.html", "/index.html", "/etc/passwd", "//etc/passwd"}) {
    const httplib::Result result = get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 404) << path;
    EXPECT_THAT(result->body, Not(HasSubstr("slug: cascadia-climate"))) << path;
  }
}

TEST_F(PreviewServerTest, ARequestForAnotherHostIsRefused) {
  const httplib::Result result = client->Get("/", {{"Host", "evil.example:80"}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 403);
}

TEST_F(PreviewServerTest, ASavedFileReloadsAndTheEventStreamSaysSo) {
  // The stream's first event names the generation served now.
  std::string events;
  std::atomic<bool> second_event = false;
  std::thread listener([this, &events, &second_event] {
    httplib::Client stream("127.0.0.1", server->port());
    stream.Get("/_preview/events", [&](const char* data, std::size_t length) {
      events.append(data, length);
      second_event = events.find("data: 2\n\n") != std::string::npos;
      return !second_event;
    });
  });
  const fs::path partner = dir.path() / "partners" / "cascadia-climate" / "partner.yaml";
  e2e::write_file(partner,
                  e2e::replaced(e2e::read_file(partner), "qualified: true", "qualified: maybe"));
  EXPECT_TRUE(testing::holds_within(std::chrono::seconds(5), [&] { return second_event.load(); }));
  listener.join();
  EXPECT_THAT(events, StartsWith("retry: 300\ndata: 1\n\n"));
  EXPECT_EQ(server->generation(), 2u);

  const httplib::Result index = get("/");
  ASSERT_TRUE(index);
  // The banner opens the body, in validate's words.
  EXPECT_THAT(index->body, HasSubstr("\n<body><section id=\"partnerops-problems\""));
  EXPECT_THAT(index->body,
              HasSubstr("partners/cascadia-climate/partner.yaml:5:12: error[schema-type]"));
  // A partner whose file did not load has no documents, as in `build`; its
  // page says so under the same banner, and reloads once the file is fixed.
  const httplib::Result notes = get("/documents/cascadia-climate/notes.html");
  ASSERT_TRUE(notes);
  EXPECT_EQ(notes->status, 404);
  EXPECT_THAT(notes->body, HasSubstr("partners/cascadia-climate/partner.yaml:5:12: error"));
  EXPECT_THAT(notes->body, HasSubstr("var g=\"2\""));
}

TEST_F(PreviewServerTest, StopsWhileAPageListens) {
  std::thread listener([this] {
    httplib::Client stream("127.0.0.1", server->port());
    stream.Get("/_preview/events", [](const char*, std::size_t) { return true; });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto started = std::chrono::steady_clock::now();
  server->stop();
  listener.join();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

/// A stand-in for the site's pages: a home page and a style sheet.
class FakeSite : public PageSource {
 public:
  explicit FakeSite(std::shared_ptr<const Snapshot> snapshot) : m_snapshot(std::move(snapshot)) {}
  std::optional<Page> page(std::string_view path) const override {
    if (path == "/")
      return Page{"<html><body><h1>Site of generation " + std::to_string(m_snapshot->generation) +
                  "</h1></body></html>"};
    if (path == "/site.css") return Page{"h1 { color: teal }", "text/css"};
    return std::nullopt;
  }

 private:
  std::shared_ptr<const Snapshot> m_snapshot;
};

TEST(PreviewPageSources, ExtraSourcesComeBeforeTheDocumentsAndGetTheBannerAndScript) {
  e2e::TempDir dir;
  e2e::make_base_workspace(dir.path());
  PreviewOptions options;
  options.root = dir.path();
  options.today = fixture_today();
  options.pages.push_back([](std::shared_ptr<const Snapshot> snapshot) {
    return std::make_unique<FakeSite>(std::move(snapshot));
  });
  PreviewServer server(options);
  std::string error;
  ASSERT_TRUE(server.start(&error)) << error;
  httplib::Client client("127.0.0.1", server.port());
  const httplib::Result home = client.Get("/");
  ASSERT_TRUE(home);
  EXPECT_THAT(home->body, StartsWith("<html><body><h1>Site of generation 1</h1><script nonce="));
  const httplib::Result css = client.Get("/site.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->body, "h1 { color: teal }");  // not HTML: served as it is
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css");
  // The documents are still there, after the site's pages.
  const httplib::Result notes = client.Get("/documents/cascadia-climate/notes.html");
  ASSERT_TRUE(notes);
  EXPECT_EQ(notes->status, 200);
  // A reload makes the site's pages anew over the new snapshot.
  server.reload({"partners"});
  EXPECT_THAT(client.Get("/")->body, HasSubstr("Site of generation 2"));
}

}  // namespace
}  // namespace partnerops::preview
