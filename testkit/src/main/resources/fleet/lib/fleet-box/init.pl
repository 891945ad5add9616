#!/usr/bin/perl
# init.pl <host name> <ready file>
# PID 1 of a fleet-in-a-box host's PID namespace: reaps every orphan of the host (daemons started by the systemctl
# stand-in end up here) and, on SIGTERM/SIGINT/SIGHUP, sends SIGTERM to every process of the host, waits up to 3 s
# and exits; the kernel then SIGKILLs whatever is left in the namespace.
use strict;
use warnings;
use POSIX ":sys_wait_h";

my ($name, $ready) = @ARGV;
$0 = "offops-fleet-host:$name";
my $stop = 0;
$SIG{$_} = sub { $stop = 1 } for qw(TERM INT HUP);

open(my $marker, '>', "$ready.tmp") or die "$ready.tmp: $!";
print $marker "$$\n";
close($marker);
rename("$ready.tmp", $ready) or die "$ready: $!";

while (!$stop) {
    1 while waitpid(-1, WNOHANG) > 0;
    select(undef, undef, undef, 0.2);
}
unlink($ready);
kill 'TERM', -1;
my $deadline = time + 3;
while (time < $deadline) {
    my $pid = waitpid(-1, WNOHANG);
    last if $pid == -1;
    select(undef, undef, undef, 0.02) if $pid == 0;
}
exit 0;
