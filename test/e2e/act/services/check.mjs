// A later step of the job: uses every service through the action's outputs and
// fails (exit 1) if one is missing. Reads SERVICES, LOG_DIR, WEB_PORT, DAEMON_PORT.
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

const services = JSON.parse(process.env.SERVICES);
const problems = [];
for (const name of ['web', 'worker', 'cache']) {
  const service = services[name];
  if (!service || !Number.isInteger(service.pid)) problems.push(`no pid for ${name} in the services output`);
  else if (service.log !== join(process.env.LOG_DIR, `${name}.log`)) problems.push(`${name}'s log ${service.log} is not in ${process.env.LOG_DIR}`);
  else if (!existsSync(service.log)) problems.push(`${name}'s log ${service.log} does not exist`);
}
const web = await fetch(`http://127.0.0.1:${process.env.WEB_PORT}/from-a-later-step`).then((response) => response.json());
console.log(`check: web answered ${JSON.stringify(web)}`);
const greeting = await new Promise((done, fail) => {
  let text = '';
  connect(Number(process.env.DAEMON_PORT), '127.0.0.1')
    .on('data', (chunk) => (text += chunk))
    .on('end', () => done(text.trim()))
    .on('error', fail);
});
console.log(`check: daemon answered "${greeting}" (pid ${readFileSync(join(process.env.OUT ?? '.', 'daemon.pid'), 'utf8')})`);
console.log(`check: worker log says "${readFileSync(services.worker.log, 'utf8').trim().split('\n').at(-1)}"`);
if (problems.length > 0) {
  console.log(`check: ${problems.join('; ')}`);
  process.exit(1);
}
console.log('check: all three services answered');
