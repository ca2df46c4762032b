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

export class IssueCollector {
  private readonly issues: ConfigIssue[] = [];
  private overflow = 0;

  constructor(
    readonly source: string,
    private readonly locator?: Locator,
  ) {}

  get isEmpty(): boolean {
    return this.issues.length === 0;
  }

  add(path: FieldPath, message: string, options: IssueOptions = {}): void {
    if (this.issues.length >= MAX_COLLECTED_ISSUES) {
      this.overflow++;
      return;
    }
    const position = this.locate(options.at ?? path, options.target);
    this.issues.push({ source: this.source, ...toLineColumn(position), path: formatPath(path), message });
  }

  /** Issues that already carry a position (YAML syntax errors). */
  addLocated(issue: Omit<ConfigIssue, 'source'>): void {
    if (this.issues.length >= MAX_COLLECTED_ISSUES) this.overflow++;
    else this.issues.push({ source: this.source, ...issue });
  }

  locate(path: FieldPath, target?: Target): Position | undefined {
    return this.locator?.locate(path, target);
  }

  /** The first issues in file order, with the rest counted in the message. */
  toError(): ConfigError {
    const sorted = [...this.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    const shown = sorted.slice(0, MAX_REPORTED_ISSUES);
    return new ConfigError(shown, { omitted: sorted.length - shown.length + this.overflow });
  }
}

function toLineColumn(position: Position | undefined): Pick<ConfigIssue, 'line' | 'column'> {
  return position === undefined ? {} : { line: position.line, column: position.column };
}
