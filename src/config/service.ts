// One service entry (`- name: api …`) to a ServicePlan, reporting every bad field.
// Cross-service checks (unique names, needs) happen later, over all drafts.

import { resolve } from 'node:path';
import { describeValue, isMapping, quote } from './describe.js';
import type { IssueCollector } from './issues.js';
import type { FieldPath } from './field-path.js';
import {
  readDuration, readEnv, readExports, readName, readNeeds, readPort, readProbes, readSignal, readText,
} from './service-fields.js';
import { serviceScope } from './service-variables.js';
import { didYouMean } from './suggest.js';
import { DEFAULT_STOP_SIGNAL, type ServicePlan } from './types.js';

export const SERVICE_KEYS = [
  'name', 'command', 'cwd', 'env', 'needs', 'wait-on', 'timeout', 'stop', 'stop-signal', 'stop-timeout', 'shell', 'settle', 'ready',
  'port', 'export',
  // Read by apply-template.ts before the service is: the template it fills in, and with what.
  'template', 'params',
] as const;

/** What a task (`ready: exit`) has no use for: it is ready when it exits, and then nothing of it is left to stop. */
const NOT_FOR_TASKS = ['wait-on', 'settle', 'stop', 'stop-signal', 'stop-timeout'] as const;

/** Values that apply to every service unless it sets its own. */
export interface ServiceDefaults {
  shell: string | undefined;
  /** Where the default shell was written, for pointing at it when it does not exist. */
  shellPath: FieldPath;
  timeoutMs: number;
  stopTimeoutMs: number;
  settleMs: number;
}

export interface ServiceDraft {
  path: FieldPath;
  plan: ServicePlan;
  /** False when the name is missing or invalid: it then takes part in no cross-service check. */
  hasValidName: boolean;
  /** The name as written even when invalid, so `needs` on it is not reported a second time. */
  writtenName: string | undefined;
  /** Where each `needs` entry was written, for pointing at it. */
  needs: { name: string; path: FieldPath }[];
  /** Where the service's shell was written: its own `shell`, or the default's. */
  shellPath: FieldPath;
}

interface Context {
  issues: IssueCollector;
  cwd: string;
  defaults: ServiceDefaults;
  /** The environment the service inherits, for $VAR in probe targets and exports; the edges pass it. */
  environment: Readonly<Record<string, string | undefined>>;
  /** A template's params, as `param_<name>` variables of the service's environment. */
  paramEnv?: Readonly<Record<string, string>>;
}

export function readService(value: unknown, path: FieldPath, context: Context): ServiceDraft | undefined {
  const { issues } = context;
  if (!isMapping(value)) {
    const hint = typeof value === 'string' ? '; for plain command strings use "background:" instead' : '';
    issues.add(path, `expected a service mapping (name, command, …), got ${describeValue(value)}${hint}`);
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!(SERVICE_KEYS as readonly string[]).includes(key)) {
      const hint = didYouMean(key, SERVICE_KEYS) || ` (allowed: ${SERVICE_KEYS.join(', ')})`;
      issues.add(path, `unknown key ${quote(key)}${hint}`, { at: [...path, key], target: 'key' });
    }
  }
  const field = (key: string): FieldPath => [...path, key];
  const name = readName(value.name, path, issues);
  const command = readText(value, 'command', path, issues, { required: 'the shell command that starts the service' });
  const cwd = readText(value, 'cwd', path, issues);
  const timeoutMs = readDuration(value.timeout, field('timeout'), issues, { allowZero: false });
  const stopTimeoutMs = readDuration(value['stop-timeout'], field('stop-timeout'), issues, { allowZero: true });
  const stopSignal = readSignal(value['stop-signal'], field('stop-signal'), issues);
  const settleMs = readDuration(value.settle, field('settle'), issues, { allowZero: true });
  const shell = readText(value, 'shell', path, issues);
  const needs = readNeeds(value.needs, field('needs'), issues);
  const task = readReady(value, path, issues);
  const env = { ...readEnv(value.env, field('env'), issues), ...context.paramEnv };
  const port = readPort(value.port, field('port'), issues);
  if (port !== undefined && env.PORT !== undefined) {
    issues.add(field('env'), '"PORT" is set by "port:" (bgsvc gives the service its port as $PORT); remove one of them', { at: [...field('env'), 'PORT'], target: 'key' });
  }
  // An invalid port was reported above; it still stands in for $PORT, so its uses are not reported too.
  const scope = serviceScope({ environment: context.environment, env, name: name ?? '', port: value.port !== undefined && port === undefined ? 'auto' : port });
  const waitOn = readProbes(value['wait-on'], field('wait-on'), issues, scope);
  const exports = readExports(value.export, field('export'), issues, scope);
  const plan: ServicePlan = {
    name: name ?? '',
    command: command ?? '',
    shell: shell ?? context.defaults.shell,
    cwd: resolve(context.cwd, cwd ?? '.'),
    env,
    needs: [...new Set(needs.map((need) => need.name))],
    probes: waitOn.probes,
    ...(waitOn.atLaunch ? { probesAtLaunch: waitOn.atLaunch } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(Object.keys(exports).length > 0 ? { exports } : {}),
    timeoutMs: timeoutMs ?? context.defaults.timeoutMs,
    settleMs: settleMs ?? context.defaults.settleMs,
    stop: readText(value, 'stop', path, issues),
    stopSignal: stopSignal ?? DEFAULT_STOP_SIGNAL,
    stopTimeoutMs: stopTimeoutMs ?? context.defaults.stopTimeoutMs,
    ...(task ? { task: true } : {}),
  };
  const writtenName = typeof value.name === 'string' ? value.name : undefined;
  const shellPath = shell !== undefined ? field('shell') : context.defaults.shellPath;
  return { path, plan, hasValidName: name !== undefined, writtenName, needs, shellPath };
}

// `ready: exit`: a one-shot task (migrations, seeding, a build), ready when its
// command exits 0. The only value: a service is otherwise ready by its
// wait-on probes, or by outliving its settle time.
function readReady(value: Record<string, unknown>, path: FieldPath, issues: IssueCollector): boolean {
  if (value.ready === undefined) return false;
  if (value.ready !== 'exit') {
    issues.add([...path, 'ready'], `expected "exit" (a one-shot task: ready when its command exits 0), got ${describeValue(value.ready)}; leave it out for a service that keeps running`);
    return false;
  }
  for (const key of NOT_FOR_TASKS) {
    if (value[key] !== undefined) {
      issues.add([...path, key], `${quote(key)} does not apply to a task (ready: exit): it is ready when its command exits 0, and then nothing of it is left to stop`, {
        target: 'key',
      });
    }
  }
  return true;
}
