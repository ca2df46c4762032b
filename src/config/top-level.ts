// The three accepted document shapes, reduced to one list of service entries:
//   commands: / services:                  bgsvc's own (services is an alias)
//   backgroundDirectives: {shell, commands} LambdaTest HyperExecute's, verbatim
//   background: ["npx static-server", …]   a flat list of command strings

import { describeValue, isMapping, quote } from './describe.js';
import type { IssueCollector } from './issues.js';
import { deriveServiceNames } from './names.js';
import type { FieldPath } from './field-path.js';
import { SERVICE_KEYS, type ServiceDefaults } from './service.js';
import { readDuration, readText } from './service-fields.js';
import { suggest } from './suggest.js';
import { DEFAULT_SETTLE_MS, DEFAULT_STOP_TIMEOUT_MS, DEFAULT_TIMEOUT_MS } from './types.js';

const FORM_KEYS = ['commands', 'services', 'backgroundDirectives', 'background'] as const;
const DEFAULT_KEYS = ['shell', 'timeout', 'stop-timeout', 'settle'] as const;
// `include` and `templates` are read by include.ts and templates.ts.
const TOP_LEVEL_KEYS = ['$schema', ...DEFAULT_KEYS, ...FORM_KEYS, 'include', 'templates'];
const DIRECTIVES_KEYS = [...DEFAULT_KEYS, 'commands'];

export interface ServiceEntries {
  defaults: ServiceDefaults;
  /** Raw service mappings and where they were written. */
  entries: { value: unknown; path: FieldPath }[];
}

export function readTopLevel(root: unknown, issues: IssueCollector): ServiceEntries | undefined {
  if (!isMapping(root)) {
    const hint = Array.isArray(root) ? '; put service entries under "commands:" (or command strings under "background:")' : '';
    issues.add([], `expected a mapping with a "commands:" list at the top, got ${describeValue(root)}${hint}`);
    return undefined;
  }
  const suggested = reportUnknownKeys(root, [], TOP_LEVEL_KEYS, issues);
  if (root.$schema !== undefined && typeof root.$schema !== 'string') {
    issues.add(['$schema'], `expected a string (the schema URL or path), got ${describeValue(root.$schema)}`);
  }
  const forms = FORM_KEYS.filter((key) => root[key] !== undefined);
  const [form, ...extra] = forms;
  if (form === undefined) {
    // `comands:` already got "did you mean"; saying it is missing too would be noise.
    if (!suggested.some((key) => (FORM_KEYS as readonly string[]).includes(key))) {
      issues.add([], 'missing "commands": a list of services, each with a name and a command');
    }
    return undefined;
  }
  for (const other of extra) {
    issues.add([other], `"${other}" cannot be combined with "${form}"; use one list of services per file`, { target: 'key' });
  }
  if (form === 'backgroundDirectives') return readDirectives(root, issues);
  const defaults = readDefaults(root, [], issues);
  if (form === 'background') return { defaults, entries: readBackground(root.background, issues) };
  return { defaults, entries: readServiceList(root[form], [form], issues) };
}

/** Reports unknown keys, with a suggestion where one is close; returns the keys suggested. */
function reportUnknownKeys(
  mapping: Record<string, unknown>,
  path: FieldPath,
  known: readonly string[],
  issues: IssueCollector,
): string[] {
  const suggestions: string[] = [];
  for (const key of Object.keys(mapping)) {
    if (known.includes(key)) continue;
    // A service written at the top level: `command` is closer to that than to `commands`.
    const match = (SERVICE_KEYS as readonly string[]).includes(key) ? undefined : suggest(key, known);
    let message: string;
    if ((SERVICE_KEYS as readonly string[]).includes(key)) {
      message = `${quote(key)} is a service key; put services in a "commands:" list`;
    } else if (match !== undefined) {
      suggestions.push(match);
      message = `unknown key ${quote(key)}; did you mean ${JSON.stringify(match)}?`;
    } else {
      message = `unknown key ${quote(key)} (allowed: ${known.join(', ')})`;
    }
    issues.add(path, message, { at: [...path, key], target: 'key' });
  }
  return suggestions;
}

function readDefaults(mapping: Record<string, unknown>, path: FieldPath, issues: IssueCollector): ServiceDefaults {
  return {
    shell: readText(mapping, 'shell', path, issues),
    shellPath: [...path, 'shell'],
    settleMs: readDuration(mapping.settle, [...path, 'settle'], issues, { allowZero: true }) ?? DEFAULT_SETTLE_MS,
    timeoutMs: readDuration(mapping.timeout, [...path, 'timeout'], issues, { allowZero: false }) ?? DEFAULT_TIMEOUT_MS,
    stopTimeoutMs:
      readDuration(mapping['stop-timeout'], [...path, 'stop-timeout'], issues, { allowZero: true }) ?? DEFAULT_STOP_TIMEOUT_MS,
  };
}

// HyperExecute keeps its defaults inside the block, so nothing else may sit beside it.
function readDirectives(root: Record<string, unknown>, issues: IssueCollector): ServiceEntries | undefined {
  for (const key of DEFAULT_KEYS) {
    if (root[key] !== undefined) {
      issues.add([key], `with "backgroundDirectives", put "${key}" inside it`, { target: 'key' });
    }
  }
  const path: FieldPath = ['backgroundDirectives'];
  const directives = root.backgroundDirectives;
  if (!isMapping(directives)) {
    issues.add(path, `expected a mapping with "commands", got ${describeValue(directives)}`);
    return undefined;
  }
  reportUnknownKeys(directives, path, DIRECTIVES_KEYS, issues);
  const defaults = readDefaults(directives, path, issues);
  if (directives.commands === undefined) {
    issues.add(path, 'missing "commands": a list of services, each with a name and a command');
    return undefined;
  }
  return { defaults, entries: readServiceList(directives.commands, [...path, 'commands'], issues) };
}

function readServiceList(value: unknown, path: FieldPath, issues: IssueCollector): ServiceEntries['entries'] {
  if (value === null || (Array.isArray(value) && value.length === 0)) {
    issues.add(path, 'the list is empty; add at least one service with a name and a command');
    return [];
  }
  if (!Array.isArray(value)) {
    // docker-compose writes services as a mapping keyed by name; say how ours differ.
    const hint = isMapping(value) ? '; write each service as a list entry: "- name: api"' : '';
    issues.add(path, `expected a list of services, got ${describeValue(value)}${hint}`);
    return [];
  }
  return value.map((item: unknown, index) => ({ value: item, path: [...path, index] }));
}

// Entries become `{name, command}` so they go through the same service checks;
// their paths stay `background[i]`, which is what the user can find in the file.
function readBackground(value: unknown, issues: IssueCollector): ServiceEntries['entries'] {
  const path: FieldPath = ['background'];
  if (value === null || (Array.isArray(value) && value.length === 0)) {
    issues.add(path, 'the list is empty; add at least one command');
    return [];
  }
  if (!Array.isArray(value)) {
    issues.add(path, `expected a list of command strings, got ${describeValue(value)}`);
    return [];
  }
  const commands: { command: string; path: FieldPath }[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item === 'string' && item.trim() !== '') {
      commands.push({ command: item, path: [...path, index] });
    } else {
      const got = typeof item === 'string' ? 'an empty string' : describeValue(item);
      issues.add([...path, index], `expected a command string, got ${got}; use "commands:" for services with options`);
    }
  });
  const names = deriveServiceNames(commands.map((entry) => entry.command));
  return commands.map((entry, index) => ({ value: { name: names[index], command: entry.command }, path: entry.path }));
}
