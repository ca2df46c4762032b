// Bundles each front door into dist/. GitHub runs dist/ as committed, so the
// output must be deterministic: the test suite rebuilds and compares.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const outdir = process.argv[2] ?? 'dist';
// main and post are the GitHub Action's steps (action.yml); they bundle @actions/core.
const entries = { cli: 'src/entries/cli.ts', main: 'src/entries/main.ts', post: 'src/entries/post.ts' };

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies may call require() for Node built-ins.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __bgsvcCreateRequire } from 'node:module';\nconst require = __bgsvcCreateRequire(import.meta.url);",
  },
});
