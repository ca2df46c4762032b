# The deploy that needed the tunnel, failing the way deploys do.
echo "deploy: rsync to 10.8.0.5 failed: connection refused"
exit 1
