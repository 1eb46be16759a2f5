#pragma once
// The site's pages in the preview: `partnerops site`'s generator
// (site/site.hpp) over each snapshot, one page at a time, by its path.
// The site's root is the preview's root, so `/` is the pipeline, and each
// PDF a page names links to the document's own preview page,
// /documents/<slug>/<kind>-<id>.pdf (preview/document_pages), printed on
// request. The preview adds the problems banner and the reload script to
// every HTML page itself, so the generator is given neither.
//
// A workspace without templates/site/ has no site pages here (the
// documents' index is served at `/` instead); `partnerops site` falls back
// to the installed templates, `init --update` adds them.

#include "preview/page_source.hpp"

namespace partnerops::preview {

/// The factory of the site's pages over each snapshot.
PageSourceFactory site_pages();

}  // namespace partnerops::preview
