#pragma once
// Writing the site into its folder as `build` writes PDFs: only pages
// whose bytes changed are written (each atomically, all flushed with one
// syncfs), pages the site no longer has are removed, and one run at a time
// holds the folder. The folder may hold other files (the build's PDFs when
// it is out/ itself, a CNAME for the host): only pages this writer wrote,
// as listed in the folder's record, are ever removed.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "site/site.hpp"
#include "util/file_lock.hpp"

namespace partnerops::site {

/// The record of the pages written, one relative path a line, in the folder.
inline constexpr char k_site_record[] = ".partnerops-site";
/// The lock file of a folder being written.
inline constexpr char k_site_lock[] = ".partnerops-site.lock";

struct WriteSummary {
  std::size_t written = 0;    ///< new or changed pages
  std::size_t unchanged = 0;  ///< pages whose file already held the same bytes
  std::size_t removed = 0;    ///< pages of an earlier run the site no longer has
};

/// Writes `pages` into `folder` (created when missing), leaving unchanged
/// files untouched, then removes the pages the record lists that `pages`
/// lacks (and the folders that leaves empty) and rewrites the record.
/// Waits for another run on the same folder (saying so through `notify`),
/// and first removes the temporary files an interrupted run left. A page
/// whose path is not a plain relative path is refused. Returns nullopt and
/// fills `error` with a sentence when the folder cannot be locked or a
/// page cannot be written; nothing is then renamed into place.
std::optional<WriteSummary> write_site(const std::filesystem::path& folder,
                                       const std::vector<Page>& pages, const util::Notify& notify,
                                       std::string* error);

/// Links to the PDFs a build wrote into `build_folder`, for a site written
/// into `site_folder`: the path from the site's root to the PDF
/// ("../acme/invoice-INV-2026-0001.pdf" when the site is out/site and the
/// build out/), percent-encoded, for each PDF that is there as a regular
/// file; nullopt for the others.
DocumentHref built_pdf_links(const std::filesystem::path& build_folder,
                             const std::filesystem::path& site_folder);

}  // namespace partnerops::site
