#include "util/digest.hpp"

#include <glib.h>

namespace partnerops::util {

struct Sha256::Handle {
  GChecksum* checksum = g_checksum_new(G_CHECKSUM_SHA256);
  ~Handle() { g_checksum_free(checksum); }
};

Sha256::Sha256() : m_handle(std::make_unique<Handle>()) {}

Sha256::~Sha256() = default;

void Sha256::add(std::string_view bytes) {
  // g_checksum_update takes a signed length; feed huge inputs in slices.
  constexpr std::size_t k_slice = 1u << 30;
  while (!bytes.empty()) {
    const std::size_t n = bytes.size() < k_slice ? bytes.size() : k_slice;
    g_checksum_update(m_handle->checksum, reinterpret_cast<const guchar*>(bytes.data()),
                      static_cast<gssize>(n));
    bytes.remove_prefix(n);
  }
}

std::string Sha256::hex() { return g_checksum_get_string(m_handle->checksum); }

std::string base64(std::string_view bytes) {
  gchar* encoded = g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
  std::string result(encoded);
  g_free(encoded);
  return result;
}

}  // namespace partnerops::util
