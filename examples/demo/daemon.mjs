// A daemon that has left its parent's process tree (setsid, re-parented to
// init): a process-group kill cannot reach it, the BGSVC_ID sweep does.
import { createServer } from 'node:net';

const port = Number(process.env.PORT ?? 47832);
createServer((socket) => {
  socket.on('error', () => {}); // a client that resets must not take the daemon down
  socket.end(`cache daemon pid ${process.pid}\n`);
}).listen(port, '127.0.0.1', () =>
  console.log(`cache: daemon pid ${process.pid} (session ${process.pid}) listening on ${port}`),
);
