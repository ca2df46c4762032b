// A tiny HTTP app that starts listening only after START_DELAY_MS.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 47831);
const delay = Number(process.env.START_DELAY_MS ?? 0);
console.log(`web: booting, will listen on ${port} in ${delay} ms`);
setTimeout(() => {
  createServer((request, response) => {
    console.log(`web: ${request.method} ${request.url}`);
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ ok: true, path: request.url }));
  }).listen(port, '127.0.0.1', () => console.log(`web: listening on http://127.0.0.1:${port}`));
}, delay);
