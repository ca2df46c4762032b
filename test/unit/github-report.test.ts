// What the action writes for people: the job summary, the log groups, and the
// annotations events turn into. A fake ActionsIo records every call.
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionsIo, AnnotationProps } from '../../src/edges/github/io.js';
import { countLines, printServiceLog } from '../../src/edges/github/log-groups.js';
import { createGithubEmitter } from '../../src/edges/github/render.js';
import { renderSummary, type ServiceRow } from '../../src/edges/github/summary.js';
import { renderGantt } from '../../src/edges/github/summary-timeline.js';
import { chooseAxis } from '../../src/edges/github/timeline-axis.js';
import { isMainScript } from '../../src/edges/github/entry-point.js';
import { createLogTailer } from '../../src/edges/github/tail.js';
import { appendFileSync } from 'node:fs';
import { scratchDir } from '../helpers/scratch.js';

function fakeIo(): ActionsIo & { lines: string[]; annotations: Array<{ level: string; text: string; props?: AnnotationProps }> } {
  const lines: string[] = [];
  const annotations: Array<{ level: string; text: string; props?: AnnotationProps }> = [];
  return {
    lines,
    annotations,
    getInput: () => '',
    info: (text) => lines.push(text),
    warning: (text, props) => annotations.push({ level: 'warning', text, props }),
    error: (text, props) => annotations.push({ level: 'error', text, props }),
    startGroup: (title) => lines.push(`::group::${title}`),
    endGroup: () => lines.push('::endgroup::'),
    setOutput: () => {},
    saveState: () => {},
    exportVariable: () => {},
    getState: () => '',
    setFailed: (message) => annotations.push({ level: 'failed', text: message }),
    appendSummary: async () => {},
  };
}

const T0 = 1_700_000_000_000;
const row = (overrides: Partial<ServiceRow>): ServiceRow => ({
  name: 'db',
  command: 'postgres -D /data',
  probes: ['tcp:127.0.0.1:5432'],
  startedAt: T0,
  readyAt: T0 + 812,
  stoppingAt: T0 + 42_000,
  endedAt: T0 + 42_050,
  ended: 'stopped (SIGTERM)',
  trouble: false,
  logBytes: 12_800,
  ...overrides,
});

