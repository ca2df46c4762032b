// A worker that talks to the api; ready once its first call answered.
import { readFileSync } from 'node:fs';

const port = readFileSync('api.port', 'utf8');
let ready = false;
setInterval(async () => {
  const response = await fetch(`http://127.0.0.1:${port}/jobs`, { headers: { 'user-agent': 'worker' } }).catch(() => undefined);
  if (!ready && response?.ok) {
    ready = true;
    console.log('worker ready');
  }
}, 100);
