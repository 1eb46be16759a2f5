#include "model/workspace.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <thread>

#include "model/parse_cache.hpp"

namespace partnerops {

FolderDocuments PartnerFolder::documents() const {
  FolderDocuments documents;
  // A file that exists but did not parse maps to nullptr: guards on it are
  // undecided rather than failed, since its parse error is already reported.
  auto add = [&](const WorkspaceFile* file) {
    if (file) documents[file->path.substr(path.size() + 1)] = file->document.get();
  };
  for (const WorkspaceFile* file : {partner_file, agreement_file, kpis_file, issues_file})
    add(file);
  for (const WorkspaceFile* file : sow_files) add(file);
  return documents;
}

const Invoice* PartnerFolder::invoice(std::string_view number) const {
  for (const Invoice& candidate : invoices)
    if (candidate.number.value == number) return &candidate;
  return nullptr;
}

std::int64_t PartnerFolder::credited_minor(std::string_view number) const {
  std::int64_t sum = 0;
  for (const CreditNote& note : credit_notes)
    if (note.invoice.value == number) sum += note.credited_minor();
  return sum;
}

const std::string& WorkspaceFile::content() const {
  if (m_unread_from) {
    // The cache vouched for these bytes by the file's stamp; a file that
    // cannot be read now quotes as empty, as a missing line does.
    ReadResult read = m_unread_from->read(path, std::numeric_limits<std::uint64_t>::max());
    if (read.ok()) m_content = std::move(read.content);
    m_unread_from = nullptr;
  }
  return m_content;
}

const WorkspaceFile* Workspace::file(std::string_view path) const {
  const auto found = std::lower_bound(m_files.begin(), m_files.end(), path,
                                      [](const std::unique_ptr<WorkspaceFile>& file,
                                         std::string_view p) { return file->path < p; });
  return found != m_files.end() && (*found)->path == path ? found->get() : nullptr;
}

bool Workspace::refused(std::string_view path) const {
  return std::binary_search(m_refused.begin(), m_refused.end(), path);
}

const PartnerFolder* Workspace::partner(std::string_view slug) const {
  // Sorted by slug: comparing two revisions looks up every partner of one
  // in the other, which a linear search made quadratic.
  const auto found = std::lower_bound(
      m_partners.begin(), m_partners.end(), slug,
      [](const PartnerFolder& folder, std::string_view s) { return folder.slug < s; });
  return found != m_partners.end() && found->slug == slug ? &*found : nullptr;
}

namespace {

constexpr std::string_view k_schema_dir = "schemas";
constexpr std::string_view k_lifecycle_file = "schemas/lifecycle.yaml";

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Per-thread time accumulators and cache traffic, merged after the
/// threads join.
struct PhaseTimes {
  double read = 0, parse = 0, schema = 0, cache = 0;
  std::vector<ParseCacheKey> hits;
  std::vector<std::pair<ParseCacheKey, const yaml::Document*>> added;
  std::vector<StampedKey> stamped;
};

/// Parses and schema-checks the bytes `read` of a YAML file, or takes its
/// tree from the parse cache by their blob id; a clean result is added to
/// the cache's traffic.
void check_yaml_file(const ReadResult& read, const std::optional<FileStamp>& stamp,
                     const SchemaSet& schemas, const ParseCache* cache, const LoadOptions& options,
                     WorkspaceFile& file, Diagnostics& diagnostics, PhaseTimes& times) {
  const std::string& content = read.content;
  const std::size_t diagnostics_before = diagnostics.size();
  Clock::time_point start;
  if (read.content.find_first_not_of(" \t\r\n") == std::string::npos) {
    diagnostics.error("file-empty", file.path, {}, "the file is empty",
                      "start from the example in docs/data-model.md");
    return;
  }
  ParseCacheKey key;
  if (cache) {
    start = Clock::now();
    key = read.blob_id ? ParseCacheKey{file.kind, *read.blob_id}
                       : ParseCacheKey::of(file.kind, content);
    file.blob_id = key.blob_id;
    file.document = cache->find(key, file.path);
    times.cache += seconds_since(start);
    if (file.document) {
      file.valid = true;
      times.hits.push_back(key);
      if (stamp) times.stamped.push_back({file.path, *stamp, key});
      return;
    }
  }
  start = Clock::now();
  file.document = yaml::parse(file.path, content, diagnostics, options.limits);
  times.parse += seconds_since(start);
  if (!file.document) return;
  const std::size_t errors_before = diagnostics.error_count();
  start = Clock::now();
  if (schemas.validate(*file.document, schema_for(file.kind), diagnostics))
    check_calendar_dates(*file.document, diagnostics);
  times.schema += seconds_since(start);
  file.valid = diagnostics.error_count() == errors_before;
  // Only a file with nothing at all to report is remembered, so a cache
  // hit never hides a warning.
  if (cache && file.valid && diagnostics.size() == diagnostics_before) {
    times.added.emplace_back(key, file.document.get());
    if (stamp) times.stamped.push_back({file.path, *stamp, key});
  }
}

/// Reads, parses and schema-checks one file, or takes its tree from the
/// parse cache. Runs on worker threads: it touches only its own file, its
/// own diagnostics and its own PhaseTimes.
void load_file(const Source& source, const SchemaSet& schemas, const ParseCache* cache,
               const LoadOptions& options, WorkspaceFile& file, Diagnostics& diagnostics,
               PhaseTimes& times) {
  Clock::time_point start = Clock::now();
  // A file is not read when the cache holds its tree and its key is known
  // without reading it: a git revision names its files' blobs, and a
  // working-tree file whose stamp is unchanged has the key it had.
  std::optional<FileStamp> stamp;
  if (cache && file.kind != FileKind::notes) {
    std::optional<ParseCacheKey> known;
    if (const std::optional<std::array<unsigned char, 20>> id = source.blob_id(file.path)) {
      known = ParseCacheKey{file.kind, *id};
    } else if ((stamp = source.stamp(file.path))) {
      known = cache->key_of(file.path, *stamp);
    }
    if (known) file.document = cache->find(*known, file.path);
    times.cache += seconds_since(start);
    if (file.document) {
      file.valid = true;
      file.blob_id = known->blob_id;
      file.defer_content(source);
      times.hits.push_back(*known);
      if (stamp) times.stamped.push_back({file.path, *stamp, *known});
      return;
    }
    start = Clock::now();
  }
  ReadResult read = source.read(file.path, options.limits.max_bytes);
  times.read += seconds_since(start);
  switch (read.status) {
    case ReadResult::Status::ok:
      break;
    case ReadResult::Status::too_large:
      diagnostics.error("file-too-large", file.path, {}, read.error,
                        "split it, or move long prose into Markdown");
      return;
    case ReadResult::Status::symlink:
      diagnostics.error("file-symlink", file.path, {}, read.error,
                        "replace the link with the file itself");
      return;
    case ReadResult::Status::not_a_file:
      diagnostics.error("file-not-regular", file.path, {},
                        "expected a file here, found " + read.error);
      return;
    case ReadResult::Status::missing:
    case ReadResult::Status::error:
      diagnostics.error("file-unreadable", file.path, {}, read.error);
      return;
  }
  if (file.kind == FileKind::notes) {
    file.set_content(std::move(read.content));
    file.valid = true;
    return;
  }
  // The bytes stay in memory only for a file with something to report,
  // whose lines its messages quote; the others are read again if ever asked
  // for, so ten thousand partners' files are not all held at once.
  const std::size_t diagnostics_before = diagnostics.size();
  check_yaml_file(read, stamp, schemas, cache, options, file, diagnostics, times);
  if (diagnostics.size() != diagnostics_before)
    file.set_content(std::move(read.content));
  else
    file.defer_content(source);
}

void load_files_in_parallel(const Source& source, const SchemaSet& schemas, const ParseCache* cache,
                            const LoadOptions& options,
                            std::vector<std::unique_ptr<WorkspaceFile>>& files,
                            Diagnostics& diagnostics, LoadTimings& timings,
                            PhaseTimes& cache_traffic) {
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, std::max<std::size_t>(1, files.size()));
  std::vector<Diagnostics> per_thread(jobs);
  std::vector<PhaseTimes> times(jobs);
  std::atomic<std::size_t> next{0};
  auto work = [&](unsigned thread) {
    for (std::size_t i = next++; i < files.size(); i = next++)
      load_file(source, schemas, cache, options, *files[i], per_thread[thread], times[thread]);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work, t);
  work(0);
  for (std::thread& thread : threads) thread.join();
  for (Diagnostics& part : per_thread) diagnostics.append(std::move(part));
  for (PhaseTimes& part : times) {
    timings.read_seconds += part.read;
    timings.parse_seconds += part.parse;
    timings.schema_seconds += part.schema;
    timings.cache_seconds += part.cache;
    timings.cache_hits += part.hits.size();
    std::move(part.hits.begin(), part.hits.end(), std::back_inserter(cache_traffic.hits));
    std::move(part.added.begin(), part.added.end(), std::back_inserter(cache_traffic.added));
    std::move(part.stamped.begin(), part.stamped.end(), std::back_inserter(cache_traffic.stamped));
  }
}

/// Opens the parse cache for the schemas of `source` as they are now, and
/// the limits in force (a file cached under larger limits must be checked
/// again under smaller ones).
ParseCache open_parse_cache(const Source& source, const LoadOptions& options) {
  std::vector<std::pair<std::string, std::string>> files;
  files.emplace_back("limits", std::to_string(options.limits.max_bytes) + " " +
                                   std::to_string(options.limits.max_expanded_nodes) + " " +
                                   std::to_string(options.limits.max_depth));
  for (const SourceEntry& entry : source.list(k_schema_dir, nullptr)) {
    if (entry.type != EntryType::file) {
      files.emplace_back(entry.path, "not a file");
      continue;
    }
    const ReadResult read = source.read(entry.path, options.limits.max_bytes);
    files.emplace_back(entry.path, read.ok() ? read.content : "unreadable: " + read.error);
  }
  return ParseCache::open(options.cache_dir, schema_digest(files));
}

void build_partner_model(PartnerFolder& folder, Diagnostics& diagnostics) {
  auto valid = [](const WorkspaceFile* file) { return file && file->valid && file->document; };
  if (valid(folder.partner_file)) {
    Reader reader(*folder.partner_file->document, diagnostics);
    folder.partner = read_partner(reader);
  }
  if (valid(folder.agreement_file)) {
    Reader reader(*folder.agreement_file->document, diagnostics);
    folder.agreement = read_agreement(reader);
  }
  if (valid(folder.kpis_file)) {
    Reader reader(*folder.kpis_file->document, diagnostics);
    folder.kpis = read_kpis(reader);
  }
}

}  // namespace