describe('job summary', () => {
  it('tabulates name, command, what it waited on, ready in, ran for, how it ended, peak memory, CPU time and log size', () => {
    const api = row({ name: 'api', command: 'npm start', probes: ['http://127.0.0.1:3000/health', 'log: Listening | on'], readyAt: undefined, ended: 'exited 3 before it was ready', trouble: true, endedAt: T0 + 200, stoppingAt: undefined, logBytes: 300 });
    const db = row({ cost: { peakMemoryBytes: 212 * 1024 * 1024, cpuMs: 1_340, complete: true } });
    const markdown = renderSummary([db, api, row({ name: 'sleeper', command: 'sleep 60', probes: [] })], { logDir: '/tmp/logs' });
    expect(markdown).toContain('| service | command | waited on | ready in | ran for | how it ended | peak memory | CPU time | log size |');
    expect(markdown).toContain('| db | <code>postgres -D /data</code> | <code>tcp:127.0.0.1:5432</code> | 812ms | 42.1s | stopped (SIGTERM) | 212 MB | 1.3s | 12.5 KB |');
    expect(markdown).toContain('| api | <code>npm start</code> | <code>http://127.0.0.1:3000/health</code><br><code>log: Listening &#124; on</code> | not ready | 200ms | **exited 3 before it was ready** | unknown | unknown | 300 B |');
    expect(markdown).toContain('| sleeper | <code>sleep 60</code> | no probe | 812ms |');
    expect(markdown).toContain('Logs: <code>/tmp/logs</code>');
  });

  it('marks a cost read only up to the stop signal as a lower bound, and memory the OS did not tell as unknown', () => {
    const killed = row({ ended: 'killed after grace', cost: { peakMemoryBytes: 3 * 1024 * 1024 * 1024 + 200 * 1024 * 1024, cpuMs: 61_000, complete: false } });
    const macos = row({ name: 'web', cost: { peakMemoryBytes: null, cpuMs: 450, complete: false } });
    const markdown = renderSummary([killed, macos], { logDir: '/l' });
    expect(markdown).toContain('| killed after grace | ≥ 3.2 GB | ≥ 1m 1s | 12.5 KB |');
    expect(markdown).toContain('| stopped (SIGTERM) | unknown | ≥ 450ms | 12.5 KB |');
  });

  it('escapes commands so they cannot break the table or inject HTML', () => {
    const markdown = renderSummary([row({ command: 'a | b && echo "<b>hi</b>" `x`\n  --flag' })], { logDir: '/l' });
    expect(markdown).toContain('<code>a &#124; b &amp;&amp; echo "&lt;b&gt;hi&lt;/b&gt;" &#96;x&#96; --flag</code>');
  });

  it('draws waiting, running, stopping and a stopped mark per service, on an axis of time since the start began', () => {
    expect(renderGantt([row({})], { origin: T0 - 20 })).toEqual([
      '```mermaid',
      'gantt',
      '    title Service timeline (time since the start began)',
      '    dateFormat x',
      '    axisFormat +%ss',
      '    tickInterval 5000millisecond',
      '    section db',
      '    waiting for tcp#58;127.0.0.1#58;5432 :done, 20, 832',
      '    running :active, 832, 42020',
      '    stopping :done, 42020, 42070',
      '    stopped :done, milestone, 42070, 42070',
      '```',
    ]);
  });

  it('marks a crash with its exit code as a milestone where the running bar ends, never as the bar\'s label', () => {
    const crashed = row({ name: 'worker', readyAt: T0 + 100, stoppingAt: undefined, endedAt: T0 + 5000, ended: 'exited 1 during the job', trouble: true, exited: { at: T0 + 5000, code: 1, signal: null } });
    expect(renderGantt([crashed]).slice(6)).toEqual([
      '    section worker',
      '    waiting for tcp#58;127.0.0.1#58;5432 :done, 0, 100',
      '    running :active, 100, 5000',
      '    exit 1 :crit, milestone, 5000, 5000',
      '```',
    ]);
  });

  it.each([
    { how: 'an exit before ready', exited: { at: T0 + 300, code: 3, signal: null }, readyAt: undefined, bars: ['waiting for tcp#58;127.0.0.1#58;5432 :crit, 0, 300', 'exit 3 :crit, milestone, 300, 300'] },
    { how: 'a kill by a signal', exited: { at: T0 + 900, code: null, signal: 'SIGKILL' }, readyAt: T0 + 100, bars: ['waiting for tcp#58;127.0.0.1#58;5432 :done, 0, 100', 'running :active, 100, 900', 'killed by SIGKILL :crit, milestone, 900, 900'] },
    { how: 'a one-shot that exited 0', exited: { at: T0 + 900, code: 0, signal: null }, readyAt: T0 + 900, bars: ['waiting for tcp#58;127.0.0.1#58;5432 :done, 0, 900', 'exit 0 :milestone, 900, 900'] },
  ])('marks $how where it happened', ({ exited, readyAt, bars }) => {
    const lines = renderGantt([row({ readyAt, exited, stoppingAt: undefined, endedAt: exited.at })]);
    expect(lines.slice(7, -1)).toEqual(bars.map((bar) => `    ${bar}`));
  });

  it('marks a service the stop could not verify gone, and one stopped while still waiting', () => {
    const left = renderGantt([row({ stopFailed: true, trouble: true })]);
    expect(left).toContain(`    not stopped :crit, milestone, 42050, 42050`);
    const waiting = renderGantt([row({ readyAt: undefined, stoppingAt: T0 + 30_000, endedAt: T0 + 30_010, probes: [] })]);
    expect(waiting.slice(7, -1)).toEqual(['    starting :crit, 0, 30000', '    stopping :done, 30000, 30010', '    stopped :done, milestone, 30010, 30010']);
  });

  it('writes labels Mermaid would cut or misread (: # ; %% ```) as entity codes, and shortens long probe lists', () => {
    const lines = renderGantt([row({ probes: ['log: %% ready; port #1', 'http://127.0.0.1:3000/health', 'cmd: test -f /tmp/x'] })]);
    // Cut at 48 characters of text ("waiting for log: %% ready; port #1, http://127."), then encoded.
    expect(lines[7]).toBe('    waiting for log#58; #37;#37; ready#59; port #35;1, http#58;//127.#8230; :done, 0, 812');
    const fence = renderGantt([row({ probes: ['log: ```'] })]);
    expect(fence[7]).toBe('    waiting for log#58; #96;#96;#96; :done, 0, 812');
  });

  it('never draws a zero-length bar', () => {
    const lines = renderGantt([row({ readyAt: T0, endedAt: T0 + 2 * 3_600_000, stoppingAt: T0 + 2 * 3_600_000 })]);
    expect(lines).toContain('    waiting for tcp#58;127.0.0.1#58;5432 :done, 0, 1');
  });
});

