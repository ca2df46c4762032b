// The job's "tests": use the api the services provide.
import { readFileSync } from 'node:fs';

const port = readFileSync('api.port', 'utf8');
const response = await fetch(`http://127.0.0.1:${port}/check`, { headers: { 'user-agent': 'check' } });
const body = await response.json();
if (!body.ok) throw new Error(`api answered ${JSON.stringify(body)}`);
console.log(`check: api answered on port ${port} (request #${body.requests})`);
