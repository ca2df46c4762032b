// `<state dir>/env` follows the state: written when a start is ready, rewritten
// when some services are stopped, removed when all are, so `source .bgsvc/env`
// never hands a later step the port of a service that is gone.
import { exportedVariables, formatVariables } from '../report/exported-env.js';
import { writeEnvFile, type ReadonlyState } from '../state/index.js';

export function refreshEnvFile(state: ReadonlyState): void {
  writeEnvFile(state.stateDir, state.stoppedAt === undefined ? formatVariables(exportedVariables(state), 'sh') : undefined);
}