Workspace load_workspace(const Source& source, const LoadOptions& options,
                         Diagnostics& diagnostics) {
  const Clock::time_point started = Clock::now();
  Workspace workspace;
  workspace.m_source = &source;
  workspace.m_schemas = SchemaSet::load(source, k_schema_dir, diagnostics);

  std::string list_error;
  Clock::time_point phase = Clock::now();
  const std::vector<SourceEntry> entries = source.list("", &list_error);
  workspace.m_timings.list_seconds = seconds_since(phase);
  if (!list_error.empty()) diagnostics.error("file-unreadable", "", {}, list_error);

  for (const SourceEntry& entry : entries) {
    const Classified classified = classify(entry.path);
    // A link anywhere under partners/ (a partner folder itself included)
    // could lead reads outside the repository.
    const bool under_partners =
        std::string_view(entry.path).starts_with(std::string(k_partners_dir) + "/");
    if (classified.kind == FileKind::ignored &&
        !(entry.type == EntryType::symlink && under_partners))
      continue;
    if (entry.type == EntryType::symlink) {
      workspace.m_refused.push_back(entry.path);
      diagnostics.error("file-symlink", entry.path, {},
                        "symbolic links are not followed inside the workspace",
                        "replace the link with the file itself");
      continue;
    }
    if (entry.type == EntryType::directory) {
      if (classified.kind == FileKind::unknown) continue;  // sow/, invoices/ and the like
      workspace.m_refused.push_back(entry.path);
      diagnostics.error("file-not-regular", entry.path, {},
                        "expected a file here, found a directory",
                        "remove or rename the directory and put the file in its place");
      continue;
    }
    if (entry.type != EntryType::file) {
      if (classified.kind != FileKind::unknown) {
        workspace.m_refused.push_back(entry.path);
        diagnostics.error("file-not-regular", entry.path, {},
                          "expected a file here, found a pipe, socket or device",
                          "remove it and put the file in its place");
      }
      continue;
    }
    if (classified.kind == FileKind::unknown) {
      diagnostics.warning("file-unknown", entry.path, {},
                          "partnerops does not know this file; it is not checked",
                          "see docs/data-model.md for the files a partner folder holds");
      continue;
    }
    auto file = std::make_unique<WorkspaceFile>();
    file->path = entry.path;
    file->kind = classified.kind;
    workspace.m_files.push_back(std::move(file));
  }

  std::sort(workspace.m_refused.begin(), workspace.m_refused.end());

  // The lifecycle is data in schemas/, checked like any other file.
  auto lifecycle_file = std::make_unique<WorkspaceFile>();
  lifecycle_file->path = std::string(k_lifecycle_file);
  {
    const ReadResult read = source.read(k_lifecycle_file, options.limits.max_bytes);
    if (!read.ok()) {
      diagnostics.error("lifecycle-missing", lifecycle_file->path, {},
                        "the lifecycle definition cannot be read: " + read.error);
    } else if (auto document = yaml::parse(lifecycle_file->path, read.content, diagnostics)) {
      if (workspace.m_schemas.validate(*document, "lifecycle.schema.yaml", diagnostics))
        workspace.m_lifecycle = Lifecycle::read(*document, diagnostics);
      lifecycle_file->set_content(read.content);
      lifecycle_file->document = std::move(document);
    }
  }

  if (!source.is_file("partnerops.yaml")) {
    diagnostics.error("organisation-missing", "partnerops.yaml", {},
                      "partnerops.yaml is missing at the workspace root",
                      "run partnerops in the repository root, or pass its path");
  }

  std::optional<ParseCache> cache;
  if (!options.cache_dir.empty()) {
    phase = Clock::now();
    cache = open_parse_cache(source, options);
    workspace.m_timings.cache_seconds += seconds_since(phase);
  }
  PhaseTimes cache_traffic;
  load_files_in_parallel(source, workspace.m_schemas, cache ? &*cache : nullptr, options,
                         workspace.m_files, diagnostics, workspace.m_timings, cache_traffic);
  if (cache) {
    phase = Clock::now();
    std::string ignored;
    cache->save(cache_traffic.hits, cache_traffic.added, cache_traffic.stamped, &ignored);
    workspace.m_timings.cache_save_seconds = seconds_since(phase);
  }
  phase = Clock::now();
  workspace.m_files.push_back(std::move(lifecycle_file));
  std::sort(workspace.m_files.begin(), workspace.m_files.end(),
            [](const auto& a, const auto& b) { return a->path < b->path; });

  // Folders are large (their typed documents live inline), so the vector
  // is sized once rather than grown through copies of ten thousand.
  std::size_t folders = 0;
  std::string last_slug;
  for (const auto& file : workspace.m_files) {
    Classified classified = classify(file->path);
    if (classified.kind == FileKind::organisation || classified.kind == FileKind::ignored) continue;
    if (folders == 0 || classified.slug != last_slug) ++folders;
    last_slug = std::move(classified.slug);
  }
  workspace.m_partners.reserve(folders);
  for (const auto& file : workspace.m_files) {
    const Classified classified = classify(file->path);
    if (classified.kind == FileKind::organisation) {
      if (file->valid) {
        Reader reader(*file->document, diagnostics);
        workspace.m_organisation = read_organisation(reader);
      }
      continue;
    }
    if (classified.kind == FileKind::ignored) continue;
    if (workspace.m_partners.empty() || workspace.m_partners.back().slug != classified.slug) {
      PartnerFolder folder;
      folder.slug = classified.slug;
      folder.path = std::string(k_partners_dir) + "/" + classified.slug;
      workspace.m_partners.push_back(std::move(folder));
    }
    PartnerFolder& folder = workspace.m_partners.back();
    const WorkspaceFile* f = file.get();
    switch (file->kind) {
      case FileKind::partner:
        folder.partner_file = f;
        break;
      case FileKind::agreement:
        folder.agreement_file = f;
        break;
      case FileKind::notes:
        folder.notes_file = f;
        break;
      case FileKind::kpis:
        folder.kpis_file = f;
        break;
      case FileKind::issue_log:
        folder.issues_file = f;
        if (f->valid) {
          Reader reader(*f->document, diagnostics);
          folder.issue_log = read_issue_log(reader);
        }
        break;
      case FileKind::compliance:
        folder.compliance_file = f;
        if (f->valid) {
          Reader reader(*f->document, diagnostics);
          folder.compliance = read_compliance_log(reader);
        }
        break;
      case FileKind::sow:
        folder.sow_files.push_back(f);
        if (f->valid) {
          Reader reader(*f->document, diagnostics);
          folder.sows.push_back(read_sow(reader));
        }
        break;
      case FileKind::invoice:
        if (f->valid) {
          Reader reader(*f->document, diagnostics);
          folder.invoices.push_back(read_invoice(reader));
        }
        break;
      case FileKind::credit_note:
        if (f->valid) {
          Reader reader(*f->document, diagnostics);
          folder.credit_notes.push_back(read_credit_note(reader));
        }
        break;
      case FileKind::quote:
        if (f->valid) {
          Reader reader(*f->document, diagnostics);
          folder.quotes.push_back(read_quote(reader));
        }
        break;
      default:
        break;
    }
  }
  for (PartnerFolder& folder : workspace.m_partners) build_partner_model(folder, diagnostics);
  workspace.m_timings.model_seconds = seconds_since(phase);
  workspace.m_timings.wall_seconds = seconds_since(started);
  return workspace;
}

}  // namespace partnerops
