// Partner data is untrusted: whatever a template or a note points at, the
// engine fetches nothing from the network and reads no file outside the
// folders it was given. A local listener proves no connection was attempted;
// pdftotext proves no file's content reached the page.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "render/markdown.hpp"
#include "render/pdf_engine.hpp"
#include "render_support.hpp"

namespace partnerops::render {
namespace {

namespace fs = std::filesystem;
using testing::pdf_text;
using testing::read_file;
using testing::TempDir;
using testing::write_file;

/// A TCP listener on 127.0.0.1 and an ephemeral port, to catch any request.
class Listener {
 public:
  Listener() {
    m_fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (m_fd < 0 || bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        listen(m_fd, 16) != 0 ||
        getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      ADD_FAILURE() << "cannot listen on 127.0.0.1";
      return;
    }
    m_port = ntohs(address.sin_port);
  }
  ~Listener() {
    if (m_fd >= 0) close(m_fd);
  }
  int port() const { return m_port; }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(m_port) + path;
  }

  /// Counts the connections waiting to be accepted, waiting up to
  /// `wait_ms` for the first one (a connection completes its handshake in the
  /// kernel before the engine could even send a request).
  int connections(int wait_ms) {
    int count = 0;
    pollfd entry{m_fd, POLLIN, 0};
    while (poll(&entry, 1, count == 0 ? wait_ms : 0) > 0) {
      const int client = accept(m_fd, nullptr, nullptr);
      if (client < 0) break;
      close(client);
      ++count;
    }
    return count;
  }

 private:
  int m_fd = -1;
  int m_port = 0;
};

std::string first_line_of_passwd() {
  const std::string passwd = read_file("/etc/passwd");
  return passwd.substr(0, passwd.find('\n'));
}

std::string page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head><meta charset='utf-8'>" + head +
         "<style>body { font-family: 'DejaVu Sans'; font-size: 11pt }</style></head><body>" + body +
         "</body></html>";
}

struct Rendered {
  std::string text;
  std::vector<std::string> refused;
};

