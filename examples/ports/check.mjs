// The "tests": reach both servers through the URLs bgsvc handed on.
for (const variable of ['API_URL', 'WEB_URL']) {
  const url = process.env[variable];
  if (!url) throw new Error(`${variable} is not set: run me with bgsvc run, or after eval "$(npx bgsvc env)"`);
  const text = await (await fetch(url)).text();
  console.log(`${variable}=${url}: ${text}`);
}
