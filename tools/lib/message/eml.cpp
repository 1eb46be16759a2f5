#include "message/eml.hpp"

#include <gmime/gmime.h>

#include <cstdio>
#include <memory>
#include <mutex>

namespace partnerops::message {

namespace {

/// GObject references (messages, parts, streams) released by g_object_unref.
struct GObjectUnref {
  void operator()(gpointer object) const {
    if (object != nullptr) g_object_unref(object);
  }
};
template <typename T>
using GObjectRef = std::unique_ptr<T, GObjectUnref>;

struct FormatOptionsFree {
  void operator()(GMimeFormatOptions* options) const { g_mime_format_options_free(options); }
};
struct DateTimeUnref {
  void operator()(GDateTime* date) const { g_date_time_unref(date); }
};
struct GFree {
  void operator()(char* text) const { g_free(text); }
};

void ensure_gmime() {
  static std::once_flag s_initialised;
  std::call_once(s_initialised, [] { g_mime_init(); });
}

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 14695981039346656037ull) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string hex(std::uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

void add_addresses(GMimeMessage* message, GMimeAddressType type,
                   const std::vector<Address>& addresses) {
  for (const Address& address : addresses)
    g_mime_message_add_mailbox(message, type, address.name.c_str(), address.email.c_str());
}

}  // namespace

std::string stable_message_id(const std::string& seed, const std::string& sender) {
  const std::size_t at = sender.rfind('@');
  const std::string domain = at == std::string::npos ? "localhost" : sender.substr(at + 1);
  return hex(fnv1a(seed)) + "." + hex(fnv1a(seed, 0x84222325cbf29ce4ull)) + "@" + domain;
}

std::optional<std::string> write_eml(const Email& email, std::string* error) {
  if (email.to.empty()) {
    if (error) *error = "the message has no recipient";
    return std::nullopt;
  }
  ensure_gmime();
  GObjectRef<GMimeMessage> message(g_mime_message_new(TRUE));
  add_addresses(message.get(), GMIME_ADDRESS_TYPE_FROM, {email.from});
  add_addresses(message.get(), GMIME_ADDRESS_TYPE_TO, email.to);
  add_addresses(message.get(), GMIME_ADDRESS_TYPE_CC, email.cc);
  g_mime_message_set_subject(message.get(), email.subject.c_str(), "utf-8");
  {
    std::unique_ptr<GDateTime, DateTimeUnref> date(
        g_date_time_new_from_unix_utc(email.date_unix_seconds));
    g_mime_message_set_date(message.get(), date.get());
  }
  g_mime_message_set_message_id(message.get(), email.message_id.c_str());

  // The body goes in as UTF-8 bytes with charset=utf-8. (set_text would
  // convert it to the smallest charset that holds it, ISO-8859-1 for "Zoë";
  // header words still get GMime's choice, which RFC 2047 labels.)
  GObjectRef<GMimeTextPart> body(g_mime_text_part_new_with_subtype("plain"));
  {
    GObjectRef<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(email.text.data(), email.text.size()));
    GObjectRef<GMimeDataWrapper> content(
        g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(GMIME_PART(body.get()), content.get());
  }
  g_mime_text_part_set_charset(body.get(), "utf-8");
  g_mime_part_set_content_encoding(GMIME_PART(body.get()),
                                   g_mime_part_get_best_content_encoding(
                                       GMIME_PART(body.get()), GMIME_ENCODING_CONSTRAINT_7BIT));

  GObjectRef<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
  std::uint64_t seed = fnv1a(email.message_id);
  seed = fnv1a(email.text, seed);
  for (const Attachment& attachment : email.attachments) seed = fnv1a(attachment.bytes, seed);
  const std::string boundary = "=-partnerops-" + hex(seed);
  g_mime_multipart_set_boundary(mixed.get(), boundary.c_str());
  g_mime_multipart_add(mixed.get(), GMIME_OBJECT(body.get()));

  for (const Attachment& attachment : email.attachments) {
    const std::size_t slash = attachment.content_type.find('/');
    const std::string type = attachment.content_type.substr(0, slash);
    const std::string subtype =
        slash == std::string::npos ? "octet-stream" : attachment.content_type.substr(slash + 1);
    GObjectRef<GMimePart> part(g_mime_part_new_with_type(type.c_str(), subtype.c_str()));
    GObjectRef<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(attachment.bytes.data(), attachment.bytes.size()));
    GObjectRef<GMimeDataWrapper> content(
        g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(part.get(), content.get());
    g_mime_part_set_filename(part.get(), attachment.filename.c_str());
    g_mime_part_set_content_encoding(part.get(), GMIME_CONTENT_ENCODING_BASE64);
    g_mime_multipart_add(mixed.get(), GMIME_OBJECT(part.get()));
  }
  g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(mixed.get()));

  std::unique_ptr<GMimeFormatOptions, FormatOptionsFree> format(g_mime_format_options_new());
  g_mime_format_options_set_newline_format(format.get(), GMIME_NEWLINE_FORMAT_DOS);
  std::unique_ptr<char, GFree> text(
      g_mime_object_to_string(GMIME_OBJECT(message.get()), format.get()));
  if (!text) {
    if (error) *error = "GMime could not write the message";
    return std::nullopt;
  }
  return std::string(text.get());
}

}  // namespace partnerops::message
