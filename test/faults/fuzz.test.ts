// Fuzzing the config loader (issue 4): random mutations of valid configs must
// end in either a valid Plan or a ConfigError, never another exception, and
// never take more than a second. Fixed seed in CI; for a longer run:
//   BGSVC_FUZZ_CASES=20000 BGSVC_FUZZ_SEED=123 npx vitest run test/faults/fuzz
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig, type Plan } from '../../src/config/index.js';
import { checkServiceName } from '../../src/config/names.js';
import { BASE_CONFIG, BASE_YAML } from './lib/corpus.js';
import { mutateConfig } from './lib/mutate.js';
import { countFrom, createRandom, seedFrom } from './lib/random.js';
import { scratchDir } from '../helpers/scratch.js';

const DEFAULT_SEED = 0x0b65c4;
const DEFAULT_CASES = 500;
const SEED = seedFrom(process.env.BGSVC_FUZZ_SEED, DEFAULT_SEED);
const CASES = countFrom(process.env.BGSVC_FUZZ_CASES, DEFAULT_CASES, 'BGSVC_FUZZ_CASES');
const CPU_LIMIT_MS = 1000;
// Wall time includes waiting for a busy CPU: it only has to rule out hangs.
const WALL_LIMIT_MS = 3000;
const DAY_MS = 24 * 3600 * 1000;

const FIXTURES = resolve(import.meta.dirname, '../fixtures/config/valid');
const bases: Buffer[] = [
  Buffer.from(BASE_YAML),
  Buffer.from(`${JSON.stringify(BASE_CONFIG, null, 2)}\n`),
  ...readdirSync(FIXTURES)
    .sort()
    .map((name) => readFileSync(join(FIXTURES, name))),
];

/** Each case has its own seed, so one case can be replayed without the ones before it. */
function caseSeed(seed: number, index: number): number {
  return (seed + Math.imul(index + 1, 0x9e3779b9)) >>> 0;
}

/** Why an accepted plan is not one the rest of bgsvc can trust, or undefined. */
function planProblem(plan: Plan): string | undefined {
  if (plan.services.length === 0) return 'a plan with no services';
  const names = new Set<string>();
  for (const service of plan.services) {
    const bad = checkServiceName(service.name);
    if (bad !== undefined) return `unsafe name ${JSON.stringify(service.name)}: ${bad}`;
    if (names.has(service.name)) return `duplicate name ${service.name}`;
    names.add(service.name);
    if (typeof service.command !== 'string' || service.command.trim() === '') return `${service.name}: empty command`;
    const strings = [service.command, service.cwd, service.shell ?? '', service.stop ?? '', ...Object.keys(service.env), ...Object.values(service.env)];
    if (strings.some((text) => typeof text !== 'string' || text.includes('\0'))) return `${service.name}: a string with a NUL`;
    if (!isAbsolute(service.cwd)) return `${service.name}: relative cwd`;
    if (!(service.timeoutMs > 0 && service.timeoutMs <= DAY_MS)) return `${service.name}: timeout ${service.timeoutMs}`;
    if (!(service.stopTimeoutMs >= 0 && service.stopTimeoutMs <= DAY_MS)) return `${service.name}: stop-timeout ${service.stopTimeoutMs}`;
    for (const probe of service.probes) {
      if (probe.kind === 'tcp' && !(Number.isInteger(probe.port) && probe.port >= 1 && probe.port <= 65_535)) return `${service.name}: port ${probe.port}`;
      if (probe.kind === 'delay' && !(probe.ms >= 0 && probe.ms <= DAY_MS)) return `${service.name}: delay ${probe.ms}`;
    }
  }
  for (const service of plan.services) {
    const unknown = service.needs.find((need) => !names.has(need) || need === service.name);
    if (unknown !== undefined) return `${service.name}: needs ${JSON.stringify(unknown)}`;
  }
  return undefined;
}

interface Outcome {
  kind: 'plan' | 'config-error';
  issues: number;
}

function runCase(dir: string, index: number, bytes: Buffer): Outcome {
  const file = `f${index}.yml`;
  writeFileSync(join(dir, file), bytes);
  // Alternately as a file and as inline text (the action's `services:` input).
  const inline = index % 2 === 1;
  const source = inline ? 'input "services"' : file;
  let result: Plan;
  try {
    result = inline ? parseConfig(bytes.toString('utf8'), { source, cwd: dir }) : loadConfig({ cwd: dir, file });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (error.issues.length === 0) throw new Error('a ConfigError without issues');
    for (const issue of error.issues) {
      if (issue.source !== source) throw new Error(`an issue names ${JSON.stringify(issue.source)}, not ${source}`);
      if (issue.message.trim() === '') throw new Error('an issue without a message');
    }
    return { kind: 'config-error', issues: error.issues.length };
  }
  const problem = planProblem(result);
  if (problem !== undefined) throw new Error(`accepted a plan bgsvc cannot use: ${problem}`);
  return { kind: 'plan', issues: 0 };
}

describe(`config fuzzing (seed ${SEED}, ${CASES} cases)`, () => {
  it('turns every mutation of a valid config into a Plan or a ConfigError, each within a second', () => {
    const dir = scratchDir('fuzz');
    const counts = { plan: 0, 'config-error': 0 };
    let slowest = { cpuMs: 0, ms: 0, index: -1 };
    for (let index = 0; index < CASES; index++) {
      const random = createRandom(caseSeed(SEED, index));
      const base = random.pick(bases);
      const mutation = mutateConfig(base, random, bases);
      const reproduce = () =>
        [
          `fuzz case ${index} of seed ${SEED} (replay: BGSVC_FUZZ_SEED=${SEED} BGSVC_FUZZ_CASES=${index + 1})`,
          `mutations: ${mutation.describe}`,
          `input (base64): ${mutation.bytes.toString('base64').slice(0, 4000)}`,
        ].join('\n');
      const started = performance.now();
      const cpu = process.cpuUsage();
      let outcome: Outcome;
      try {
        outcome = runCase(dir, index, mutation.bytes);
      } catch (error) {
        throw new Error(`${reproduce()}\nthrew: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      const ms = performance.now() - started;
      if (cpuMs >= CPU_LIMIT_MS || ms >= WALL_LIMIT_MS) {
        throw new Error(`${reproduce()}\ntook ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms of CPU)`);
      }
      if (cpuMs > slowest.cpuMs) slowest = { cpuMs, ms, index };
      counts[outcome.kind]++;
    }
    console.info(
      `fuzz seed ${SEED}: ${CASES} cases, ${counts.plan} valid plans, ${counts['config-error']} config errors; ` +
        `slowest case ${slowest.index}: ${slowest.cpuMs.toFixed(0)} ms CPU, ${slowest.ms.toFixed(0)} ms wall`,
    );
    expect(counts.plan + counts['config-error']).toBe(CASES);
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    if (CASES >= 100) {
      expect(counts.plan).toBeGreaterThan(0);
      expect(counts['config-error']).toBeGreaterThan(0);
    }
  });
});
