#pragma once
// E-mail files (.eml) that any mail client opens: RFC 5322 headers, MIME
// multipart/mixed with a text/plain body and attachments in base64. The
// subtle parts (RFC 2047 encoded words for non-ASCII names and subjects,
// header folding, RFC 2231 file names, quoted-printable bodies) are GMime's
// job; this file only says what goes in. Output is reproducible: the date,
// Message-ID and MIME boundary come from the caller, never from the clock
// or a random source, so the same message renders to the same bytes.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace partnerops::message {

struct Address {
  std::string name;  ///< may be empty; any UTF-8
  std::string email;
};

struct Attachment {
  std::string filename;      ///< as the recipient sees it
  std::string content_type;  ///< "application/pdf"
  std::string bytes;
};

struct Email {
  Address from;
  std::vector<Address> to;
  std::vector<Address> cc;
  std::string subject;  ///< UTF-8, one line
  std::string text;     ///< the text/plain body, UTF-8, '\n' line ends
  std::vector<Attachment> attachments;
  std::int64_t date_unix_seconds = 0;  ///< the Date header, written in UTC
  std::string message_id;              ///< without angle brackets: "id@domain"
};

/// The message as .eml bytes with CRLF line ends. The multipart boundary is
/// derived from the Message-ID and the content. Returns nullopt and fills
/// `error` when there is no recipient or GMime fails.
std::optional<std::string> write_eml(const Email& email, std::string* error);

/// A Message-ID for `seed` (what makes the message itself: template,
/// partner, date, document) at the domain of `sender`: the same seed gives
/// the same id, so rendering a message twice does not make a second one.
std::string stable_message_id(const std::string& seed, const std::string& sender);

}  // namespace partnerops::message
