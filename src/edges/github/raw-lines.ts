import { randomHex } from '../../random.js';
import type { ActionsIo } from './io.js';

// A service's log may print `::error::` or `::add-mask::` lines of its own;
// between stop-commands markers the runner shows them instead of obeying them.
// https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#stopping-and-starting-workflow-commands
export function printVerbatim(io: ActionsIo, lines: readonly string[]): void {
  if (lines.length === 0) return;
  const token = `bgsvc-${randomHex(8)}`;
  io.info(`::stop-commands::${token}`);
  for (const line of lines) io.info(line);
  io.info(`::${token}::`);
}

/** A collapsed group holding log lines exactly as the service wrote them. */
export function printLogGroup(io: ActionsIo, title: string, lines: readonly string[], note?: string): void {
  io.startGroup(title);
  try {
    if (note) io.info(note);
    printVerbatim(io, lines);
  } finally {
    io.endGroup();
  }
}
