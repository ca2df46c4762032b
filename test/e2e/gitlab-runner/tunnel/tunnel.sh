# Stands in for `openconnect …` / `sshuttle …`: says it is up, then stays.
echo "tunnel up"
echo $$ > tunnel.pid
trap 'echo "tunnel closing"; exit 0' TERM
while :; do sleep 1; done
