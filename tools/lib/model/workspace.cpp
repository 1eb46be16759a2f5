#include "model/workspace.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <span>
#include <thread>

#include "model/parse_cache.hpp"

namespace partnerops {

FolderDocuments PartnerFolder::documents() const {
  FolderDocuments documents;
  // A file that exists but did not parse maps to nullptr: guards on it are
  // undecided rather than failed, since its parse error is already reported.
  auto add = [&](const WorkspaceFile* file) {
    if (file)
      documents.add(file->path.substr(path.size() + 1), [file] { return file->document(); });
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

std::shared_ptr<const yaml::Document> WorkspaceFile::document() const {
  if (m_tree) return m_tree;
  return m_form.decode(path);
}

std::string written_number(const WorkspaceFile& file) {
  const std::shared_ptr<const yaml::Document> tree = file.document();
  const yaml::Node* node = tree ? tree->root().find("number") : nullptr;
  if (node && node->is_string()) return std::string(node->text());
  const std::string name = file.path.substr(file.path.rfind('/') + 1);
  return name.substr(0, name.rfind('.'));
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
  std::vector<std::pair<ParseCacheKey, std::string_view>> added;  // keys and forms
  std::vector<StampedKey> stamped;
};

/// What loading a file needs besides the file.
struct LoadContext {
  const Source& source;
  const SchemaSet& schemas;
  const ParseCache* cache;  // nullptr for none
  const LoadOptions& options;
};

/// Parses and schema-checks the bytes `read` of a YAML file, or takes its
/// form from the parse cache by their blob id; a clean result is added to
/// the cache's traffic.
void check_yaml_file(const ReadResult& read, const std::optional<FileStamp>& stamp,
                     const LoadContext& context, WorkspaceFile& file, Diagnostics& diagnostics,
                     PhaseTimes& times) {
  const ParseCache* cache = context.cache;
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
    yaml::EncodedDocument form = cache->find(key);
    times.cache += seconds_since(start);
    if (!form.empty()) {
      file.keep(std::move(form));
      file.valid = true;
      times.hits.push_back(key);
      if (stamp) times.stamped.push_back({file.path, *stamp, key});
      return;
    }
  }
  start = Clock::now();
  const std::unique_ptr<yaml::Document> document =
      yaml::parse(file.path, content, diagnostics, context.options.limits);
  times.parse += seconds_since(start);
  if (!document) return;
  const std::size_t errors_before = diagnostics.error_count();
  start = Clock::now();
  if (context.schemas.validate(*document, schema_for(file.kind), diagnostics))
    check_calendar_dates(*document, diagnostics);
  times.schema += seconds_since(start);
  file.valid = diagnostics.error_count() == errors_before;
  start = Clock::now();
  file.keep(yaml::EncodedDocument::of(*document));
  times.parse += seconds_since(start);
  // Only a file with nothing at all to report is remembered, so a cache
  // hit never hides a warning.
  if (cache && file.valid && diagnostics.size() == diagnostics_before) {
    times.added.emplace_back(key, file.form().bytes());
    if (stamp) times.stamped.push_back({file.path, *stamp, key});
  }
}

/// Reads, parses and schema-checks one file, or takes its form from the
/// parse cache. Runs on worker threads: it touches only its own file, its
/// own diagnostics and its own PhaseTimes.
void load_file(const LoadContext& context, WorkspaceFile& file, Diagnostics& diagnostics,
               PhaseTimes& times) {
  const Source& source = context.source;
  const ParseCache* cache = context.cache;
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
    yaml::EncodedDocument form = known ? cache->find(*known) : yaml::EncodedDocument();
    times.cache += seconds_since(start);
    if (!form.empty()) {
      file.keep(std::move(form));
      file.valid = true;
      file.blob_id = known->blob_id;
      file.defer_content(source);
      times.hits.push_back(*known);
      if (stamp) times.stamped.push_back({file.path, *stamp, *known});
      return;
    }
    start = Clock::now();
  }
  ReadResult read = source.read(file.path, context.options.limits.max_bytes);
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
  check_yaml_file(read, stamp, context, file, diagnostics, times);
  if (diagnostics.size() != diagnostics_before)
    file.set_content(std::move(read.content));
  else
    file.defer_content(source);
}

unsigned thread_count(const LoadOptions& options) {
  return options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
}

/// Runs `task(thread, i, diagnostics)` for every i below `count` on the
/// options' threads, each thread with diagnostics of its own, appended to
/// `diagnostics` at the end (commands sort them before printing).
template <typename Task>
void for_each_in_parallel(std::size_t count, const LoadOptions& options, Diagnostics& diagnostics,
                          Task task) {
  const unsigned jobs = std::min<unsigned>(thread_count(options), std::max<std::size_t>(1, count));
  std::vector<Diagnostics> per_thread(jobs);
  std::atomic<std::size_t> next{0};
  auto work = [&](unsigned thread) {
    for (std::size_t i = next++; i < count; i = next++) task(thread, i, per_thread[thread]);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work, t);
  work(0);
  for (std::thread& thread : threads) thread.join();
  for (Diagnostics& part : per_thread) diagnostics.append(std::move(part));
}

void load_files_in_parallel(const LoadContext& context,
                            std::vector<std::unique_ptr<WorkspaceFile>>& files,
                            Diagnostics& diagnostics, LoadTimings& timings,
                            PhaseTimes& cache_traffic) {
  std::vector<PhaseTimes> times(thread_count(context.options));
  for_each_in_parallel(files.size(), context.options, diagnostics,
                       [&](unsigned thread, std::size_t i, Diagnostics& out) {
                         load_file(context, *files[i], out, times[thread]);
                       });
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

/// The tree of a file loading found valid, for reading its typed model.
/// A form from the parse cache is decoded here for the first time. The
/// cache's checksum makes a form that does not decode a defect rather than
/// damage, but the file is then loaded again from its bytes, not lost, and
/// its new form joins `times`' traffic to replace the cache's entry.
std::shared_ptr<const yaml::Document> tree_to_read(WorkspaceFile& file, const LoadContext& context,
                                                   Diagnostics& diagnostics, PhaseTimes& times) {
  if (!file.valid) return nullptr;
  if (std::shared_ptr<const yaml::Document> tree = file.document()) return tree;
  std::optional<ParseCacheKey> key;
  if (file.blob_id) key = ParseCacheKey{file.kind, *file.blob_id};
  // Reset in place: the cache's traffic holds views of the file's path.
  file.valid = false;
  file.blob_id.reset();
  file.keep(yaml::EncodedDocument());
  const std::size_t diagnostics_before = diagnostics.size();
  load_file({context.source, context.schemas, nullptr, context.options}, file, diagnostics, times);
  if (key && file.valid && diagnostics.size() == diagnostics_before)
    times.added.emplace_back(*key, file.form().bytes());
  return file.valid ? file.document() : nullptr;
}

/// Files run [first, last) of the sorted files: one partner folder's.
struct FolderRun {
  std::string slug;
  std::size_t first = 0, last = 0;
};

/// Points `folder` at its files and reads their typed model, one tree at a
/// time. Runs on worker threads: it touches only its folder, its files and
/// its own diagnostics.
void build_folder(PartnerFolder& folder, std::span<const std::unique_ptr<WorkspaceFile>> files,
                  const LoadContext& context, Diagnostics& diagnostics, PhaseTimes& times) {
  std::size_t invoices = 0, credit_notes = 0, quotes = 0, sows = 0;
  for (const auto& file : files) {
    invoices += file->kind == FileKind::invoice;
    credit_notes += file->kind == FileKind::credit_note;
    quotes += file->kind == FileKind::quote;
    sows += file->kind == FileKind::sow;
  }
  // Sized once: a growing vector of ten thousand folders' invoices keeps a
  // third of its room empty.
  folder.invoices.reserve(invoices);
  folder.credit_notes.reserve(credit_notes);
  folder.quotes.reserve(quotes);
  folder.sows.reserve(sows);
  folder.sow_files.reserve(sows);
  for (const auto& owned : files) {
    WorkspaceFile& file = *owned;
    switch (file.kind) {
      case FileKind::partner:
        folder.partner_file = &file;
        break;
      case FileKind::agreement:
        folder.agreement_file = &file;
        break;
      case FileKind::notes:
        folder.notes_file = &file;
        continue;
      case FileKind::kpis:
        folder.kpis_file = &file;
        break;
      case FileKind::issue_log:
        folder.issues_file = &file;
        break;
      case FileKind::compliance:
        folder.compliance_file = &file;
        break;
      case FileKind::sow:
        folder.sow_files.push_back(&file);
        break;
      default:
        break;
    }
    const std::shared_ptr<const yaml::Document> tree =
        tree_to_read(file, context, diagnostics, times);
    if (!tree) continue;
    Reader reader(*tree, diagnostics);
    switch (file.kind) {
      case FileKind::partner:
        folder.partner = read_partner(reader);
        break;
      case FileKind::agreement:
        folder.agreement = read_agreement(reader);
        break;
      case FileKind::kpis:
        folder.kpis = read_kpis(reader);
        break;
      case FileKind::issue_log:
        folder.issue_log = read_issue_log(reader);
        break;
      case FileKind::compliance:
        folder.compliance = read_compliance_log(reader);
        break;
      case FileKind::sow:
        folder.sows.push_back(read_sow(reader));
        break;
      case FileKind::invoice:
        folder.invoices.push_back(read_invoice(reader));
        break;
      case FileKind::credit_note:
        folder.credit_notes.push_back(read_credit_note(reader));
        break;
      case FileKind::quote:
        folder.quotes.push_back(read_quote(reader));
        break;
      default:
        break;
    }
  }
}

}  // namespace

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
      lifecycle_file->keep(std::shared_ptr<const yaml::Document>(std::move(document)));
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
  const LoadContext context{source, workspace.m_schemas, cache ? &*cache : nullptr, options};
  PhaseTimes cache_traffic;
  load_files_in_parallel(context, workspace.m_files, diagnostics, workspace.m_timings,
                         cache_traffic);
  phase = Clock::now();
  workspace.m_files.push_back(std::move(lifecycle_file));
  std::sort(workspace.m_files.begin(), workspace.m_files.end(),
            [](const auto& a, const auto& b) { return a->path < b->path; });

