// A config or input mistake: one annotation per problem, on the config file's
// line when there is one (GitHub shows it in the diff), then one sentence that
// fails the step. Nothing was started.
import { relative, resolve } from 'node:path';
import { formatIssue, type ConfigError, type ConfigIssue } from '../../config/errors.js';
import type { ActionsIo, AnnotationProps } from './io.js';

export function reportConfigError(io: ActionsIo, error: ConfigError, where: { workspace: string | undefined; cwd: string }): void {
  for (const issue of error.issues) io.error(formatIssue(issue), annotationPlace(issue, where));
  const omitted = error.message.split('\n').find((line) => line.startsWith('… and'));
  if (omitted) io.error(omitted, { title: 'bgsvc' });
  const count = error.issues.length;
  io.setFailed(`bgsvc: ${count === 1 ? 'a problem' : `${count} problems`} in the inputs or config (above); nothing was started`);
}

function annotationPlace(
  issue: ConfigIssue,
  where: { workspace: string | undefined; cwd: string },
): AnnotationProps {
  const place = placeInFile(issue.source, issue, where);
  return place ? { title: 'bgsvc config', ...place } : { title: 'bgsvc' };
}

// Where in the repository a config line is, for an annotation GitHub shows on
// that line; undefined for inline inputs and files outside the workspace.
export function placeInFile(
  source: string,
  at: { line?: number; column?: number },
  where: { workspace: string | undefined; cwd: string },
): Pick<AnnotationProps, 'file' | 'startLine' | 'startColumn'> | undefined {
  const isFile = !source.startsWith('input "') && source !== 'bgsvc' && at.line !== undefined;
  if (!isFile || !where.workspace) return undefined;
  // Annotations attach to files by their path in the repository.
  const file = relative(where.workspace, resolve(where.cwd, source));
  if (file.startsWith('..')) return undefined;
  return { file, startLine: at.line, startColumn: at.column };
}
