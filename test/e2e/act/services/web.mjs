// An HTTP API on PORT: says when it listens, logs each request, closes on SIGTERM.
import { createServer } from 'node:http';

const port = Number(process.env.PORT);
let requests = 0;
const server = createServer((request, response) => {
  requests += 1;
  console.log(`${request.method} ${request.url} #${requests}`);
  response.end(JSON.stringify({ ok: true, service: process.env.BGSVC_SERVICE }));
});
setTimeout(() => server.listen(port, '127.0.0.1', () => console.log(`Listening on ${port}`)), 300);
process.on('SIGTERM', () => {
  console.log(`web: SIGTERM after ${requests} requests`);
  server.close(() => process.exit(0));
});
