import { costFileFor } from './cost-file.js';

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
// when the command exits on its own. Last, once every child is gone (stopped
// or not), it writes the cost file (cost-file.ts): getrusage(RUSAGE_CHILDREN)
// through the raw syscall, as for prctl, since everything of the service was
// reaped by it or by a descendant it reaped. struct rusage starts with two
// timevals and ru_maxrss, each field a native long on every Linux ABI here.
// Positional arguments, never interpolated: prctl and getrusage syscall
// numbers, shell, command, exit file, cost file.
export const REAPER_SCRIPT = `
syscall($ARGV[0], 36, 1, 0, 0, 0);
my (undef, $getrusage, $shell, $command, $exit_file, $cost_file) = @ARGV;
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
  write_whole($exit_file, "$result\\n");
}
my $usage = "\\0" x 256;
if (syscall($getrusage, -1, $usage) == 0) {
  my ($user_s, $user_us, $system_s, $system_us, $max_rss_kb) = unpack('l!5', $usage);
  write_whole($cost_file, sprintf("tree %.0f %.0f\\n", ($user_s + $system_s) * 1e6 + $user_us + $system_us, $max_rss_kb));
}
if ($stopped) { $SIG{$stopped} = 'DEFAULT'; kill $stopped, $$ }
exit $code;
sub write_whole {
  my ($file, $text) = @_;
  my $temp = "$file.$$.tmp";
  if (open(my $out, '>', $temp)) { print $out $text; close $out; rename $temp, $file }
}
`;

// prctl's and getrusage's syscall numbers per Node architecture (asm/unistd.h of each).
const SYSCALLS: Partial<Record<NodeJS.Architecture, { prctl: number; getrusage: number }>> = {
  x64: { prctl: 157, getrusage: 98 },
  arm64: { prctl: 167, getrusage: 165 },
  riscv64: { prctl: 167, getrusage: 165 },
  loong64: { prctl: 167, getrusage: 165 },
  arm: { prctl: 172, getrusage: 77 },
  ia32: { prctl: 172, getrusage: 77 },
  s390x: { prctl: 172, getrusage: 77 },
  ppc64: { prctl: 171, getrusage: 77 },
};

/** argv for the reaper wrapper: `perl -e REAPER_SCRIPT …`, or undefined where it cannot work. */
export function reaperArgs(
  options: { shell: string; command: string; exitFile: string },
  platform = process.platform,
  arch = process.arch,
): string[] | undefined {
  const numbers = SYSCALLS[arch];
  if (platform !== 'linux' || numbers === undefined) return undefined;
  const { prctl, getrusage } = numbers;
  return ['-e', REAPER_SCRIPT, String(prctl), String(getrusage), options.shell, options.command, options.exitFile, costFileFor(options.exitFile)];
}
