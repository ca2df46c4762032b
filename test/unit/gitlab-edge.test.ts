// The GitLab rendering: section markers byte for byte, and which log tails a
// job log gets for each policy and CI_JOB_STATUS.

import { describe, expect, it } from 'vitest';
import type { BgsvcEvent, ServiceCost, StopOutcome } from '../../src/app/events.js';
import { runCli } from '../../src/edges/cli.js';
import { createGitlabEmitter } from '../../src/edges/gitlab.js';
import { logsForJobStatus } from '../../src/edges/gitlab-job-status.js';
import { neutralizeMarkers, sectionEnd, sectionStart, toSectionName } from '../../src/edges/gitlab-sections.js';
import type { LogsPolicy } from '../../src/edges/terminal.js';
import { scratchDir } from '../helpers/scratch.js';
import { currentPlatform } from '../../src/process/index.js';

const ESC = '\u001b';
const AT_MS = 1_700_000_000_500;

function render(events: BgsvcEvent[], logs: LogsPolicy = 'failure'): string {
  let out = '';
  const emit = createGitlabEmitter({ write: (text) => (out += text), color: false, logs, elapsed: () => 1500, now: () => AT_MS });
  for (const event of events) emit(event);
  return out;
}

function stopped(service: string, outcome: StopOutcome, logTail = ['line one', 'line two'], cost?: ServiceCost): BgsvcEvent {
  return { type: 'stopped', service, outcome, logFile: `/p/.bgsvc/logs/${service}.log`, logTail, ...(cost && { cost }) };
}

const clean: StopOutcome = { kind: 'stopped', signal: 'SIGTERM', ms: 12 };
const crashed: StopOutcome = { kind: 'exited', code: 3, signal: null, afterStartMs: 800, atMs: 0, daemonized: false };

describe('section markers', () => {
  it('writes the start marker GitLab documents, collapsed on request', () => {
    expect(sectionStart('bgsvc_log_api', 'api log', { collapsed: true, at: 1700000000 })).toBe(
      `${ESC}[0Ksection_start:1700000000:bgsvc_log_api[collapsed=true]\r${ESC}[0Kapi log\n`,
    );
    expect(sectionStart('x', 'h', { collapsed: false, at: 5 })).toBe(`${ESC}[0Ksection_start:5:x\r${ESC}[0Kh\n`);
    expect(sectionEnd('bgsvc_log_api', 1700000001)).toBe(`${ESC}[0Ksection_end:1700000001:bgsvc_log_api\r${ESC}[0K\n`);
  });

  it.each([
    ['bgsvc_log_api', 'bgsvc_log_api'],
    ['bgsvc_log_my.svc-2', 'bgsvc_log_my.svc-2'],
    ['log of api:3000', 'log_of_api_3000'],
    ['dé[j]à', 'd__j__'],
    ['', 'section'],
  ])('keeps section name %j to [A-Za-z0-9_.-] as %j', (input, expected) => {
    expect(toSectionName(input)).toBe(expected);
  });

  it('strips markers a service wrote into its own log', () => {
    expect(neutralizeMarkers(`${ESC}[0Ksection_end:1:bgsvc_log_api\r${ESC}[0K`)).toBe('section_end:1:bgsvc_log_api');
    expect(neutralizeMarkers(`plain ${ESC}[32mgreen${ESC}[0m`)).toBe(`plain ${ESC}[32mgreen${ESC}[0m`);
  });
});

