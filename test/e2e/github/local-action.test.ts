// @github/local-action as a second, independent client of the action: it reads
// action.yml, stubs @actions/core, imports the entry modules and calls their
// exported run(), main then post, in one process. It proves the entries export
// run(), do not run twice when imported, and that state passes from main to post.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/ports.js';
import { killAllWithEnv, pidsWithEnv } from '../../helpers/proc.js';
import { FIXTURES, ROOT } from './harness.js';

const dirs: string[] = [];
const cookies: string[] = [];

afterEach(() => {
  for (const cookie of cookies.splice(0)) killAllWithEnv('BGSVC_ID', cookie);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runLocalAction(dotenv: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(
      'npx',
      ['local-action', 'run', ROOT, 'src/entries/main.ts', dotenv, '--post', 'src/entries/post.ts'],
      // Only what the .env file says: no INPUT_*/GITHUB_* of the environment the tests run in.
      { cwd: ROOT, timeout: 60_000, env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' } },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

describe('the action under @github/local-action', () => {
  it('runs main (services start and get ready) and then post (everything stopped), each once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bgsvc-local-action-'));
    dirs.push(dir);
    const runnerTemp = join(dir, 'runner-temp');
    mkdirSync(runnerTemp);
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const port = await freePort();
    const dotenv = join(dir, '.env');
    writeFileSync(
      dotenv,
      [
        `INPUT_SERVICES="commands:\n  - name: web\n    command: node ${FIXTURES}/http-after.mjs\n    env: { PORT: '${port}', DELAY_MS: '200' }\n    wait-on: http://127.0.0.1:${port}/\n  - name: worker\n    needs: [web]\n    command: echo worker up > ${dir}/worker.flag; exec sleep 1000\n"`,
        'INPUT_LOG-OUTPUT-IF=always',
        `RUNNER_TEMP=${runnerTemp}`,
        `GITHUB_WORKSPACE=${dir}`,
        'GITHUB_ACTION=svc',
        `GITHUB_STEP_SUMMARY=${summary}`,
      ].join('\n') + '\n',
    );

    const { code, output } = await runLocalAction(dotenv);
    const stateFile = join(runnerTemp, 'bgsvc', 'svc', 'state.json');
    if (existsSync(stateFile)) cookies.push(JSON.parse(readFileSync(stateFile, 'utf8')).id);
    expect(code, output).toBe(0);

    const mainPart = output.slice(output.indexOf('Running Action'), output.indexOf('Running Post Step'));
    const postPart = output.slice(output.indexOf('Running Post Step'));
    // Imported, not executed: each entry ran exactly once, through run().
    expect(mainPart.match(/web started \(pid \d+\)/g)).toHaveLength(1);
    expect(mainPart).toMatch(/web ready in \d+ms \(http:\/\/127\.0\.0\.1:\d+\/\)/);
    expect(mainPart).toMatch(/worker ready in/);
    expect(mainPart).toMatch(/::set-output name=services::\{"web":\{"pid":\d+/);
    expect(readFileSync(join(dir, 'worker.flag'), 'utf8')).toBe('worker up\n');
    // State saved by main reached post (local-action keeps it in memory).
    expect(postPart).toMatch(/worker stopped \(SIGTERM/);
    expect(postPart).toMatch(/web stopped \(SIGTERM/);
    expect(postPart).toMatch(/::group::web \(2 lines\)/);
    expect(postPart).not.toMatch(/nothing to stop/);

    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(pidsWithEnv('BGSVC_ID', state.id)).toEqual([]);
    expect(readFileSync(summary, 'utf8')).toMatch(/\| worker \|[\s\S]*```mermaid/);
  });
});
