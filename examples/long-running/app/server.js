// The app: an HTTP server that runs until it is told to stop, counting requests.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 3000);
let requests = 0;
const server = createServer((request, response) => {
  requests += 1;
  console.log(`${new Date().toISOString()} ${request.method} ${request.url} #${requests}`);
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ ok: true, requests, pid: process.pid }));
});
// Loopback only: a CI job's app is for that job's own tests, not the network.
server.listen(port, '127.0.0.1', () => console.log(`app listening on 127.0.0.1:${port} (pid ${process.pid})`));
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    console.log(`app: ${signal} after ${requests} requests, shutting down`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