describe('timeline axis', () => {
  // d3 formats ticks in the reader's time zone: only %Q and %s (since the epoch) read the same everywhere.
  it.each([
    { span: 50, axis: { scale: 1, format: '+%Qms', tickChartMs: 5 } },
    { span: 812, axis: { scale: 1, format: '+%Qms', tickChartMs: 100 } },
    { span: 2_400, axis: { scale: 1, format: '+%Qms', tickChartMs: 500 } },
    { span: 9_000, axis: { scale: 1, format: '+%ss', tickChartMs: 1_000 } },
    { span: 42_070, axis: { scale: 1, format: '+%ss', tickChartMs: 5_000 } },
    { span: 10 * 60_000, axis: { scale: 60, format: '+%sm', tickChartMs: 1_000 } },
    { span: 2 * 3_600_000, axis: { scale: 60, format: '+%sm', tickChartMs: 15_000 } },
    { span: 30 * 3_600_000, axis: { scale: 3600, format: '+%sh', tickChartMs: 3_000 } },
  ])('ticks a $span ms job at most 10 times, counted from the start', ({ span, axis }) => {
    expect(chooseAxis(span)).toEqual(axis);
    expect(span / axis.scale / axis.tickChartMs).toBeLessThanOrEqual(10);
  });

  it('writes long jobs in minutes, and says so in the diagram', () => {
    const lines = renderGantt([row({ readyAt: T0 + 1_200, stoppingAt: T0 + 2 * 3_600_000, endedAt: T0 + 2 * 3_600_000 + 600 })]);
    expect(lines).toContain('    axisFormat +%sm');
    expect(lines).toContain('    %% times below are in units of 60 ms since the start began');
    expect(lines).toContain('    running :active, 20, 120000');
  });
});

describe('log groups', () => {
  const dir = scratchDir('loggroup');

  it('titles the group with the line count, cuts to the last lines and names the full file', () => {
    const file = join(dir, 'db.log');
    writeFileSync(file, Array.from({ length: 312 }, (_, i) => `line ${i + 1}`).join('\n') + '\n');
    const io = fakeIo();
    printServiceLog(io, { name: 'db', logFile: file, fromOffset: 0 }, 200);
    expect(io.lines[0]).toBe('::group::db (312 lines)');
    expect(io.lines[1]).toBe(`last 200 of 312 lines; full log: ${file}`);
    expect(io.lines[2]).toMatch(/^::stop-commands::bgsvc-[0-9a-f]{16}$/);
    expect(io.lines[3]).toBe('line 113');
    expect(io.lines.at(-3)).toBe('line 312');
    expect(io.lines.at(-2)).toBe(`::${io.lines[2]!.slice('::stop-commands::'.length)}::`);
    expect(io.lines.at(-1)).toBe('::endgroup::');
  });

  it('prints only what came after main tailed it, with log-output-resume', () => {
    const file = join(dir, 'api.log');
    writeFileSync(file, 'tailed 1\ntailed 2\nnew 1\nnew 2');
    const io = fakeIo();
    printServiceLog(io, { name: 'api', logFile: file, fromOffset: 'tailed 1\ntailed 2\n'.length }, 200);
    expect(io.lines[0]).toBe('::group::api (2 new lines)');
    expect(io.lines).toContain('new 1');
    expect(io.lines).not.toContain('tailed 2');
  });

  it('says so instead of opening an empty group', () => {
    const file = join(dir, 'empty.log');
    writeFileSync(file, '');
    const io = fakeIo();
    printServiceLog(io, { name: 'quiet', logFile: file, fromOffset: 0 }, 200);
    expect(io.lines).toEqual([`quiet: its log is empty (${file})`]);
  });

  it.each([
    ['', 0],
    ['a', 1],
    ['a\n', 1],
    ['a\nb', 2],
    ['a\n\nb\n', 3],
  ])('counts %j as %d lines', (text, count) => {
    const file = join(dir, `count-${count}-${text.length}.log`);
    writeFileSync(file, text);
    expect(countLines(file)).toBe(count);
  });
});

