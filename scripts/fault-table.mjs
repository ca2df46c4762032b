// Prints the fault matrix's rows (written by test/faults/lib/matrix.ts) as the
// Markdown table that docs/reliability.md holds.
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = process.env.BGSVC_FAULT_RESULTS ?? join(tmpdir(), 'bgsvc-fault-results');
let files = [];
try {
  files = readdirSync(dir).filter((file) => file.endsWith('.json'));
} catch {
  // No results yet.
}
if (files.length === 0) {
  console.error(`no fault-matrix results in ${dir}: run "npm run test:faults" first`);
  process.exit(1);
}
const read = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const rows = files.filter((file) => !file.endsWith('.figures.json')).map(read).sort((a, b) => a.scenario.localeCompare(b.scenario));
const figures = files.filter((file) => file.endsWith('.figures.json'));
const total = (key) => rows.reduce((sum, row) => sum + Number(row[key]), 0);
console.log('| scenario | repetitions | leaks | wrong kills | hangs | worst time |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const row of rows) {
  console.log(`| ${row.scenario} | ${row.reps} | ${row.leaks} | ${row.wrongKills} | ${row.hang ? 1 : 0} | ${(row.ms / 1000).toFixed(2)} s |`);
}
const hangs = rows.filter((row) => row.hang).length;
console.log(`| **all ${rows.length} scenarios** | **${total('reps')}** | **${total('leaks')}** | **${total('wrongKills')}** | **${hangs}** | |`);

// The load tests record figures rather than counts.
for (const file of figures) {
  console.log(`\n${file.replace('.figures.json', '')}: ${Object.entries(read(file)).map(([key, value]) => `${key} ${value}`).join(', ')}`);
}
