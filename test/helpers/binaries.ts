// Real-service tests need the real server binaries. Where one is missing the
// test reports itself skipped, saying which; under CI=true (where .ci/run
// installs them) a missing binary is a failure, so CI cannot go green by skipping.
import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';

export function missingCommands(names: string[]): string[] {
  return names.filter((name) => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { stdio: 'ignore' }).status !== 0);
}

/** Whether a user exists, for running a service as someone other than root. */
export function userExists(name: string): boolean {
  return spawnSync('id', ['-u', name], { stdio: 'ignore' }).status === 0;
}

/** Why these tests cannot run here, or undefined when they can. */
export function missingPrerequisites(commands: string[], extra: Array<string | undefined> = []): string | undefined {
  const missing = missingCommands(commands);
  const reasons = [...(missing.length > 0 ? [`${missing.join(', ')} not on PATH`] : []), ...extra.filter(Boolean)];
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

// describe(), skipped with the reason in its title when something is missing.
export function describeWithPrerequisites(title: string, reason: string | undefined, body: () => void): void {
  if (reason === undefined) {
    describe(title, body);
  } else if (process.env.CI === 'true') {
    describe(title, () => {
      it('has what it needs (CI=true: .ci/run installs it)', () => {
        throw new Error(`cannot run: ${reason}`);
      });
    });
  } else {
    describe.skip(`${title} [skipped: ${reason}]`, body);
  }
}
