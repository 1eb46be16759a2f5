#pragma once
// The folder where a command writes documents when not told where (out/):
// it must never leave files that `git status` lists in the workspace, so
// that no `git add -A` sweeps PDFs or e-mails into the partners' history.

#include <filesystem>
#include <string>
#include <string_view>

namespace partnerops::cli {

/// The folder every command writes to by default, relative to the current
/// directory, as `build` always has.
inline const std::filesystem::path k_default_output_folder = "out";

/// Creates `folder`, and when git would show what is written there (it lies
/// in a working tree whose rules do not ignore it) writes a `.gitignore`
/// holding `*` into it, as the parse cache does for its own folder. Returns
/// false and fills `error` when the folder or the file cannot be written.
bool prepare_output_folder(const std::filesystem::path& folder, std::string* error);

/// Makes the folders above `target`, a file or folder a command is about to
/// write; when `target` lies in the default folder (out/...), that folder is
/// prepared as prepare_output_folder does. Returns false and fills `error`
/// when a folder cannot be made.
bool prepare_output_for(const std::filesystem::path& target, std::string* error);

/// Writes `bytes` to `target` atomically, after preparing its folders as
/// prepare_output_for does. Returns false and fills `error` (which names
/// the file or folder) when it cannot.
bool write_output_file(const std::filesystem::path& target, std::string_view bytes,
                       std::string* error);

}  // namespace partnerops::cli
