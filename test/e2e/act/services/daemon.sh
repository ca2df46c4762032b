# Daemonizes the way `redis-server --daemonize yes` does: forks a server into a
# new session (setsid) from a subshell that exits, and returns 0 at once. The
# server is then nobody's child in the job's tree; only BGSVC_ID finds it.
( setsid node "$(dirname "$0")/daemon.mjs" & )
echo "daemon launched"
