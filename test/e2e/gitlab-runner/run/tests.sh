# The project's tests: two pass against the api, one fails; the runner exits 3.
port=$(cat api.port)
node -e "fetch('http://127.0.0.1:$port/a').then(r => r.ok || process.exit(1))" && echo "ok 1 - api answers"
node -e "fetch('http://127.0.0.1:$port/b').then(r => r.ok || process.exit(1))" && echo "ok 2 - api answers again"
echo "not ok 3 - expected 2 widgets, got 3"
exit 3
