// A small API that crashes 2 s after it starts, the way a server dies when a
// pool runs dry: an uncaught error, a stack trace on stderr, exit code 1.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 3000);
createServer((_request, response) => response.end('ok\n')).listen(port, '127.0.0.1', () => {
  console.log(`api listening on http://127.0.0.1:${port}/`);
});
setTimeout(() => {
  throw new Error('out of database connections');
}, Number(process.env.CRASH_AFTER_MS ?? 2000));
