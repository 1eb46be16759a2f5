#include "run_support.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace partnerops::e2e {

namespace fs = std::filesystem;

std::filesystem::path source_dir() { return PARTNEROPS_SOURCE_DIR; }
std::filesystem::path fixtures_dir() { return source_dir() / "tests" / "fixtures"; }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

void link_docs_to_etc(const fs::path& dir) {
  fs::remove_all(dir / "docs");
  fs::create_directory_symlink("/etc", dir / "docs");
  std::string yaml = read_file(dir / "partnerops.yaml");
  const std::string from = "service_description: docs/service-description.md";
  yaml.replace(yaml.find(from), from.size(), "service_description: docs/passwd");
  write_file(dir / "partnerops.yaml", yaml);
}

BackgroundRun::BackgroundRun(const std::vector<std::string>& args, const fs::path& cwd,
                             const std::vector<std::string>& env) {
  const fs::path out_path = m_capture.path() / "out";
  const fs::path err_path = m_capture.path() / "err";

  std::vector<std::string> argv_strings = {PARTNEROPS_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);

  // The extra entries replace variables of the same name (getenv() would
  // otherwise find the inherited one first, e.g. the user's HOME).
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    const std::string_view entry(*e);
    const std::size_t equals = entry.find('=');
    const std::string_view name =
        entry.substr(0, equals == std::string_view::npos ? 0 : equals + 1);
    const bool replaced =
        !name.empty() && std::any_of(env.begin(), env.end(), [&](const std::string& extra) {
          return std::string_view(extra).starts_with(name);
        });
    if (!replaced) env_strings.emplace_back(entry);
  }
  env_strings.insert(env_strings.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (std::string& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) == 0) m_pid = pid;
  posix_spawn_file_actions_destroy(&actions);
}

int BackgroundRun::wait() {
  if (m_pid == 0) return -1;
  int status = 0;
  waitpid(m_pid, &status, 0);
  m_pid = 0;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void BackgroundRun::kill() const { signal(SIGKILL); }

void BackgroundRun::signal(int signal) const {
  if (m_pid != 0) ::kill(m_pid, signal);
}

std::string BackgroundRun::out() const { return read_file(m_capture.path() / "out"); }
std::string BackgroundRun::err() const { return read_file(m_capture.path() / "err"); }

RunResult run_partnerops(const std::vector<std::string>& args, const fs::path& cwd,
                         const std::vector<std::string>& env) {
  BackgroundRun run(args, cwd, env);
  RunResult result;
  result.exit_code = run.wait();
  result.out = run.out();
  result.err = run.err();
  return result;
}

void make_base_workspace(const fs::path& dir) {
  fs::copy(fixtures_dir() / "base", dir,
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  fs::copy(source_dir() / "schemas", dir / "schemas",
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  fs::copy(source_dir() / "templates", dir / "templates",
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

std::string run_tool(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return output;
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, got);
  ::pclose(pipe);
  return output;
}

std::string pdf_text(const fs::path& pdf) {
  return run_tool("pdftotext -layout '" + pdf.string() + "' - 2>/dev/null");
}

std::string fold(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

void make_fixture_workspace(const std::string& name, const fs::path& dir) {
  const fs::path fixture = fixtures_dir() / "invalid" / name;
  make_base_workspace(dir);
  std::istringstream remove(read_file(fixture / "remove"));
  for (std::string path; std::getline(remove, path);)
    if (!path.empty() && path[0] != '#') fs::remove_all(dir / path);
  if (fs::exists(fixture / "files"))
    fs::copy(fixture / "files", dir,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

std::vector<std::string> diagnostic_lines(const std::string& json_output) {
  std::vector<std::string> lines;
  const nlohmann::json output = nlohmann::json::parse(json_output, nullptr, false);
  if (output.is_discarded() || !output.contains("diagnostics")) {
    ADD_FAILURE() << "not the JSON of partnerops validate: " << json_output;
    return lines;
  }
  for (const auto& d : output["diagnostics"]) {
    lines.push_back(d["severity"].get<std::string>() + " " + d["code"].get<std::string>() + " " +
                    d["file"].get<std::string>() + ":" + std::to_string(d["line"].get<int>()) +
                    ":" + std::to_string(d["column"].get<int>()));
  }
  return lines;
}

std::vector<std::string> isolated_git_env(std::vector<std::string> extra) {
  std::vector<std::string> env = {"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
                                  "NO_COLOR=1"};
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

GitWorkspaceTest::GitWorkspaceTest(std::vector<std::string> extra_env)
    : env(isolated_git_env(std::move(extra_env))) {}

void GitWorkspaceTest::SetUp() {
  make_base_workspace(dir.path());
  git("init -q -b main");
  git("config user.name 'Ada Lovelace'");
  git("config user.email ada@example.org");
  git("add -A");
  git("commit -q -m base");
}

std::string GitWorkspaceTest::git(const std::string& args) const {
  return run_tool("cd '" + dir.path().string() +
                  "' && GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git " + args + " 2>&1");
}

RunResult GitWorkspaceTest::partnerops(const std::vector<std::string>& args) const {
  return run_partnerops(args, dir.path(), env);
}

}  // namespace partnerops::e2e