describe('events in the step log', () => {
  const emitterFor = (io: ActionsIo) => createGithubEmitter(io, { color: false, elapsed: () => 1234 });

  it('turns a failed start into a line, an error annotation and a collapsed log tail', () => {
    const io = fakeIo();
    emitterFor(io)({
      type: 'failed',
      service: 'api',
      reason: 'exited',
      message: 'api exited with code 3 before it was ready (210ms after start)',
      logFile: '/logs/api.log',
      logTail: ['booting', '::error::from the service'],
    });
    expect(io.lines[0]).toBe('+1.23s api failed: api exited with code 3 before it was ready (210ms after start)');
    expect(io.annotations).toEqual([
      { level: 'error', text: 'api exited with code 3 before it was ready (210ms after start) (log: /logs/api.log)', props: { title: 'bgsvc: api did not start' } },
    ]);
    expect(io.lines[1]).toBe('::group::api: last 2 lines of its log');
    expect(io.lines).toContain('::error::from the service');
    expect(io.lines[io.lines.indexOf('::error::from the service') - 2]).toMatch(/^::stop-commands::/);
  });

  it('makes warnings annotations, and processes that could not be stopped errors', () => {
    const io = fakeIo();
    const emit = emitterFor(io);
    emit({ type: 'earlier-run-left', startedAt: 0, services: ['db'], stateDir: '/s' });
    emit({ type: 'command-exited', code: 0 });
    emit({ type: 'stopped', service: 'db', outcome: { kind: 'survivors', processes: [{ pid: 42, command: 'postgres' }] }, logFile: '/l/db.log' });
    expect(io.annotations.map((annotation) => [annotation.level, annotation.props?.title])).toEqual([
      ['warning', 'bgsvc'],
      ['error', 'bgsvc: db could not be stopped'],
    ]);
    expect(io.annotations[0]!.text).toBe('an earlier run (started 1970-01-01T00:00:00.000Z) left db running in /s; stopping them first');
    expect(io.lines).toContain('+1.23s command exited with code 0; stopping services');
  });
});

describe('tail', () => {
  it('prints new lines prefixed by the service, holds a partial line until it ends, and reports how far it printed', () => {
    const dir = scratchDir('tail');
    const file = join(dir, 'api.log');
    writeFileSync(file, 'from an earlier run\n');
    const printed: string[] = [];
    const tailer = createLogTailer((line) => printed.push(line));
    tailer.follow('api', file, 'from an earlier run\n'.length);
    appendFileSync(file, 'booting\r\nlisten');
    tailer.drain();
    expect(printed).toEqual(['api | booting']);
    appendFileSync(file, 'ing on 3000\n::error::x\nlast');
    const offsets = tailer.stop();
    expect(printed).toEqual(['api | booting', 'api | listening on 3000', 'api | ::error::x', 'api | last']);
    expect(offsets).toEqual({ api: 'from an earlier run\nbooting\r\nlistening on 3000\n::error::x\nlast'.length });
  });
});

describe('entry modules', () => {
  it('run only as the process main script, not when @github/local-action imports them', () => {
    const url = new URL('../../src/entries/main.ts', import.meta.url).href;
    expect(isMainScript(url, new URL(url).pathname)).toBe(true);
    expect(isMainScript(url, '/usr/lib/node_modules/@github/local-action/src/index.ts')).toBe(false);
    expect(isMainScript(url, undefined)).toBe(false);
    // Started through a symlink (the path Node loaded is the real one): the file system decides.
    const link = join(scratchDir('entry-link'), 'main.ts');
    symlinkSync(new URL(url).pathname, link);
    expect(isMainScript(url, link)).toBe(true);
    expect(isMainScript(url, join(scratchDir('entry-link'), 'no-such-file.ts'))).toBe(false);
  });

  it('export run() and start nothing when imported (dist/main.cjs, dist/post.cjs)', async () => {
    const exitCode = process.exitCode;
    for (const entry of ['main', 'post']) {
      const module = await import(new URL(`../../dist/${entry}.cjs`, import.meta.url).href);
      expect(typeof module.run).toBe('function');
    }
    // Had main run here, it would have found no services and failed the process.
    expect(process.exitCode).toBe(exitCode);
  });
});
