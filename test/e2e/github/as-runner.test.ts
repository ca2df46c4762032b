// The action's scenarios as GitHub-hosted jobs run them: as the unprivileged
// user `runner` (passwordless sudo), with this machine's Node.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeWithPrerequisites } from '../../helpers/binaries.js';
import { nonRootPrerequisites, SUDO_USER, uidOf } from '../../helpers/users.js';
import { RunnerJob } from './harness.js';
import { describeActionScenarios } from './scenarios.js';

describeWithPrerequisites(`the action as ${SUDO_USER}, under Node ${process.versions.node}`, nonRootPrerequisites(), () => {
  const jobs: RunnerJob[] = [];
  afterEach(() => {
    for (const job of jobs.splice(0)) job.cleanup();
  });

  it(`runs main, the services and post as ${SUDO_USER}, with the state dir that user's`, async () => {
    const job = new RunnerJob(process.execPath, SUDO_USER);
    jobs.push(job);
    const main = await job.main({ id: 'who', inputs: { run: 'id -un > whoami; exec sleep 1000', 'wait-on': 'file:whoami' } });
    expect(main.code).toBe(0);
    expect(readFileSync(join(job.workspace, 'whoami'), 'utf8').trim()).toBe(SUDO_USER);
    expect(statSync(job.outputs('who')['state-file']!).uid).toBe(uidOf(SUDO_USER));
    const post = await job.post('who');
    expect(post.code).toBe(0);
    expect(job.leftovers('who')).toEqual([]);
  });

  describeActionScenarios(process.execPath, { user: SUDO_USER });
});
