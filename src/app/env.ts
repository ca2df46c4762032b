// env: what the running services hand to later steps, read from the state file.
import { exportedVariables } from '../report/exported-env.js';
import { assertSafeLocation, readState, type StateLocation } from '../state/index.js';

export type ExportedReport =
  | { kind: 'none'; stateFile: string }
  | { kind: 'invalid'; stateFile: string; problem: string }
  | { kind: 'ok'; variables: Record<string, string> };

export function readExported(location: StateLocation): ExportedReport {
  assertSafeLocation(location, { create: false });
  const read = readState(location.stateDir);
  if (read.kind === 'missing') return { kind: 'none', stateFile: read.path };
  if (read.kind === 'invalid') return { kind: 'invalid', stateFile: read.path, problem: read.problem };
  return { kind: 'ok', variables: exportedVariables(read.state) };
}
