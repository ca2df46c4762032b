// The job's "tests": use the api the services provide, at the URL bgsvc handed on
// (`. .bgsvc/env` in the script, from the api's `export:`).
const url = process.env.API_URL;
if (!url) throw new Error('API_URL is not set: the script did not source .bgsvc/env');
const response = await fetch(`${url}/check`, { headers: { 'user-agent': 'check' } });
const body = await response.json();
if (!body.ok) throw new Error(`api answered ${JSON.stringify(body)}`);
console.log(`check: api answered on port ${new URL(url).port} (request #${body.requests})`);
