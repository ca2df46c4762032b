#!/usr/bin/env node
// Draws the job summary of the three scenarios in test/helpers/summary-scenarios.ts
// (all ready; a crash mid-job; a failed start) as docs/summary-<name>.png, with
// the same real mermaid and Chromium as test/e2e/summary-render.test.ts.
// Run it after changing the summary: node scripts/render-summary-pngs.mjs
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The scenarios and the renderer are TypeScript: bundle them for Node, leaving
// packages (playwright-core) to resolve from node_modules, next to which the
// bundle is written for that reason.
const bundle = join(ROOT, 'node_modules/.cache/bgsvc/render-summary-pngs.mjs');
mkdirSync(dirname(bundle), { recursive: true });
await build({
  stdin: {
    contents: [
      "export { SUMMARY_SCENARIOS } from './test/helpers/summary-scenarios.ts';",
      "export { openMermaidBrowser, mermaidBlocks } from './test/helpers/mermaid-browser.ts';",
      "export { renderSummary } from './src/edges/github/summary.ts';",
    ].join('\n'),
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: bundle,
  logLevel: 'warning',
});
const { SUMMARY_SCENARIOS, openMermaidBrowser, mermaidBlocks, renderSummary } = await import(pathToFileURL(bundle).href);

const work = mkdtempSync(join(tmpdir(), 'bgsvc-summary-pngs-'));
const browser = await openMermaidBrowser(work);
try {
  for (const scenario of SUMMARY_SCENARIOS) {
    const markdown = renderSummary(scenario.rows, { logDir: '/tmp/logs', origin: scenario.origin });
    const png = join(ROOT, 'docs', `summary-${scenario.name}.png`);
    await browser.screenshot(mermaidBlocks(markdown)[0], png);
    console.log(`wrote ${png}`);
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
