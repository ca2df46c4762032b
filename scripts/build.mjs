// Bundles each front door into dist/. GitHub runs dist/ as committed, so the
// output must be deterministic: the test suite rebuilds and compares.
import { build } from 'esbuild';
import { chmod, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const outdir = process.argv[2] ?? 'dist';
/**
 * Resolves `yaml` to dist/yaml.cjs, beside the bundle, required when first
 * used. One copy serves the CLI and the action's main step.
 */
const yamlBeside = {
  name: 'yaml-beside',
  setup(builder) {
    builder.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.cjs', external: true }));
  },
};
// @actions/core imports two packages bgsvc never calls into: @actions/http-client
// (with undici, 785 KB of each bundle) for getIDToken's OIDC client, and
// @actions/exec (with @actions/io) for platform.getDetails(). src/edges/github/io.ts
// uses getInput, info, warning, error, startGroup, endGroup, setOutput,
// saveState, getState, setFailed and summary, none of which reach them. So
// the action's bundles resolve them to this stub, whose every export throws
// if called: a future use fails loudly instead of shipping half a client, and
// a new import of a name not listed here fails the build (esbuild: "No
// matching export"). docs/dependencies.md and issue 16 say why.
const UNUSED_TOOLKIT = {
  '@actions/http-client': ['HttpClient'],
  '@actions/http-client/lib/auth': ['BearerCredentialHandler'],
  '@actions/exec': ['exec', 'getExecOutput'],
};
const withoutUnusedToolkit = {
  name: 'without-unused-toolkit',
  setup(builder) {
    const filter = new RegExp(`^(${Object.keys(UNUSED_TOOLKIT).map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})$`);
    builder.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'unused-toolkit' }));
    builder.onLoad({ filter: /.*/, namespace: 'unused-toolkit' }, (args) => ({
      loader: 'js',
      contents: UNUSED_TOOLKIT[args.path]
        .map((name) => `export function ${name}() { throw new Error(${JSON.stringify(`bgsvc does not bundle ${args.path} (${name}): scripts/build.mjs replaces it with this stub`)}); }`)
        .join('\n'),
    }));
  },
};
// Two modules of @actions/core cost every step more at load than bgsvc uses
// them for (issue 16), so the action's bundles swap them:
// - file-command.js imports node:crypto for one randomUUID() per file command
//   (its heredoc delimiter); loading node:crypto costs 8-13 ms. It gets
//   src/random.ts, whose randomUUID() reads the same kernel source,
//   /dev/urandom. A new use of anything else of crypto fails the build
//   (esbuild: "No matching export").
// - summary.js reads fs.promises when it loads (Node's fs/promises, readline,
//   streams: ~5 ms). The job summary is one append (src/edges/github/step-summary.ts);
//   core.summary becomes a stub that throws if called.
const RANDOM_MODULE = fileURLToPath(new URL('../src/random.ts', import.meta.url));
const leanToolkit = {
  name: 'lean-toolkit',
  setup(builder) {
    const fromToolkit = (args, file) => /[\\/]@actions[\\/]core[\\/]lib[\\/]/.test(args.importer) && (!file || args.importer.endsWith(file));
    builder.onResolve({ filter: /^(node:)?crypto$/ }, (args) => (fromToolkit(args, 'file-command.js') ? { path: RANDOM_MODULE } : undefined));
    builder.onResolve({ filter: /^\.\/summary\.js$/ }, (args) => (fromToolkit(args, 'core.js') ? { path: 'summary', namespace: 'lean-toolkit' } : undefined));
    builder.onLoad({ filter: /.*/, namespace: 'lean-toolkit' }, () => ({
      loader: 'js',
      contents: ['summary', 'markdownSummary']
        .map((name) => `export const ${name} = new Proxy({}, { get() { throw new Error(${JSON.stringify(`bgsvc does not bundle @actions/core's ${name}: scripts/build.mjs replaces it (src/edges/github/step-summary.ts writes the job summary)`)}); } });`)
        .join('\n'),
    }));
  },
};
// src/version.ts imports package.json for its version; bundled whole, every
// devDependency bump would change dist/cli.cjs. Only the version goes in.
const versionOnly = {
  name: 'version-only',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]package\.json$/ }, async (args) => {
      const { version } = JSON.parse(await readFile(args.path, 'utf8'));
      return { loader: 'json', contents: JSON.stringify({ version }) };
    });
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
  plugins: [versionOnly],
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
  plugins: [versionOnly, yamlBeside],
});
// Executable, and committed so (100755): `npx bgsvc` in a clone runs the
// repository's own bin through a link in npx's cache, which npm chmods only
// when it first makes that link; a checkout that rewrites the file as 0644
// then fails with "bgsvc: Permission denied".
await chmod(`${outdir}/cli.cjs`, 0o755);
// The YAML parser is 60% of the CLI's code and only start and run need it
// (they import the config loader on demand): in a file of its own, the other
// commands neither compile nor run it. Minified: it is a published library,
// read in its own repository, and minified it is 60% smaller on disk and a
// third smaller in the npm tarball (issue 16). Our own bundles stay readable.
await build({
  ...common,
  entryPoints: { yaml: 'node_modules/yaml/dist/index.js' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  minify: true,
});
// main and post are the GitHub Action's steps (action.yml). CommonJS, like the
// CLI: each step is a fresh Node process, and the ES module loader's set-up
// and per-builtin facades cost it ~10 ms more (issue 16). @actions/core is
// ESM-only; esbuild turns it into CommonJS with the rest. main requires the
// YAML parser from dist/yaml.cjs, only when it reads a config (the short form
// `run` never does); post never parses YAML and must not reach it
// (test/e2e/dist-contents.test.ts).
await build({
  ...common,
  entryPoints: { main: 'src/entries/main.ts', post: 'src/entries/post.ts' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  plugins: [versionOnly, withoutUnusedToolkit, leanToolkit, yamlBeside],
  // The entries pass import.meta.url to tell "run by node" from "imported by
  // @github/local-action"; in CommonJS that is this file's own URL.
  define: { 'import.meta.url': '__bgsvcModuleUrl' },
  // 'use strict' first: esbuild's own directive lands after the banner, too late to count.
  banner: { js: "#!/usr/bin/env node\n'use strict';\nconst __bgsvcModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
