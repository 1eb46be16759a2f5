#pragma once
// Whether this build runs under AddressSanitizer (and so LeakSanitizer), for
// the few places that must act differently there. GCC defines
// __SANITIZE_ADDRESS__; Clang answers __has_feature(address_sanitizer).

namespace partnerops::util {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool k_leak_sanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool k_leak_sanitizer = true;
#else
inline constexpr bool k_leak_sanitizer = false;
#endif
#else
inline constexpr bool k_leak_sanitizer = false;
#endif

}  // namespace partnerops::util
