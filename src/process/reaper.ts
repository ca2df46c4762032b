// On Linux, each service runs under a wrapper that is its child subreaper
// (prctl PR_SET_CHILD_SUBREAPER): a daemon that double-forks, or a setsid'd
// child whose parent exits, is re-parented to the wrapper instead of init, so
// it stays in the service's process tree. That holds when the daemon rewrites
// its environment (redis-server --daemonize yes overwrites BGSVC_ID with its
// process title), drops it (env -i), or runs as root through sudo: the tree
// finds it by parent, where the cookie cannot. The wrapper stays until the
// last such descendant is gone, so "the wrapper is alive" means "something of
// the service is".
//
// Perl, because every Debian and Ubuntu system has it (perl-base is Essential)
// and it can make the raw syscall without a native addon; where it is missing
// (Alpine, macOS has no prctl) launch.ts falls back to the sh wrapper.
//
// It behaves as the sh wrapper (wrapper.ts) does towards the service: the
// command runs as its child (`shell -c command`); a stop signal (HUP INT QUIT
// TERM USR1 USR2) is noted, not obeyed, until every child is gone, then
// re-raised; the exit file is written, through a temporary name and a rename,
// when the command exits on its own. Positional arguments, never interpolated:
// prctl syscall number, shell, command, exit file.
export const REAPER_SCRIPT = `
syscall($ARGV[0], 36, 1, 0, 0, 0);
my (undef, $shell, $command, $exit_file) = @ARGV;
my @stop_signals = qw(HUP INT QUIT TERM USR1 USR2);
my $stopped = '';
$SIG{$_} = sub { $stopped ||= $_[0] } for @stop_signals;
my $pid = fork();
exit 127 unless defined $pid;
if ($pid == 0) {
  $SIG{$_} = 'DEFAULT' for @stop_signals;
  exec { $shell } $shell, '-c', $command;
  print STDERR "bgsvc: cannot run $shell: $!\n";
  exit 127;
}
my $code = 0;
for (;;) {
  my $child = waitpid(-1, 0);
  if ($child == -1) { last if $!{ECHILD}; next }
  next unless $child == $pid;
  $code = ($? & 127) ? 128 + ($? & 127) : $? >> 8;
  next if $stopped;
  my $result = "exit $code";
  if ($code > 128) {
    require Config;
    my $name = (split ' ', $Config::Config{sig_name})[$code - 128];
    $result = "signal $name" if defined $name;
  }
  my $temp = "$exit_file.$$.tmp";
  if (open(my $out, '>', $temp)) { print $out "$result\\n"; close $out; rename $temp, $exit_file }
}
if ($stopped) { $SIG{$stopped} = 'DEFAULT'; kill $stopped, $$ }
exit $code;
`;

// prctl's syscall number per Node architecture (asm/unistd.h of each).
const PRCTL_SYSCALL: Partial<Record<NodeJS.Architecture, number>> = {
  x64: 157,
  arm64: 167,
  riscv64: 167,
  loong64: 167,
  arm: 172,
  ia32: 172,
  s390x: 172,
  ppc64: 171,
};

/** argv for the reaper wrapper: `perl -e REAPER_SCRIPT …`, or undefined where it cannot work. */
export function reaperArgs(options: { shell: string; command: string; exitFile: string }, platform = process.platform, arch = process.arch): string[] | undefined {
  const prctl = PRCTL_SYSCALL[arch];
  if (platform !== 'linux' || prctl === undefined) return undefined;
  return ['-e', REAPER_SCRIPT, String(prctl), options.shell, options.command, options.exitFile];
}
