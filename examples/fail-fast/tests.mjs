// Stands in for a test suite that talks to the API for 30 s. Once the API is
// gone every request fails with "connection refused", the symptom that used to
// hide the cause; bgsvc prints the cause (the API's exit and log) above it.
const url = 'http://127.0.0.1:3000/';
const until = Date.now() + 30_000;
let failures = 0;
while (Date.now() < until) {
  try {
    await fetch(url);
  } catch (error) {
    failures += 1;
    if (failures === 1) console.error(`tests: ${url} failed: ${error.cause?.code ?? error.message}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
console.error(`tests: done, ${failures} failed requests`);
process.exit(failures > 0 ? 1 : 0);
