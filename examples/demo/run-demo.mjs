// `npm run demo`: bgsvc runs the demo services around check.mjs, then this
// script proves from /proc that nothing bgsvc started is still running.
// Its state and logs go to a temp folder that is removed afterwards, unless
// asked to keep it (`npm run demo -- --keep` or BGSVC_DEMO_KEEP=1) or the
// demo failed: then it says where they are.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const keepAsked = process.argv.includes('--keep') || process.env.BGSVC_DEMO_KEEP === '1';
const stateDir = mkdtempSync(join(tmpdir(), 'bgsvc-demo-'));
// Ctrl-C reaches bgsvc too, which stops the services: wait for it, then clean up.
process.on('SIGINT', () => {});
console.log(`demo: bgsvc run -c examples/demo/bgsvc.yml -- node examples/demo/check.mjs (state in ${stateDir})\n`);
const run = spawnSync(
  process.execPath,
  ['dist/cli.cjs', 'run', '-c', 'examples/demo/bgsvc.yml', '--', 'node', 'examples/demo/check.mjs'],
  { stdio: 'inherit', env: { ...process.env, BGSVC_STATE_DIR: stateDir } },
);
const id = readRunId(join(stateDir, 'state.json'));
const left = id !== undefined && process.platform === 'linux' ? processesCarrying(`BGSVC_ID=${id}`) : [];
console.log(`\ndemo: bgsvc exited with code ${run.status}; processes left carrying BGSVC_ID=${id}: ${left.length}`);
const passed = run.status === 0 && id !== undefined && left.length === 0;
process.exitCode = passed ? 0 : 1;
if (keepAsked || !passed) {
  console.log(`demo: logs are kept in ${join(stateDir, 'logs')}${keepAsked ? '' : ' (the demo failed)'}`);
} else {
  rmSync(stateDir, { recursive: true, force: true });
  console.log('demo: state and logs removed (keep them with: npm run demo -- --keep)');
}

function readRunId(stateFile) {
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8')).id;
  } catch {
    return undefined; // bgsvc never wrote it: the demo failed before any start
  }
}

function processesCarrying(entry) {
  const needle = `\0${entry}\0`;
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return `\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(needle);
    } catch {
      return false;
    }
  });
}
