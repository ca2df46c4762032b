// The "tests" of the demo: they use all three services, which bgsvc has
// already made ready, so there is no sleep anywhere.
import { connect } from 'node:net';

const web = await fetch('http://127.0.0.1:47831/api/items').then((response) => response.json());
console.log(`check: web answered ${JSON.stringify(web)}`);

const cache = await new Promise((resolve, reject) => {
  const socket = connect(47832, '127.0.0.1');
  let data = '';
  socket.on('data', (chunk) => (data += chunk));
  socket.on('end', () => resolve(data.trim()));
  socket.on('error', reject);
});
console.log(`check: cache answered "${cache}"`);
console.log('check: all services answered');
