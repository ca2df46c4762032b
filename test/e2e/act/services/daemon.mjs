// The daemon's server: a TCP port that greets, and its pid in $OUT/daemon.pid
// (act deletes the job's copy of the repo afterwards; OUT is outside it).
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const port = Number(process.env.DAEMON_PORT);
createServer((socket) => socket.end('daemon here\n')).listen(port, '127.0.0.1', () => {
  writeFileSync(join(process.env.OUT ?? '.', 'daemon.pid'), String(process.pid));
  console.log(`daemon (pid ${process.pid}) listening on ${port}`);
});
