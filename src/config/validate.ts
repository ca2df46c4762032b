// The whole config, as a plain JS value, to a Plan: shape first, then each
// service, then the checks across services. Issues accumulate; nothing throws here.

import { applyTemplate } from './apply-template.js';
import type { IncludedDocument } from './include.js';
import type { IssueCollector } from './issues.js';
import type { FieldPath, PathSegment } from './field-path.js';
import { portVariable } from './names.js';
import { checkNeeds, checkUniqueNames } from './needs.js';
import { readService, type ServiceDraft } from './service.js';
import { checkTemplate, readTemplates, type Template } from './templates.js';
import { readTopLevel } from './top-level.js';
import type { Environment, Plan, ShellLookup } from './types.js';

export interface ValidateOptions {
  cwd: string;
  issues: IssueCollector;
  shellExists?: ShellLookup;
  /** The environment services inherit, for $VAR in probe targets and `export:` values. */
  environment?: Environment;
  /** The files the config includes (include.ts has read them), for their templates. */
  included?: readonly IncludedDocument[];
}

export function validateConfig(root: unknown, options: ValidateOptions): Plan {
  const { issues } = options;
  const included = options.included ?? [];
  const templates = new Map<string, Template>();
  readTemplates(root, issues, templates);
  for (const document of included) readTemplates(document.root, document.issues, templates);
  const top = readTopLevel(root, issues);
  if (top === undefined) return { source: issues.source, services: [] };
  for (const template of templates.values()) checkTemplate(template, { cwd: options.cwd, defaults: top.defaults, environment: options.environment ?? {} });
  const drafts: ServiceDraft[] = [];
  for (const entry of top.entries) {
    const applied = applyTemplate(entry.value, entry.path, templates, issues);
    const draft = readService(applied.value, entry.path, {
      issues,
      cwd: options.cwd,
      defaults: top.defaults,
      environment: options.environment ?? {},
      paramEnv: applied.paramEnv,
    });
    if (draft === undefined) continue;
    const at = issues.locate(entry.path);
    if (at !== undefined) draft.plan.line = at.line;
    drafts.push(draft);
  }
  checkUniqueNames(drafts, issues);
  checkNeeds(drafts, issues);
  checkUniqueExports(drafts, issues);
  checkNoNulCharacters(root, issues);
  for (const document of included) checkNoNulCharacters(document.root, document.issues);
  if (options.shellExists) checkShells(drafts, options.shellExists, issues);
  return { source: issues.source, services: drafts.map((draft) => draft.plan) };
}

// Later steps see one value per variable: two services exporting the same
// name would leave it to launch order which one wins. Ports are handed on as
// BGSVC_PORT_<NAME>, so `api-v2` and `api_v2` with ports would collide too.
function checkUniqueExports(drafts: ServiceDraft[], issues: IssueCollector): void {
  const first = new Map<string, string>();
  for (const { plan, path } of drafts) {
    if (plan.port !== undefined) {
      const name = portVariable(plan.name);
      const earlier = first.get(name);
      if (earlier === undefined) first.set(name, plan.name);
      else issues.add([...path, 'port'], `its port would be handed on as ${name}, like the port of service "${earlier}"; rename one of the services`);
    }
    for (const name of Object.keys(plan.exports ?? {})) {
      const earlier = first.get(name);
      if (earlier === undefined) first.set(name, plan.name);
      else issues.add([...path, 'export', name], `${JSON.stringify(name)} is already exported by service "${earlier}"; later steps can see only one value: rename one`, { target: 'key' });
    }
  }
}

// A shell that is not there makes every command exit 127 the moment it starts:
// say so now, at the line that names it, before anything runs. A default shell
// inherited by many services is reported once, where it was written.
function checkShells(drafts: ServiceDraft[], shellExists: ShellLookup, issues: IssueCollector): void {
  const reported = new Set<string>();
  for (const { plan, shellPath } of drafts) {
    if (plan.shell === undefined) continue;
    const key = JSON.stringify(shellPath);
    if (reported.has(key) || shellExists(plan.shell, { cwd: plan.cwd, path: plan.env.PATH })) continue;
    reported.add(key);
    issues.add(
      shellPath,
      `the shell ${JSON.stringify(plan.shell)} is not installed or not executable (looked on PATH); ` +
        'install it, give its full path, or remove "shell" to use bash (sh where bash is missing)',
    );
  }
}

// A "\0" escape gets past the parser, but no command line, path or environment
// variable can hold a NUL: the service would fail to spawn after the checks.
// Aliases can make the tree a graph, even a cycle (`&a [*a]`): each object once.
function checkNoNulCharacters(root: unknown, issues: IssueCollector): void {
  const stack: [unknown, FieldPath][] = [[root, []]];
  const seen = new Set<object>();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      if (value.includes('\0')) issues.add(path, 'contains a NUL character ("\\0"), which no command, path or variable can hold');
    } else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value);
      const entries: [PathSegment, unknown][] = Array.isArray(value) ? value.map((item: unknown, index) => [index, item]) : Object.entries(value);
      for (const [key, item] of entries) stack.push([item, [...path, key]]);
    }
  }
}
