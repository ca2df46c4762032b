// A service that says `template: postgres`: the template's keys under the
// service's own, and its params as `param_<name>` environment variables.

import { describeValue, isMapping, quote } from './describe.js';
import type { FieldPath } from './field-path.js';
import type { IssueCollector } from './issues.js';
import { suggest } from './suggest.js';
import type { Template } from './templates.js';

export interface AppliedTemplate {
  /** The service entry to read: the template's keys, then the service's own over them. */
  value: unknown;
  /** `param_<name>` for each param, for the service's environment. */
  paramEnv: Record<string, string>;
}

/**
 * Merges the template a service names into it. A key the service sets replaces
 * the template's whole value, except `env`, whose variables merge (the
 * service's win): a template's command usually depends on its variables.
 * Issues about keys that came from the template are routed to where the
 * template wrote them.
 */
export function applyTemplate(
  value: unknown,
  path: FieldPath,
  templates: ReadonlyMap<string, Template>,
  issues: IssueCollector,
): AppliedTemplate {
  if (!isMapping(value)) return { value, paramEnv: {} };
  if (value.template === undefined) {
    if (value.params !== undefined) {
      issues.add([...path, 'params'], '"params" fill in a template\'s params; add "template: <name>", or remove them', { target: 'key' });
    }
    return { value, paramEnv: {} };
  }
  const template = findTemplate(value.template, [...path, 'template'], templates, issues);
  if (template === undefined) {
    // Its command was meant to come from the template: "missing command" on top would be noise.
    return { value: { command: 'true', ...value }, paramEnv: {} };
  }
  const paramEnv = readParams(value.params, path, template, issues);
  const merged: Record<string, unknown> = { ...template.value };
  for (const [key, item] of Object.entries(value)) {
    const inherited = merged[key];
    merged[key] = key === 'env' && isMapping(item) && isMapping(inherited) ? { ...inherited, ...item } : item;
  }
  routeInherited(value, path, template, issues);
  checkParamsNotInEnv(merged.env, path, paramEnv, issues);
  return { value: merged, paramEnv };
}

function findTemplate(name: unknown, path: FieldPath, templates: ReadonlyMap<string, Template>, issues: IssueCollector): Template | undefined {
  if (typeof name !== 'string') {
    issues.add(path, `expected a template name, got ${describeValue(name)}`);
    return undefined;
  }
  const template = templates.get(name);
  if (template !== undefined) return template;
  const names = [...templates.keys()];
  if (names.length === 0) {
    issues.add(path, `no template ${quote(name)}: define it under "templates:", here or in a file listed in "include:"`);
  } else {
    const match = suggest(name, names);
    const hint = match === undefined ? '' : `; did you mean ${JSON.stringify(match)}?`;
    issues.add(path, `no template ${quote(name)}${hint} (defined: ${names.join(', ')})`);
  }
  return undefined;
}

// `params: {version: "16"}` against the template's list. Each problem is at
// the service, and names where the template (and its list) is written.
function readParams(given: unknown, path: FieldPath, template: Template, issues: IssueCollector): Record<string, string> {
  const declared = template.params;
  const listed = template.issues.where(declared.length > 0 ? [...template.path, 'params'] : template.path, 'key');
  const about = `(template ${quote(template.name)} at ${listed} takes ${declared.length === 0 ? 'no params' : declared.join(', ')})`;
  if (given !== undefined && !isMapping(given)) {
    issues.add([...path, 'params'], `expected a mapping of param names to values (params: {${declared[0] ?? 'name'}: …}), got ${describeValue(given)} ${about}`);
    return {};
  }
  const env: Record<string, string> = {};
  const guessed = new Set<string>();
  for (const [name, raw] of Object.entries(given ?? {})) {
    const at: FieldPath = [...path, 'params', name];
    if (!declared.includes(name)) {
      const match = suggest(name, declared);
      if (match !== undefined) guessed.add(match);
      const hint = match === undefined ? '' : `; did you mean ${JSON.stringify(match)}?`;
      issues.add(at, `unknown param ${quote(name)}${hint} ${about}`, { target: 'key' });
    } else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
      env[`param_${name}`] = String(raw);
    } else {
      const hint = raw === null ? '; write "" for an empty value' : '';
      issues.add(at, `expected a string, number or boolean, got ${describeValue(raw)}${hint}`);
    }
  }
  // A misspelt param is reported once, as unknown with a suggestion, not also as missing.
  const missing = declared.filter((name) => !(given !== undefined && name in given) && !guessed.has(name));
  if (missing.length > 0) {
    const names = missing.map((name) => quote(name)).join(', ');
    const at = given === undefined ? [...path, 'template'] : [...path, 'params'];
    issues.add(at, `missing ${missing.length === 1 ? 'param' : 'params'} ${names} ${about}`, { target: given === undefined ? 'value' : 'key' });
  }
  return env;
}

// What the service did not set is the template's: a mistake in it is shown
// where the template wrote it. Env variables merge, so they are routed one by one.
function routeInherited(value: Record<string, unknown>, path: FieldPath, template: Template, issues: IssueCollector): void {
  for (const [key, item] of Object.entries(template.value)) {
    const own = value[key];
    if (own === undefined) {
      issues.routeTo([...path, key], template.issues, [...template.path, key]);
    } else if (key === 'env' && isMapping(own) && isMapping(item)) {
      for (const name of Object.keys(item)) {
        if (!(name in own)) issues.routeTo([...path, 'env', name], template.issues, [...template.path, 'env', name]);
      }
    }
  }
}

// Two sources for one variable would leave the reader guessing which wins.
function checkParamsNotInEnv(env: unknown, path: FieldPath, paramEnv: Record<string, string>, issues: IssueCollector): void {
  if (!isMapping(env)) return;
  for (const name of Object.keys(env)) {
    if (name in paramEnv) {
      issues.add([...path, 'env', name], `${quote(name)} is set by params (${name.slice('param_'.length)}); leave it out of env`, { target: 'key' });
    }
  }
}
