// `templates:`: named services without a name (PikoCI's service types), in the
// config or in a file it includes. Each lists the params a service using it
// must give; they reach the service's shell as $param_<name>.

import { describeValue, isMapping, quote } from './describe.js';
import type { FieldPath } from './field-path.js';
import type { IssueCollector } from './issues.js';
import { readService, SERVICE_KEYS, type ServiceDefaults } from './service.js';
import { didYouMean } from './suggest.js';

/** Keys of a service that make no sense in a template. */
const NOT_IN_TEMPLATES = ['name', 'template', 'params'];
/** A template may set any service key but these, and lists its params. */
export const TEMPLATE_KEYS = [...SERVICE_KEYS.filter((key) => !NOT_IN_TEMPLATES.includes(key)), 'params'];
/** Params become environment variables (`param_<name>`), so they are spelt like one. */
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Template names are what `template:` refers to; the same letters as a service name. */
const TEMPLATE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$/;

export interface Template {
  name: string;
  /** Its service keys as written (unknown ones and `params` left out). */
  value: Record<string, unknown>;
  /** The params a service must give, in the order listed. */
  params: string[];
  /** `templates.<name>` in the document `issues` locates. */
  path: FieldPath;
  /** The collector of the document that defines it (the config, or an included file). */
  issues: IssueCollector;
}

/**
 * Adds the `templates:` of one document to `known`, reporting every problem
 * where it is written; a name defined twice (in any two files) is an error at
 * the second, naming the first.
 */
export function readTemplates(root: unknown, issues: IssueCollector, known: Map<string, Template>): void {
  if (!isMapping(root) || root.templates === undefined) return;
  const templates = root.templates;
  if (!isMapping(templates)) {
    issues.add(['templates'], `expected a mapping of template names to services without a name (templates: {postgres: {command: …}}), got ${describeValue(templates)}`);
    return;
  }
  for (const [name, value] of Object.entries(templates)) {
    const path: FieldPath = ['templates', name];
    if (!TEMPLATE_NAME.test(name)) {
      issues.add(path, `invalid template name ${quote(name)}: use 1-64 of A-Z a-z 0-9 . _ -`, { target: 'key' });
      continue;
    }
    const earlier = known.get(name);
    if (earlier !== undefined) {
      const where = earlier.issues.where(earlier.path, 'key');
      issues.add(path, `template ${quote(name)} is already defined at ${where}; template names must be unique across the config and the files it includes`, { target: 'key' });
      continue;
    }
    if (!isMapping(value)) {
      issues.add(path, `expected a service without a name (command, wait-on, params, …), got ${describeValue(value)}`);
      continue;
    }
    known.set(name, { name, value: knownKeys(value, path, issues), params: readParamNames(value.params, [...path, 'params'], issues), path, issues });
  }
}

/**
 * Checks a template's values once, where it is written, whether or not a
 * service uses it yet. A name and (when it has none) a command stand in for
 * what each service gives; they are never reported.
 */
export function checkTemplate(
  template: Template,
  context: { cwd: string; defaults: ServiceDefaults; environment: Readonly<Record<string, string | undefined>> },
): void {
  const value = { ...template.value, name: 'template', command: template.value.command ?? 'true' };
  // Its params stand in as port-shaped values, the widest a probe target could need.
  const paramEnv = Object.fromEntries(template.params.map((param) => [`param_${param}`, '65535']));
  readService(value, template.path, { issues: template.issues, cwd: context.cwd, defaults: context.defaults, environment: context.environment, paramEnv });
}

// Unknown keys are reported here, once, and left out, so the services that use
// the template do not report them again at their own lines.
function knownKeys(value: Record<string, unknown>, path: FieldPath, issues: IssueCollector): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'params') continue;
    if (TEMPLATE_KEYS.includes(key)) {
      kept[key] = item;
      continue;
    }
    let message: string;
    if (key === 'name') message = '"name" does not belong in a template: each service that uses it gives its own';
    else if (key === 'template') message = 'a template cannot use another template; copy the keys it needs';
    else message = `unknown key ${quote(key)}${didYouMean(key, TEMPLATE_KEYS) || ` (allowed: ${TEMPLATE_KEYS.join(', ')})`}`;
    issues.add(path, message, { at: [...path, key], target: 'key' });
  }
  return kept;
}

function readParamNames(value: unknown, path: FieldPath, issues: IssueCollector): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.add(path, `expected a list of param names (params: [version, port]), got ${describeValue(value)}`);
    return [];
  }
  const names: string[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string' || !PARAM_NAME.test(item)) {
      const got = typeof item === 'string' ? quote(item) : describeValue(item);
      issues.add([...path, index], `invalid param name ${got}: letters, digits and "_", not starting with a digit (it becomes $param_<name>)`);
    } else if (names.includes(item)) {
      issues.add([...path, index], `param ${quote(item)} is listed twice`);
    } else {
      names.push(item);
    }
  });
  return names;
}