  // A folder's files are one run of the sorted paths. Each folder's model
  // is read on a worker thread, decoding one tree at a time.
  std::vector<FolderRun> runs;
  for (std::size_t i = 0; i < workspace.m_files.size(); ++i) {
    WorkspaceFile& file = *workspace.m_files[i];
    Classified classified = classify(file.path);
    if (classified.kind == FileKind::organisation) {
      if (const auto tree = tree_to_read(file, context, diagnostics, cache_traffic)) {
        Reader reader(*tree, diagnostics);
        workspace.m_organisation = read_organisation(reader);
      }
      continue;
    }
    if (classified.kind == FileKind::ignored) continue;
    if (runs.empty() || runs.back().slug != classified.slug)
      runs.push_back({std::move(classified.slug), i, i});
    runs.back().last = i + 1;
  }
  // Sorted by slug for Workspace::partner(): paths sort "acme-lab/" before
  // "acme/", slugs "acme" before "acme-lab".
  std::sort(runs.begin(), runs.end(),
            [](const FolderRun& a, const FolderRun& b) { return a.slug < b.slug; });
  // Folders are large (their typed documents live inline), so the vector
  // is sized once rather than grown through copies of ten thousand.
  workspace.m_partners.resize(runs.size());
  std::vector<PhaseTimes> reloads(thread_count(options));
  for_each_in_parallel(
      runs.size(), options, diagnostics, [&](unsigned thread, std::size_t i, Diagnostics& out) {
        PartnerFolder& folder = workspace.m_partners[i];
        folder.slug = runs[i].slug;
        folder.path = std::string(k_partners_dir) + "/" + runs[i].slug;
        const std::span<const std::unique_ptr<WorkspaceFile>> files(
            workspace.m_files.data() + runs[i].first, runs[i].last - runs[i].first);
        build_folder(folder, files, context, out, reloads[thread]);
      });
  workspace.m_timings.model_seconds = seconds_since(phase);
  // Saved once the model is read, so an entry that failed to decode there
  // is replaced by the file's new form.
  if (cache) {
    phase = Clock::now();
    for (PhaseTimes& part : reloads)
      std::move(part.added.begin(), part.added.end(), std::back_inserter(cache_traffic.added));
    std::string ignored;
    cache->save(cache_traffic.hits, cache_traffic.added, cache_traffic.stamped, &ignored);
    workspace.m_timings.cache_save_seconds = seconds_since(phase);
  }
  workspace.m_timings.wall_seconds = seconds_since(started);
  return workspace;
}

}  // namespace partnerops
