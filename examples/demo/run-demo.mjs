// `npm run demo`: bgsvc runs the demo services around check.mjs, then this
// script proves from /proc that nothing bgsvc started is still running.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const stateDir = mkdtempSync(join(tmpdir(), 'bgsvc-demo-'));
console.log(`demo: bgsvc run -c examples/demo/bgsvc.yml -- node examples/demo/check.mjs (state in ${stateDir})\n`);
const run = spawnSync(
  process.execPath,
  ['dist/cli.cjs', 'run', '-c', 'examples/demo/bgsvc.yml', '--', 'node', 'examples/demo/check.mjs'],
  { stdio: 'inherit', env: { ...process.env, BGSVC_STATE_DIR: stateDir } },
);
const { id } = JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8'));
const left = process.platform === 'linux' ? processesCarrying(`BGSVC_ID=${id}`) : [];
console.log(`\ndemo: bgsvc exited with code ${run.status}; processes left carrying BGSVC_ID=${id}: ${left.length}`);
console.log(`demo: logs are in ${join(stateDir, 'logs')}`);
process.exitCode = run.status === 0 && left.length === 0 ? 0 : 1;

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
