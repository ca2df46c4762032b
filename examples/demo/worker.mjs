// A queue worker: no port, so the only sign of readiness is its log line.
console.log('worker: connecting to the queue…');
setTimeout(() => console.log('worker ready: polling for jobs'), 300);
setInterval(() => console.log(`worker: heartbeat ${new Date().toISOString()}`), 1000);
