// The whole config, as a plain JS value, to a Plan: shape first, then each
// service, then the checks across services. Issues accumulate; nothing throws here.

import { applyTemplate } from './apply-template.js';
import type { IncludedDocument } from './include.js';
import type { IssueCollector } from './issues.js';
import type { FieldPath, PathSegment } from './field-path.js';
import { checkNeeds, checkUniqueNames } from './needs.js';
import { readService, type ServiceDraft } from './service.js';
import { checkTemplate, readTemplates, type Template } from './templates.js';
import { readTopLevel } from './top-level.js';
import type { Plan, ShellLookup } from './types.js';

export interface ValidateOptions {
  cwd: string;
  issues: IssueCollector;
  shellExists?: ShellLookup;
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
  for (const template of templates.values()) checkTemplate(template, { cwd: options.cwd, defaults: top.defaults });
  const drafts: ServiceDraft[] = [];
  for (const entry of top.entries) {
    const applied = applyTemplate(entry.value, entry.path, templates, issues);
    const draft = readService(applied.value, entry.path, { issues, cwd: options.cwd, defaults: top.defaults });
    if (draft === undefined) continue;
    draft.plan.env = { ...draft.plan.env, ...applied.paramEnv };
    const at = issues.locate(entry.path);
    if (at !== undefined) draft.plan.line = at.line;
    drafts.push(draft);
  }
  checkUniqueNames(drafts, issues);
  checkNeeds(drafts, issues);
  checkNoNulCharacters(root, issues);
  for (const document of included) checkNoNulCharacters(document.root, document.issues);
  if (options.shellExists) checkShells(drafts, options.shellExists, issues);
  return { source: issues.source, services: drafts.map((draft) => draft.plan) };
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
