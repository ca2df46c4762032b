// The values a start hands to later steps (DESIGN §3 `env`, §4): each ready
// service's `export:` values, and its port as BGSVC_PORT_<NAME>. One model for
// every edge: `bgsvc env`, `<state dir>/env`, GITHUB_ENV and `run`'s command.
import { portVariable } from '../config/names.js';
import type { ReadonlyState } from '../state/index.js';

export type EnvFormat = 'sh' | 'dotenv' | 'json';
export const ENV_FORMATS: readonly EnvFormat[] = ['sh', 'dotenv', 'json'];

/** What the services of `state` that are ready (tasks: done) and not stopped hand on, in config order. */
export function exportedVariables(state: ReadonlyState): Record<string, string> {
  const variables: Record<string, string> = {};
  if (state.stoppedAt !== undefined) return variables;
  for (const record of state.services) {
    if (record.readyAt === undefined || record.stoppedAt !== undefined) continue;
    if (record.port !== undefined) variables[portVariable(record.name)] = String(record.port);
    Object.assign(variables, record.exports);
  }
  return variables;
}

export function formatVariables(variables: Readonly<Record<string, string>>, format: EnvFormat): string {
  const entries = Object.entries(variables);
  switch (format) {
    case 'json':
      return `${JSON.stringify(variables, null, 2)}\n`;
    case 'dotenv':
      return entries.map(([name, value]) => `${name}=${dotenvValue(value)}\n`).join('');
    case 'sh':
      return entries.map(([name, value]) => `export ${name}=${shellQuote(value)}\n`).join('');
  }
}

// Single quotes keep everything literal in sh, bash and zsh; a ' inside ends
// the quote, adds an escaped one and opens it again.
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

// Plain when nothing in it needs care; otherwise double-quoted with the
// escapes dotenv readers (node's dotenv, docker compose) agree on.
function dotenvValue(value: string): string {
  if (/^[\w@%+=:,./?&-]*$/.test(value)) return value;
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n').replaceAll('$', '\\$')}"`;
}
