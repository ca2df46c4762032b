// ConfigError is the one error config/ throws: it carries every problem found,
// each with enough location to fix it without re-reading the whole file.

/** One problem in a config, located as precisely as the source allows. */
export interface ConfigIssue {
  /** The config file as the user named it, or a label such as `input "services"`. */
  source: string;
  /** 1-based; absent when the problem has no single place (an empty file). */
  line?: number;
  column?: number;
  /** Field path as written, e.g. `services[1].wait-on[0]`; empty for the document itself. */
  path: string;
  message: string;
}

// More than this many lines in a CI log stops being read; the rest is counted, not listed.
export const MAX_REPORTED_ISSUES = 20;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[], options?: { cause?: unknown; omitted?: number }) {
    super(formatIssues(issues, options?.omitted ?? 0), options?.cause === undefined ? undefined : { cause: options.cause });
    this.issues = issues;
  }
}

/** `bgsvc.yml:7:14: commands[1].wait-on: <message>`, the shape editors and CI annotators link. */
export function formatIssue(issue: ConfigIssue): string {
  let where = issue.source;
  if (issue.line !== undefined) {
    where += `:${issue.line}`;
    if (issue.column !== undefined) where += `:${issue.column}`;
  }
  const path = issue.path === '' ? '' : `${issue.path}: `;
  return `${where}: ${path}${issue.message}`;
}

function formatIssues(issues: ConfigIssue[], omitted: number): string {
  const lines = issues.map(formatIssue);
  if (omitted > 0) lines.push(`… and ${omitted} more ${omitted === 1 ? 'issue' : 'issues'}`);
  return lines.join('\n');
}

/** A ConfigError for a problem with the config as a whole (not found, unreadable, empty). */
export function configErrorAt(source: string, message: string, cause?: unknown): ConfigError {
  return new ConfigError([{ source, path: '', message }], { cause });
}
