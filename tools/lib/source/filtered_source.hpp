#pragma once
// A view of a Source that shows only the files a command reads. Commands
// that need a few kinds of file from every partner (the statements of
// account read partner.yaml, invoices and credit notes) would otherwise
// read, parse and schema-check every agreement, SOW and notes file of the
// organisation only to ignore them.

#include <functional>
#include <memory>
#include <string_view>

#include "source/source.hpp"

namespace partnerops {

/// True for an entry the view shows. Reads and file checks ask with
/// EntryType::file; listings ask with the entry's own type, so a filter can
/// hide whole folders, or keep links visible for loading to refuse.
using PathFilter = std::function<bool(std::string_view path, EntryType type)>;

/// A Source over `inner` (which must outlive it) that lists, reads and
/// reports as files only the entries `keep` accepts; everything else is
/// missing.
std::unique_ptr<Source> filter_source(const Source& inner, PathFilter keep);

}  // namespace partnerops
