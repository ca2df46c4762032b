// Bundles each front door into dist/. GitHub runs dist/ as committed, so the
// output must be deterministic: the test suite rebuilds and compares.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const outdir = process.argv[2] ?? 'dist';
/** Resolves `yaml` in the CLI bundle to dist/yaml.cjs, required when first used. */
const yamlBesideTheCli = {
  name: 'yaml-beside-the-cli',
  setup(builder) {
    builder.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.cjs', external: true }));
  },
};
const common = {
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
};

await rm(outdir, { recursive: true, force: true });
// The CLI is CommonJS (dist/cli.cjs): Node starts a CommonJS entry ~7 ms
// sooner than an ES module, whose loader it must first set up, and every
// `npx bgsvc …` in a job pays that.
await build({
  ...common,
  entryPoints: { cli: 'src/entries/cli.ts' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  banner: { js: '#!/usr/bin/env node' },
  plugins: [yamlBesideTheCli],
});
// The YAML parser is 60% of the CLI's code and only start and run need it
// (they import the config loader on demand): in a file of its own, the other
// commands neither compile nor run it.
await build({
  ...common,
  entryPoints: { yaml: 'node_modules/yaml/dist/index.js' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
});
// main and post are the GitHub Action's steps (action.yml); they bundle
// @actions/core, which is ESM-only, and stay ES modules.
await build({
  ...common,
  entryPoints: { main: 'src/entries/main.ts', post: 'src/entries/post.ts' },
  format: 'esm',
  // Bundled CommonJS dependencies may call require() for Node built-ins.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __bgsvcCreateRequire } from 'node:module';\nconst require = __bgsvcCreateRequire(import.meta.url);",
  },
});
