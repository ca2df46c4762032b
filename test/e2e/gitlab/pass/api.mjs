// A small HTTP API: listens on the port bgsvc chose ($PORT), writes it to api.port for the worker, logs every request.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

let requests = 0;
const server = createServer((request, response) => {
  requests += 1;
  console.log(`${request.method} ${request.url} (${request.headers['user-agent'] ?? 'no agent'}) #${requests}`);
  response.end(JSON.stringify({ ok: true, requests }));
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  const { port } = server.address();
  writeFileSync('api.port', String(port));
  console.log(`api listening on ${port}`);
});
process.on('SIGTERM', () => {
  console.log(`api: SIGTERM after ${requests} requests, closing`);
  server.close(() => process.exit(0));
});
