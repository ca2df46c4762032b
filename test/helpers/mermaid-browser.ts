// Renders Mermaid text the way a reader's browser does: the real mermaid
// package, loaded from node_modules through a file:// page (the machine reaches
// no CDN), in Debian's headless Chromium driven by playwright-core. Used by
// test/e2e/summary-render.test.ts and scripts/render-summary-pngs.mjs.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

// Without these Chromium reaches for the network (updates, sync, field trials)
// at start, and as root it refuses to run with its sandbox.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const READER_TIME_ZONE = 'Asia/Kolkata';

/** About the width of a GitHub job summary's text column. */
const PAGE_WIDTH = 900;

export type Rendered =
  | {
      ok: true;
      svg: string;
      /** The axis tick labels, left to right. */
      ticks: string[];
      /** Every bar and milestone: its label and its SVG classes (`task crit1`, `milestone crit0`…). */
      tasks: Array<{ label: string; barClass: string; x: number; width: number }>;
    }
  | { ok: false; error: string };

export interface MermaidBrowser {
  /** Parses and renders one diagram; a parse or render error comes back as `ok: false`. */
  render(text: string): Promise<Rendered>;
  /** Renders one diagram and saves a PNG of just the picture. */
  screenshot(text: string, pngPath: string): Promise<void>;
  /** The page's `Date#getTimezoneOffset()`: proof of the zone it renders in. */
  timeZoneOffsetMinutes(): Promise<number>;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile in `workDir` (which the caller removes). */
export async function openMermaidBrowser(workDir: string): Promise<MermaidBrowser> {
  const mermaidJs = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
  const pagePath = join(workDir, 'mermaid.html');
  writeFileSync(
    pagePath,
    `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff">` +
      `<div id="out" style="width:${PAGE_WIDTH}px;padding:16px;box-sizing:border-box"></div>` +
      `<script src="${pathToFileURL(mermaidJs).href}"></script>` +
      `<script>mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });</script>`,
  );
  // A persistent context is how playwright takes a user-data-dir: a fresh one per run.
  const context: BrowserContext = await chromium.launchPersistentContext(join(workDir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: PAGE_WIDTH, height: 800 },
    deviceScaleFactor: 2,
    offline: true,
    // Mermaid formats ticks in the reader's zone: render in one 5h30m off UTC,
    // so an axis that followed the clock instead of the elapsed time would show it.
    timezoneId: READER_TIME_ZONE,
  });
  const page: Page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pathToFileURL(pagePath).href);
  await page.waitForFunction(() => 'mermaid' in window);
  let count = 0;

  const render = async (text: string): Promise<Rendered> =>
    page.evaluate(
      async ({ text, id }) => {
        const out = document.getElementById('out')!;
        out.innerHTML = '';
        const mermaid = (window as unknown as { mermaid: { render(id: string, text: string, container?: Element): Promise<{ svg: string }> } }).mermaid;
        try {
          const { svg } = await mermaid.render(id, text, out);
          out.innerHTML = svg;
        } catch (error) {
          // mermaid leaves its "Syntax error" picture behind in the body: remove it.
          document.getElementById(`d${id}`)?.remove();
          return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
        }
        const ticks = [...out.querySelectorAll('g.tick text')].map((tick) => tick.textContent ?? '');
        // Mermaid draws the bars sorted by start time; each has its own row, top to bottom as written.
        const tasks = [...out.querySelectorAll('rect.task')]
          .map((rect) => ({
            label: (out.querySelector(`text[id="${rect.id}-text"]`)?.textContent ?? '').trim(),
            barClass: (rect.getAttribute('class') ?? '').replace(/\s+/g, ' ').trim(),
            x: Number(rect.getAttribute('x')),
            y: Number(rect.getAttribute('y')),
            width: Number(rect.getAttribute('width')),
          }))
          .sort((a, b) => a.y - b.y)
          .map(({ y: _y, ...task }) => task);
        return { ok: true as const, svg: out.innerHTML, ticks, tasks };
      },
      { text, id: `timeline${++count}` },
    );

  return {
    render,
    async screenshot(text, pngPath) {
      const rendered = await render(text);
      if (!rendered.ok) throw new Error(`mermaid could not render the diagram: ${rendered.error}`);
      await page.locator('#out').screenshot({ path: pngPath });
    },
    timeZoneOffsetMinutes: () => page.evaluate(() => new Date(0).getTimezoneOffset()),
    close: () => context.close(),
  };
}

/** The diagrams of ```mermaid fences in markdown, as GitHub hands them to Mermaid. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((match) => match[1]!);
}
