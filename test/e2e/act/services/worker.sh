# A worker with no port: ready when it says so in its log.
echo "worker booting"
sleep 0.2
echo "worker ready"
trap 'echo "worker stopping"; exit 0' TERM
while :; do sleep 1; done
