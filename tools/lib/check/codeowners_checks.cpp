// The committed .github/CODEOWNERS matches what `partnerops codeowners`
// would write from partnerops.yaml and the partners' owners, so review
// rules follow the roles instead of drifting behind them.

#include "check/checks.hpp"
#include "review/codeowners.hpp"

namespace partnerops {

void check_codeowners(const CheckContext& context) {
  const Source& source = context.workspace.source();
  if (!source.is_file(k_codeowners_path)) return;
  const std::optional<std::string> generated = generate_codeowners(context.workspace);
  if (!generated) return;
  const ReadResult committed = source.read(k_codeowners_path, 1 << 20);
  if (!committed.ok()) return;
  const int line = first_difference(committed.content, *generated);
  if (line == 0) return;
  context.diagnostics.warning("codeowners-stale", std::string(k_codeowners_path), {line, 1},
                              "CODEOWNERS differs from the roles in partnerops.yaml and the "
                              "partners' owners (first difference on this line)",
                              "run `partnerops codeowners` and commit the result");
}

}  // namespace partnerops