describe('GitLab emitter', () => {
  it('says a service that died during run at once, its log tail in an open section of its own', () => {
    const out = render([
      {
        type: 'service-died',
        service: 'api',
        code: 3,
        signal: null,
        at: AT_MS,
        afterStartMs: 2100,
        intoCommandMs: 1000,
        logFile: '/p/.bgsvc/logs/api.log',
        logTail: ['lost the connection to db'],
        failFast: true,
      },
      { type: 'command-stopping', because: 'api', signal: 'SIGTERM', graceMs: 10_000 },
    ]);
    expect(out).toBe(
      '+1.50s error: api exited with code 3 while the command ran (1s into it, 2.1s after api started): it no longer serves\n' +
        sectionStart('bgsvc_died_api', 'api: last 1 line of /p/.bgsvc/logs/api.log', { collapsed: false, at: Math.floor(AT_MS / 1000) }) +
        'lost the connection to db\n' +
        sectionEnd('bgsvc_died_api', Math.floor(AT_MS / 1000)) +
        '+1.50s --fail-fast: stopping the command because api died: SIGTERM to its process tree, SIGKILL after 10s\n',
    );
  });

  it('prints the stop line for a clean service and no log by default', () => {
    const out = render([stopped('api', clean)]);
    expect(out).toBe('+1.50s api stopped (SIGTERM, 12ms)\n');
  });

  it('ends the stop line with what the service cost, marking a lower bound', () => {
    const whole = render([stopped('api', clean, [], { peakMemoryBytes: 246 * 1024 * 1024, cpuMs: 1402, complete: true })]);
    expect(whole).toBe('+1.50s api stopped (SIGTERM, 12ms); peak 246 MB, CPU 1.4s\n');
    const partial = render([stopped('api', clean, [], { peakMemoryBytes: null, cpuMs: 80, complete: false })]);
    expect(partial).toBe('+1.50s api stopped (SIGTERM, 12ms); peak unknown, CPU ≥ 80ms\n');
  });

  it('puts a crashed service log tail in its own collapsed section', () => {
    const out = render([stopped('api', clean), stopped('worker', crashed)]);
    expect(out).toContain('worker had exited with code 3');
    expect(out).not.toContain('bgsvc_log_api');
    expect(out).toContain(
      `${ESC}[0Ksection_start:1700000000:bgsvc_log_worker[collapsed=true]\r${ESC}[0Kworker: last 2 lines of /p/.bgsvc/logs/worker.log\n` +
        'line one\nline two\n' +
        `${ESC}[0Ksection_end:1700000000:bgsvc_log_worker\r${ESC}[0K\n`,
    );
  });

  it('gives every service its own section with --logs always, and none with never', () => {
    const always = render([stopped('api', clean), stopped('db', clean)], 'always');
    expect(always.match(/section_start:\d+:bgsvc_log_(\w+)\[collapsed=true\]/g)).toEqual([
      'section_start:1700000000:bgsvc_log_api[collapsed=true]',
      'section_start:1700000000:bgsvc_log_db[collapsed=true]',
    ]);
    expect(always.match(/section_end:\d+:bgsvc_log_\w+/g)).toHaveLength(2);
    expect(render([stopped('worker', crashed)], 'never')).not.toContain('section_start');
  });

  it('says an empty log is empty instead of opening an empty section', () => {
    expect(render([stopped('api', clean, [])], 'always')).toContain('(log is empty: /p/.bgsvc/logs/api.log)');
  });

  it('shows the tail of a service that failed to start in an open section', () => {
    const out = render([
      {
        type: 'failed',
        service: 'api',
        reason: 'exited',
        message: 'api exited with code 3 before it was ready',
        logFile: '/p/.bgsvc/logs/api.log',
        logTail: ['config missing DATABASE_URL'],
      },
    ]);
    expect(out).toBe(
      '+1.50s api failed: api exited with code 3 before it was ready\n' +
        `${ESC}[0Ksection_start:1700000000:bgsvc_failed_api\r${ESC}[0Kapi: last 1 line of /p/.bgsvc/logs/api.log\n` +
        'config missing DATABASE_URL\n' +
        `${ESC}[0Ksection_end:1700000000:bgsvc_failed_api\r${ESC}[0K\n`,
    );
  });

  it('renders the other events as the terminal does', () => {
    const out = render([
      { type: 'config', source: 'bgsvc.yml', services: ['api'] },
      { type: 'started', service: 'api', pid: 42, command: 'node api.js', logFile: '/p/.bgsvc/logs/api.log' },
      { type: 'ready', service: 'api', ms: 830, probes: ['tcp:3000'] },
    ]);
    expect(out).toBe(
      '+1.50s config bgsvc.yml: api\n+1.50s api started (pid 42), log /p/.bgsvc/logs/api.log\n+1.50s api ready in 830ms (tcp:3000)\n',
    );
  });
});

describe('CI_JOB_STATUS in after_script', () => {
  it.each([
    [{ GITLAB_CI: 'true', CI_JOB_STATUS: 'failed' }, { status: 'failed', logs: 'always' }],
    [{ GITLAB_CI: 'true', CI_JOB_STATUS: 'canceled' }, { status: 'canceled', logs: 'always' }],
    [{ GITLAB_CI: 'true', CI_JOB_STATUS: 'success' }, undefined],
    [{ GITLAB_CI: 'true', CI_JOB_STATUS: 'running' }, undefined],
    [{ GITLAB_CI: 'true' }, undefined],
    [{ CI_JOB_STATUS: 'failed' }, undefined],
  ])('%j → %j', (env, expected) => {
    expect(logsForJobStatus(env)).toEqual(expected);
  });
});

describe('bgsvc stop on GitLab', () => {
  async function stop(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
    let err = '';
    const cwd = scratchDir('gl-unit');
    const io = { stdout: { write: () => true }, stderr: { write: (text: string) => (err += text) }, cwd, platform: currentPlatform() };
    const code = await runCli(['stop', ...args], { ...io, env: { NO_COLOR: '1', CI_PROJECT_DIR: cwd, ...env } });
    expect(code).toBe(0);
    return err;
  }

  it('says it prints every log when after_script runs for a failed job', async () => {
    const out = await stop([], { GITLAB_CI: 'true', CI_JOB_STATUS: 'failed' });
    expect(out).toMatch(/CI_JOB_STATUS=failed: printing every service's log\n.*nothing to stop: no state file at .*\.bgsvc/);
  });

  it('lets an explicit --logs win over CI_JOB_STATUS', async () => {
    expect(await stop(['--logs', 'never'], { GITLAB_CI: 'true', CI_JOB_STATUS: 'failed' })).not.toMatch(/CI_JOB_STATUS/);
  });

  it('ignores CI_JOB_STATUS outside GitLab', async () => {
    expect(await stop([], { CI_JOB_STATUS: 'failed' })).not.toMatch(/CI_JOB_STATUS/);
  });
});
