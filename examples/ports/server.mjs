// A tiny HTTP server on 127.0.0.1:$PORT (the port bgsvc chose), answering with its name and port.
import { createServer } from 'node:http';

const name = process.argv[2] ?? 'server';
const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('PORT is not set: run me with port: auto in bgsvc.yml');
createServer((request, response) => response.end(request.url === '/health' ? 'ok' : `${name} on ${port}`)).listen(port, '127.0.0.1', () => {
  console.log(`${name} listening on 127.0.0.1:${port}`);
});
