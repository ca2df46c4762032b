// The whole config, as a plain JS value, to a Plan: shape first, then each
// service, then the checks across services. Issues accumulate; nothing throws here.

import type { IssueCollector } from './issues.js';
import { checkNeeds, checkUniqueNames } from './needs.js';
import { readService, type ServiceDraft } from './service.js';
import { readTopLevel } from './top-level.js';
import type { Plan } from './types.js';

export function validateConfig(root: unknown, options: { cwd: string; issues: IssueCollector }): Plan {
  const { issues } = options;
  const top = readTopLevel(root, issues);
  if (top === undefined) return { source: issues.source, services: [] };
  const drafts: ServiceDraft[] = [];
  for (const entry of top.entries) {
    const draft = readService(entry.value, entry.path, { issues, cwd: options.cwd, defaults: top.defaults });
    if (draft !== undefined) drafts.push(draft);
  }
  checkUniqueNames(drafts, issues);
  checkNeeds(drafts, issues);
  return { source: issues.source, services: drafts.map((draft) => draft.plan) };
}
