#pragma once
// An input stream that reads text held elsewhere in place, for readers that
// only take a std::istream (yaml-cpp's parser): std::istringstream would
// first copy the whole text into a string of its own.

#include <istream>
#include <streambuf>
#include <string_view>

namespace partnerops::util {

/// A read-only buffer over `text`, which must outlive it. Reading never
/// writes: putting back a character other than the one read fails, as
/// std::streambuf's default does, instead of storing it.
class ViewStreambuf : public std::streambuf {
 public:
  explicit ViewStreambuf(std::string_view text) {
    // The get area is declared char*, but nothing writes through it.
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

/// A std::istream over `text` without a copy; `text` must outlive it.
class ViewStream : public std::istream {
 public:
  explicit ViewStream(std::string_view text) : std::istream(nullptr), m_buffer(text) {
    rdbuf(&m_buffer);
  }

 private:
  ViewStreambuf m_buffer;
};

}  // namespace partnerops::util
