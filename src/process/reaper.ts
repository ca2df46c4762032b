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
// when the command exits on its own. It is written before the command is
// reaped: waitid(WEXITED | WNOWAIT) reports a child's exit and leaves it a
// zombie, so from the moment the command exits until its exit file exists the
// wrapper has a zombie child, which bgsvc can see in /proc and wait out when a
// probe passes at the same moment (launch-and-wait.ts). siginfo_t keeps si_code
// at byte 8 and si_pid, si_uid, si_status from byte 16 (12 on 32-bit ABIs).
// Last, once every child is gone (stopped
// or not), it writes the cost file (cost-file.ts): getrusage(RUSAGE_CHILDREN)
// through the raw syscall, as for prctl, since everything of the service was
// reaped by it or by a descendant it reaped. struct rusage starts with two
// timevals and ru_maxrss, each field a native long on every Linux ABI here.
// Positional arguments, never interpolated: prctl, getrusage and waitid syscall
// numbers, si_pid's offset, shell, command, exit file, cost file.
export const REAPER_SCRIPT = `
syscall($ARGV[0], 36, 1, 0, 0, 0);
my (undef, $getrusage, $waitid, $pid_at, $shell, $command, $exit_file, $cost_file) = @ARGV;
my @stop_signals = qw(HUP INT QUIT TERM USR1 USR2);
my $stopped = '';
$SIG{$_} = sub { $stopped ||= $_[0] } for @stop_signals;
my $pid = fork();
exit 127 unless defined $pid;
if ($pid == 0) {
  $SIG{$_} = 'DEFAULT' for @stop_signals;
  exec { $shell } $shell, '-c', $command;
  print STDERR "bgsvc: cannot run $shell: $!\\n";
  exit 127;
}
my $code = 0;
my $recorded = 0;
my $info = "\\0" x 128;
# 1 while waitid(WNOWAIT) works; should it fail otherwise than EINTR/ECHILD (a
# kernel without it), reap with waitpid as before: exit file after the reap.
my $peek = 1;
for (;;) {
  my ($child, $how, $status);
  if ($peek) {
    # P_ALL, WEXITED | WNOWAIT: the exited child stays a zombie until waitpid below.
    if (syscall($waitid, 0, 0, $info, 0x01000004, 0) == -1) {
      last if $!{ECHILD};
      $peek = 0 unless $!{EINTR};
      next;
    }
    ($how) = unpack('x8 i', $info);
    ($child, $status) = unpack("x$pid_at i x4 i", $info);
  } else {
    $child = waitpid(-1, 0);
    if ($child == -1) { last if $!{ECHILD}; next }
    ($how, $status) = ($? & 127) ? (2, $? & 127) : (1, $? >> 8);
  }
  if ($child == $pid && !$recorded) {
    # CLD_EXITED is 1; CLD_KILLED and CLD_DUMPED carry the signal's number.
    $code = $how == 1 ? $status : 128 + $status;
    if (!$stopped) {
      my $result = "exit $code";
      if ($how != 1) {
        require Config;
        my $name = (split ' ', $Config::Config{sig_name})[$status];
        $result = "signal $name" if defined $name;
      }
      write_whole($exit_file, "$result\\n");
    }
    $recorded = 1;
  }
  waitpid($child, 0) if $peek;
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

// prctl's, getrusage's and waitid's syscall numbers (asm/unistd.h of each) and
// si_pid's offset in siginfo_t (16 on 64-bit ABIs, 12 on 32-bit) per Node architecture.
const SYSCALLS: Partial<Record<NodeJS.Architecture, { prctl: number; getrusage: number; waitid: number; siPid: number }>> = {
  x64: { prctl: 157, getrusage: 98, waitid: 247, siPid: 16 },
  arm64: { prctl: 167, getrusage: 165, waitid: 95, siPid: 16 },
  riscv64: { prctl: 167, getrusage: 165, waitid: 95, siPid: 16 },
  loong64: { prctl: 167, getrusage: 165, waitid: 95, siPid: 16 },
  arm: { prctl: 172, getrusage: 77, waitid: 280, siPid: 12 },
  ia32: { prctl: 172, getrusage: 77, waitid: 284, siPid: 12 },
  s390x: { prctl: 172, getrusage: 77, waitid: 281, siPid: 16 },
  ppc64: { prctl: 171, getrusage: 77, waitid: 272, siPid: 16 },
};

/** argv for the reaper wrapper: `perl -e REAPER_SCRIPT …`, or undefined where it cannot work. */
export function reaperArgs(
  options: { shell: string; command: string; exitFile: string },
  platform = process.platform,
  arch = process.arch,
): string[] | undefined {
  const numbers = SYSCALLS[arch];
  if (platform !== 'linux' || numbers === undefined) return undefined;
  const { prctl, getrusage, waitid, siPid } = numbers;
  return ['-e', REAPER_SCRIPT, String(prctl), String(getrusage), String(waitid), String(siPid), options.shell, options.command, options.exitFile, costFileFor(options.exitFile)];
}
