// Collects every problem in a config before anything is thrown, so one run of
// bgsvc shows the user all there is to fix, in file order.

import { ConfigError, MAX_REPORTED_ISSUES, type ConfigIssue } from './errors.js';
import { formatPath, type FieldPath, type Position, type Target } from './field-path.js';
import type { Locator } from './positions.js';

// Past this, more issues only cost time: the message shows 20 and counts the rest.
const MAX_COLLECTED_ISSUES = 1_000;

export interface IssueOptions {
  /** Where to point, when it differs from the reported path (an unknown key inside it). */
  at?: FieldPath;
  target?: Target;
}

/** Issues at or under `from` are about text written elsewhere: at `as` in another document. */
interface Route {
  from: FieldPath;
  to: IssueCollector;
  as: FieldPath;
}

export class IssueCollector {
  private readonly issues: ConfigIssue[] = [];
  private readonly seen = new Set<string>();
  private overflow = 0;
  /** Keyed by the `from` path as JSON: a lookup tries each prefix of a path, not each route. */
  private readonly routes = new Map<string, Route>();
  private readonly others: IssueCollector[] = [];

  constructor(
    readonly source: string,
    private readonly locator?: Locator,
  ) {}

  get isEmpty(): boolean {
    return this.issues.length === 0 && this.others.every((other) => other.isEmpty);
  }

  /**
   * Another document's issues (an included file's) are reported with this
   * one's, after them.
   */
  adopt(other: IssueCollector): void {
    this.others.push(other);
  }

  /**
   * Paths at or under `from` name text written in another place: a service's
   * key that came from its template is wrong where the template wrote it.
   */
  routeTo(from: FieldPath, to: IssueCollector, as: FieldPath): void {
    this.routes.set(JSON.stringify(from), { from, to, as });
  }

  add(path: FieldPath, message: string, options: IssueOptions = {}): void {
    const route = this.routeFor(options.at ?? path);
    if (route !== undefined) {
      const at = options.at === undefined ? undefined : rebase(options.at, route);
      route.to.add(rebase(path, route), message, { ...options, at });
      return;
    }
    if (this.issues.length >= MAX_COLLECTED_ISSUES) {
      this.overflow++;
      return;
    }
    const position = this.locate(options.at ?? path, options.target);
    const issue = { source: this.source, ...toLineColumn(position), path: formatPath(path), message };
    // A template used by two services would otherwise report its mistake twice.
    const key = JSON.stringify(issue);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.issues.push(issue);
  }

  /** Issues that already carry a position (YAML syntax errors). */
  addLocated(issue: Omit<ConfigIssue, 'source'>): void {
    if (this.issues.length >= MAX_COLLECTED_ISSUES) this.overflow++;
    else this.issues.push({ source: this.source, ...issue });
  }

  locate(path: FieldPath, target?: Target): Position | undefined {
    const route = this.routeFor(path);
    if (route !== undefined) return route.to.locate(rebase(path, route), target);
    return this.locator?.locate(path, target);
  }

  /** `ci/services.yml:4:5`, for a message that points at a second place. */
  where(path: FieldPath, target?: Target): string {
    const route = this.routeFor(path);
    if (route !== undefined) return route.to.where(rebase(path, route), target);
    const position = this.locate(path, target);
    return position === undefined ? this.source : `${this.source}:${position.line}:${position.column}`;
  }

  /** The first issues in file order (this document's, then adopted ones'), with the rest counted in the message. */
  toError(): ConfigError {
    const { issues, overflow } = this.collect();
    const shown = issues.slice(0, MAX_REPORTED_ISSUES);
    return new ConfigError(shown, { omitted: issues.length - shown.length + overflow });
  }

  private collect(): { issues: ConfigIssue[]; overflow: number } {
    const issues = [...this.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    let overflow = this.overflow;
    for (const other of this.others) {
      const collected = other.collect();
      issues.push(...collected.issues);
      overflow += collected.overflow;
    }
    return { issues, overflow };
  }

  private routeFor(path: FieldPath): Route | undefined {
    if (this.routes.size === 0) return undefined;
    for (let length = path.length; length > 0; length--) {
      const route = this.routes.get(JSON.stringify(path.slice(0, length)));
      if (route !== undefined) return route;
    }
    return undefined;
  }
}

function rebase(path: FieldPath, route: Route): FieldPath {
  const under = route.from.every((segment, index) => path[index] === segment) && path.length >= route.from.length;
  return under ? [...route.as, ...path.slice(route.from.length)] : route.as;
}

function toLineColumn(position: Position | undefined): Pick<ConfigIssue, 'line' | 'column'> {
  return position === undefined ? {} : { line: position.line, column: position.column };
}
