// The job summary's timeline as a reader sees it: the markdown post writes,
// its ```mermaid block drawn by the real mermaid package in headless Chromium
// (as GitHub draws it in the reader's browser). A diagram Mermaid cannot parse
// fails here, and the picture is checked: ticks that differ, each service's
// waiting, running and end mark, a crash as a milestone with its exit code.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderGantt } from '../../src/edges/github/summary-timeline.js';
import { renderSummary, type ServiceRow } from '../../src/edges/github/summary.js';
import { describeWithPrerequisites, missingPrerequisites } from '../helpers/binaries.js';
import { mermaidBlocks, openMermaidBrowser, READER_TIME_ZONE, type MermaidBrowser, type Rendered } from '../helpers/mermaid-browser.js';
import { scratchDir } from '../helpers/scratch.js';
import { SUMMARY_SCENARIOS } from '../helpers/summary-scenarios.js';

type Drawn = Extract<Rendered, { ok: true }>;

describeWithPrerequisites('the job summary timeline, drawn by mermaid in Chromium', missingPrerequisites(['chromium']), () => {
  let browser: MermaidBrowser;
  beforeAll(async () => {
    browser = await openMermaidBrowser(scratchDir('mermaid'));
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  // What GitHub would draw for a scenario's summary; a parse error fails the test here.
  async function draw(name: string): Promise<Drawn> {
    const scenario = SUMMARY_SCENARIOS.find((candidate) => candidate.name === name)!;
    const blocks = mermaidBlocks(renderSummary(scenario.rows, { logDir: '/tmp/logs', origin: scenario.origin }));
    expect(blocks).toHaveLength(1);
    return drawn(await browser.render(blocks[0]!));
  }

  function drawn(rendered: Rendered): Drawn {
    if (!rendered.ok) throw new Error(`mermaid could not draw the timeline: ${rendered.error}`);
    return rendered;
  }

  // A section's bars and marks in order: [label, SVG classes].
  function bars(picture: Drawn, from: number, count: number): Array<[string, string]> {
    return picture.tasks.slice(from, from + count).map((task) => [task.label, task.barClass]);
  }

  function expectDistinctTicks(picture: Drawn, format: RegExp): void {
    expect(picture.ticks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(picture.ticks).size).toBe(picture.ticks.length);
    for (const tick of picture.ticks) expect(tick).toMatch(format);
  }

  it(`renders in the reader's time zone (${READER_TIME_ZONE}, 5h30m off UTC at the epoch, where the chart's times lie), which the axis must not follow`, async () => {
    expect(await browser.timeZoneOffsetMinutes()).toBe(-330);
  });

  it('reports a diagram Mermaid cannot parse as an error, so a broken timeline fails these tests', async () => {
    const broken = await browser.render('gantt\n    dateFormat x\n    section db\n    :done, 0, 812\n');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toMatch(/parse error/i);
  });

  it('draws services that were all ready, then stopped: waiting (with the probe), running, stopping and a stopped mark each', async () => {
    const picture = await draw('all-ready');
    expectDistinctTicks(picture, /^\+\d+s$/);
    expect(picture.ticks).toEqual(['+5s', '+10s', '+15s', '+20s', '+25s', '+30s', '+35s', '+40s']);
    expect(picture.tasks).toHaveLength(12);
    const db = bars(picture, 0, 4);
    expect(db.map(([label]) => label)).toEqual(['waiting for tcp:127.0.0.1:5432', 'running', 'stopping', 'stopped']);
    expect(db[3]![1]).toMatch(/\bmilestone\b/);
    expect(picture.tasks.filter((task) => /\bcrit/.test(task.barClass))).toEqual([]);
  });

  it('marks a crash mid-job with a milestone labelled with its exit code where the running bar ends', async () => {
    const picture = await draw('crash');
    expectDistinctTicks(picture, /^\+\d+s$/);
    const worker = picture.tasks.slice(12);
    expect(worker.map((task) => task.label)).toEqual(['waiting for log: worker listening', 'running', 'exit 1']);
    const [, running, crash] = worker;
    expect(running!.barClass).not.toMatch(/crit/);
    expect(crash!.barClass).toMatch(/\bmilestone\b.*\bcrit/);
    // The mark sits where the running bar ends (a milestone is drawn centred on its time).
    expect(Math.abs(crash!.x + crash!.width / 2 - (running!.x + running!.width))).toBeLessThan(2);
    // The others were stopped by post, after the crash.
    expect(picture.tasks.filter((task) => task.label === 'stopped')).toHaveLength(3);
  });

  it('marks a failed start: exit 3 at the end of a waiting bar that never became running, and the others stopped at once', async () => {
    const picture = await draw('failed-start');
    expectDistinctTicks(picture, /^\+\d+ms$/);
    const api = picture.tasks.slice(6);
    expect(api.map((task) => task.label)).toEqual(['waiting for http://127.0.0.1:3000/health', 'exit 3']);
    expect(api[0]!.barClass).toMatch(/\bcrit/);
    expect(api[1]!.barClass).toMatch(/\bmilestone\b.*\bcrit/);
    expect(bars(picture, 0, 3).map(([label]) => label)).toEqual(['waiting for tcp:127.0.0.1:5432', 'running', 'stopped']);
  });

  it('draws a probe with the characters Mermaid reads as syntax (: # ; %% ```) as written', async () => {
    const T0 = 1_754_000_000_000;
    const row: ServiceRow = {
      name: 'svc',
      command: 'serve',
      probes: ['log: ``` %% ready; #1'],
      startedAt: T0,
      readyAt: T0 + 400,
      stoppingAt: T0 + 900,
      endedAt: T0 + 1000,
      ended: 'stopped (SIGTERM)',
      trouble: false,
      logBytes: 0,
    };
    const blocks = mermaidBlocks(renderSummary([row], { logDir: '/tmp/logs', origin: T0 }));
    expect(blocks).toHaveLength(1);
    const picture = drawn(await browser.render(blocks[0]!));
    expect(picture.tasks.map((task) => task.label)).toEqual(['waiting for log: ``` %% ready; #1', 'running', 'stopping', 'stopped']);
  });

  it.each([
    { span: '50 ms', ms: 50, format: /^\+\d+ms$/ },
    { span: '3 s', ms: 3_000, format: /^\+\d+ms$/ },
    { span: '4 min', ms: 240_000, format: /^\+\d+s$/ },
    { span: '40 min', ms: 2_400_000, format: /^\+\d+m$/ },
    { span: '5 h', ms: 18_000_000, format: /^\+\d+m$/ },
    { span: '30 h', ms: 108_000_000, format: /^\+\d+h$/ },
  ])('labels the axis with distinct ticks for a job of $span', async ({ ms, format }) => {
    const T0 = 1_754_000_000_000;
    const row: ServiceRow = {
      name: 'svc',
      command: 'serve',
      probes: ['tcp:127.0.0.1:8080'],
      startedAt: T0,
      readyAt: T0 + ms / 10,
      stoppingAt: T0 + ms * 0.9,
      endedAt: T0 + ms,
      ended: 'stopped (SIGTERM)',
      trouble: false,
      logBytes: 0,
    };
    const lines = renderGantt([row], { origin: T0 });
    const picture = drawn(await browser.render(lines.slice(1, -1).join('\n')));
    expectDistinctTicks(picture, format);
  });
});