Rendered render_in(const TempDir& allowed, const std::string& html) {
  RenderRequest request;
  request.html = html;
  request.base_folder = allowed.path();
  request.allowed_folders = {allowed.path()};
  RenderReport report;
  std::string error;
  std::optional<std::string> pdf = testing::engine().render(request, &error, &report);
  if (!pdf) {
    ADD_FAILURE() << error;
    return {};
  }
  return Rendered{pdf_text(*pdf), report.refused_urls};
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(Sandbox, TheListenerSeesAConnectionWhenOneIsMade) {
  // The control: without this, "no connection" below could mean a broken
  // listener rather than a working sandbox.
  Listener listener;
  const int client = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(listener.port()));
  ASSERT_EQ(connect(client, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  EXPECT_EQ(listener.connections(2000), 1);
  close(client);
}

TEST(Sandbox, AFileInsideTheAllowedFolderIsShown) {
  // The control for the file tests: an iframe does show a file's content.
  TempDir allowed;
  write_file(allowed.path() / "inside.html", "<p>allowed-marker</p>");
  const Rendered rendered =
      render_in(allowed, page("", "<iframe src='inside.html' width='400' height='100'></iframe>"));
  EXPECT_NE(rendered.text.find("allowed-marker"), std::string::npos) << rendered.text;
  EXPECT_TRUE(rendered.refused.empty());
}

TEST(Sandbox, HtmlPointingAtTheNetworkFetchesNothing) {
  Listener listener;
  TempDir allowed;
  const std::string html = page("<link rel='stylesheet' href='" + listener.url("/style.css") +
                                    "'>"
                                    "<style>@import url('" +
                                    listener.url("/import.css") +
                                    "'); "
                                    "p { background: url('" +
                                    listener.url("/background.png") +
                                    "') }</style>"
                                    "<script src='" +
                                    listener.url("/script.js") + "'></script>",
                                "<p>visible</p><img src='" + listener.url("/logo.png") +
                                    "'>"
                                    "<iframe src='" +
                                    listener.url("/frame.html") +
                                    "'></iframe>"
                                    "<object data='" +
                                    listener.url("/object.swf") +
                                    "'></object>"
                                    "<video poster='" +
                                    listener.url("/poster.png") +
                                    "'></video>"
                                    "<img src='https://127.0.0.1:" +
                                    std::to_string(listener.port()) + "/tls.png'>");
  const Rendered rendered = render_in(allowed, html);
  EXPECT_EQ(listener.connections(500), 0);
  EXPECT_NE(rendered.text.find("visible"), std::string::npos);
  EXPECT_TRUE(contains(rendered.refused, listener.url("/logo.png")));
  EXPECT_TRUE(contains(rendered.refused, listener.url("/style.css")));
}

TEST(Sandbox, HtmlPointingAtFilesOutsideTheAllowedFolderReadsNothing) {
  TempDir allowed;
  fs::create_symlink("/etc/passwd", allowed.path() / "link-to-passwd.html");
  fs::create_directory_symlink("/etc", allowed.path() / "etc");
  const std::string html =
      page("<link rel='stylesheet' href='file:///etc/passwd'>",
           "<p>visible</p>"
           "<iframe src='file:///etc/passwd' width='600' height='200'></iframe>"
           "<iframe src='../../../../../../../../etc/passwd' width='600' height='200'></iframe>"
           "<iframe src='link-to-passwd.html' width='600' height='200'></iframe>"
           "<iframe src='etc/passwd' width='600' height='200'></iframe>"
           "<iframe src='file://localhost/etc/passwd' width='600' height='200'></iframe>"
           "<img src='file:///etc/passwd'>");
  const Rendered rendered = render_in(allowed, html);
  EXPECT_NE(rendered.text.find("visible"), std::string::npos);
  EXPECT_EQ(rendered.text.find(first_line_of_passwd()), std::string::npos) << rendered.text;
  EXPECT_EQ(rendered.text.find("root:"), std::string::npos) << rendered.text;
  EXPECT_TRUE(contains(rendered.refused, "file:///etc/passwd"));
  EXPECT_TRUE(
      contains(rendered.refused, "file://" + (allowed.path() / "link-to-passwd.html").string()));
  EXPECT_TRUE(contains(rendered.refused, "file://" + (allowed.path() / "etc/passwd").string()));
}

TEST(Sandbox, AFifoInsideTheAllowedFolderDoesNotBlockTheRender) {
  TempDir allowed;
  ASSERT_EQ(mkfifo((allowed.path() / "pipe.html").c_str(), 0600), 0);
  const Rendered rendered =
      render_in(allowed, page("", "<p>visible</p><iframe src='pipe.html'></iframe>"));
  EXPECT_NE(rendered.text.find("visible"), std::string::npos);
  EXPECT_TRUE(contains(rendered.refused, "file://" + (allowed.path() / "pipe.html").string()));
}

TEST(Sandbox, MarkdownPointingAtTheNetworkAndAtFilesFetchesNothing) {
  Listener listener;
  TempDir allowed;
  const std::string markdown =
      "# Notes\n\n"
      "![logo](" +
      listener.url("/md-logo.png") +
      ")\n\n"
      "![passwd](file:///etc/passwd)\n\n"
      "[read me](file:///etc/passwd) and <" +
      listener.url("/autolink") +
      ">\n\n"
      "<iframe src=\"file:///etc/passwd\"></iframe>\n\n"
      "<img src=\"" +
      listener.url("/raw.png") + "\">\n";
  const std::string html = page("", markdown_to_html(markdown));
  const Rendered rendered = render_in(allowed, html);
  EXPECT_EQ(listener.connections(500), 0);
  EXPECT_EQ(rendered.text.find("root:"), std::string::npos) << rendered.text;
  EXPECT_NE(rendered.text.find("Notes"), std::string::npos);
  EXPECT_NE(rendered.text.find("read me"), std::string::npos);
}

}  // namespace
}  // namespace partnerops::render
