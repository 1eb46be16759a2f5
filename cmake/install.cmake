# `cmake --install` and `make package` (CPack, a Debian package).
#
# The layout under any prefix (util/installation.hpp finds each part from
# the program's own path, so the tree may be moved as a whole):
#   bin/partnerops
#   lib/partnerops/partnerops-pdf-engine.so
#   share/partnerops/{schemas,templates,skeleton}   what `partnerops init` copies
#   share/man/man1/partnerops.1.gz
#   share/bash-completion/completions/partnerops
#   share/doc/partnerops/copyright
# lib/ and share/ are written literally rather than through GNUInstallDirs:
# the program looks for lib/partnerops beside bin/, and Debian's multiarch
# lib/x86_64-linux-gnu would break that for a module no one else links.

install(TARGETS partnerops RUNTIME DESTINATION bin)
install(TARGETS partnerops_pdf_engine LIBRARY DESTINATION lib/partnerops)
install(DIRECTORY schemas templates DESTINATION share/partnerops)
# The new organisation's own files (workflows, .gitignore, README); dotfiles
# included.
install(DIRECTORY skeleton/ DESTINATION share/partnerops/skeleton)

# The man page, from the program's own --help (help2man), built only when
# help2man is there; a package build requires it.
find_program(HELP2MAN_PROGRAM help2man)
find_program(GZIP_PROGRAM gzip)
if(HELP2MAN_PROGRAM AND GZIP_PROGRAM)
  set(man_page ${PROJECT_BINARY_DIR}/partnerops.1.gz)
  add_custom_command(OUTPUT ${man_page}
    COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/man-page.sh $<TARGET_FILE:partnerops> ${man_page}
    DEPENDS partnerops ${PROJECT_SOURCE_DIR}/scripts/man-page.sh
    COMMENT "Writing the man page partnerops.1 from --help"
    VERBATIM)
  add_custom_target(man_page ALL DEPENDS ${man_page})
  install(FILES ${man_page} DESTINATION share/man/man1)
else()
  message(STATUS "help2man or gzip not found: no man page (scripts/install-deps.sh installs them)")
endif()
install(FILES scripts/partnerops.bash-completion DESTINATION share/bash-completion/completions
  RENAME partnerops)
install(FILES scripts/copyright DESTINATION share/doc/partnerops)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME partnerops)
set(CPACK_PACKAGE_VENDOR "partnerops")
set(CPACK_PACKAGE_CONTACT "partnerops maintainers <partnerops@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "partnerships business as code: partners as files in git")
set(CPACK_PACKAGE_DESCRIPTION
  "partnerops keeps leads, prospects and partners as YAML and Markdown files in a git\n\
repository: it validates them against schemas and the lifecycle, builds agreements,\n\
quotes and invoices as PDFs, and commits stage transitions. `partnerops init` starts\n\
a new organisation's repository.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
# Dependencies from the shared libraries the program and the module link
# (dpkg-shlibdeps), so `apt install ./partnerops_*.deb` pulls them in. Fonts
# are not libraries: the templates name Inter and fall back to DejaVu. Nor
# is the sRGB profile a Factur-X invoice's output intent embeds.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-inter, fonts-dejavu-core, icc-profiles-free")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "poppler-utils")
set(CPACK_STRIP_FILES ON)
include(CPack)
