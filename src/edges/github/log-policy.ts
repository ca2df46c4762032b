// background-action's log switches, kept with their meaning. bgsvc writes
// stdout and stderr interleaved into one file per service, so "stdout" and
// "stderr" both select that one log.

/** Why a service's log may be worth reading after the job. */
export type LogReason = 'timeout' | 'exit-early' | 'failure' | 'success';

/** When post prints a service's log (`log-output-if`). */
export type LogCondition = 'always' | 'never' | 'failure' | 'timeout' | 'exit-early' | 'success';

const CONDITION_ALIASES: Record<string, LogCondition> = {
  always: 'always',
  true: 'always',
  never: 'never',
  false: 'never',
  failure: 'failure',
  timeout: 'timeout',
  'exit-early': 'exit-early',
  // background-action's action.yml spelled it this way, its code the other.
  'early-exit': 'exit-early',
  success: 'success',
};

export const LOG_OUTPUT_IF_FORMS = 'failure, always, never, timeout, exit-early or success (comma-separated to combine)';

export function parseLogOutputIf(text: string): LogCondition[] | { error: string } {
  const tokens = splitTokens(text);
  if (tokens.length === 0) return ['failure'];
  const unknown = tokens.filter((token) => CONDITION_ALIASES[token] === undefined);
  if (unknown.length > 0) {
    return { error: `unknown value ${unknown.map((token) => JSON.stringify(token)).join(', ')} (expected ${LOG_OUTPUT_IF_FORMS})` };
  }
  return [...new Set(tokens.map((token) => CONDITION_ALIASES[token]!))];
}

/**
 * `tail`, `log-output` and `log-output-resume` take background-action's
 * `stdout,stderr,true,false`; any stream selects the one interleaved log.
 */
export function parseStreamSwitch(text: string, fallback: boolean): boolean | { error: string } {
  const tokens = splitTokens(text);
  if (tokens.length === 0) return fallback;
  const allowed = ['true', 'false', 'stdout', 'stderr'];
  const unknown = tokens.filter((token) => !allowed.includes(token));
  if (unknown.length > 0) {
    return { error: `unknown value ${unknown.map((token) => JSON.stringify(token)).join(', ')} (expected true, false, stdout, stderr or stdout,stderr)` };
  }
  return tokens.some((token) => token !== 'false');
}

// Decides, per service, whether post prints its log.
export function shouldPrintLog(conditions: LogCondition[], reason: LogReason): boolean {
  if (conditions.includes('never') && !conditions.includes('always')) return false;
  return conditions.some((condition) => {
    switch (condition) {
      case 'always':
        return true;
      case 'never':
        return false;
      case 'failure':
        return reason !== 'success';
      default:
        return condition === reason;
    }
  });
}

function splitTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((token) => token !== '');
}
