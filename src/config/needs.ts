// Checks across services: names are unique, every `needs` names a service, and
// the needs graph has no cycle (start order would not exist).

import { quote } from './describe.js';
import type { IssueCollector } from './issues.js';
import { formatPath } from './field-path.js';
import type { ServiceDraft } from './service.js';
import { suggest } from './suggest.js';

/** Reports repeated names at the repeat, naming where the first one is. */
export function checkUniqueNames(drafts: readonly ServiceDraft[], issues: IssueCollector): void {
  const first = new Map<string, ServiceDraft>();
  for (const draft of drafts) {
    if (!draft.hasValidName) continue;
    const earlier = first.get(draft.plan.name);
    if (earlier === undefined) {
      first.set(draft.plan.name, draft);
      continue;
    }
    const where = issues.locate([...earlier.path, 'name']);
    const at = where === undefined ? formatPath(earlier.path) : `line ${where.line}`;
    issues.add([...draft.path, 'name'], `duplicate name ${quote(draft.plan.name)}: already used at ${at}; names must be unique`);
  }
}

export function checkNeeds(drafts: readonly ServiceDraft[], issues: IssueCollector): void {
  const byName = new Map<string, ServiceDraft>();
  for (const draft of drafts) {
    if (draft.hasValidName && !byName.has(draft.plan.name)) byName.set(draft.plan.name, draft);
  }
  // Their bad names are already reported; "unknown service" on top would be noise.
  const invalidNames = new Set(drafts.filter((draft) => !draft.hasValidName).map((draft) => draft.writtenName));
  for (const draft of drafts) {
    for (const need of draft.needs) {
      if (draft.hasValidName && need.name === draft.plan.name) {
        issues.add(need.path, `a service cannot need itself (${quote(need.name)})`);
      } else if (!byName.has(need.name) && !invalidNames.has(need.name)) {
        issues.add(need.path, unknownServiceMessage(need.name, [...byName.keys()]));
      }
    }
  }
  for (const cycle of findCycles(drafts, byName)) {
    const [from, to] = cycle;
    const entry = from?.needs.find((need) => need.name === to?.plan.name);
    if (from === undefined || entry === undefined) continue;
    issues.add(entry.path, `needs cycle: ${formatCycle(cycle.map((draft) => draft.plan.name))}; no start order exists`);
  }
}

// `a → b → a`; a cycle through hundreds of services shows its ends and a count.
function formatCycle(names: string[]): string {
  if (names.length <= 10) return names.join(' → ');
  return `${[...names.slice(0, 5), '…', ...names.slice(-3)].join(' → ')} (${names.length - 1} services)`;
}

function unknownServiceMessage(name: string, known: string[]): string {
  const match = suggest(name, known);
  if (match !== undefined) return `unknown service ${quote(name)}; did you mean ${JSON.stringify(match)}?`;
  const listed = known.length > 10 ? `${known.slice(0, 10).join(', ')}, …` : known.join(', ');
  return `unknown service ${quote(name)} (services: ${listed})`;
}

/**
 * Each cycle once, as [a, b, …, a], starting at the service written first in the
 * file. Iterative depth-first search: a long `needs` chain must not overflow the stack.
 */
function findCycles(drafts: readonly ServiceDraft[], byName: Map<string, ServiceDraft>): ServiceDraft[][] {
  const order = new Map(drafts.map((draft, index) => [draft, index]));
  const state = new Map<ServiceDraft, 'active' | 'done'>();
  const cycles: ServiceDraft[][] = [];
  const seen = new Set<string>();
  const dependencies = (draft: ServiceDraft): ServiceDraft[] =>
    draft.plan.needs.flatMap((name) => {
      const target = byName.get(name);
      return target === undefined || target === draft ? [] : [target];
    });

  for (const root of byName.values()) {
    if (state.has(root)) continue;
    const stack: { draft: ServiceDraft; next: ServiceDraft[] }[] = [{ draft: root, next: dependencies(root) }];
    state.set(root, 'active');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top === undefined) break;
      const child = top.next.shift();
      if (child === undefined) {
        state.set(top.draft, 'done');
        stack.pop();
      } else if (state.get(child) === 'active') {
        const loop = stack.slice(stack.findIndex((frame) => frame.draft === child)).map((frame) => frame.draft);
        const cycle = rotateToFirst(loop, order);
        const key = cycle.map((draft) => draft.plan.name).join('\0');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...cycle, cycle[0] as ServiceDraft]);
        }
      } else if (!state.has(child)) {
        state.set(child, 'active');
        stack.push({ draft: child, next: dependencies(child) });
      }
    }
  }
  return cycles;
}

function rotateToFirst(loop: ServiceDraft[], order: Map<ServiceDraft, number>): ServiceDraft[] {
  let start = 0;
  loop.forEach((draft, index) => {
    if ((order.get(draft) ?? 0) < (order.get(loop[start] as ServiceDraft) ?? 0)) start = index;
  });
  return [...loop.slice(start), ...loop.slice(0, start)];
}
