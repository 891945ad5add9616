#!/usr/bin/perl
# ./offops release <tag>: what GitHub does when a Product Opener release is published, against the local stack.
# Sends the stand-in repository's "release published" webhook, signed with .offops/webhook-secret, to deploy-service,
# then follows every deployment it started until each one ends, with a progress line per container.
# Core Perl only (HTTP::Tiny, JSON::PP, Digest::SHA); secrets never go on a command line.
use strict;
use warnings;
use Digest::SHA qw(hmac_sha256_hex);
use HTTP::Tiny;
use JSON::PP;
use Time::HiRes qw(sleep time);

my ($state, $tag, $deploy) = @ARGV;
die "usage: release.pl <state dir> <tag> [deploy-service URL]\n" unless $state && $tag;
$deploy ||= 'http://127.0.0.1:8082';
my $repository = 'openfoodfacts/openfoodfacts-server';

sub slurp { my ($file) = @_; open my $fh, '<', $file or die "cannot read $file: $!\n"; local $/; my $t = <$fh>; $t =~ s/\s+\z//; $t }

my $secret = slurp("$state/webhook-secret");
my $token = slurp("$state/token");
my $assets = slurp("$state/product-opener/asset-base-url");
my $http = HTTP::Tiny->new(timeout => 30);
my $json = JSON::PP->new->canonical;

my $body = $json->encode({
    action => 'published',
    release => {
        id => int(time()), tag_name => $tag, name => $tag, draft => JSON::PP::false, prerelease => JSON::PP::false,
        html_url => "https://github.com/$repository/releases/tag/$tag",
        assets => [{ name => 'frontend-dist.tgz',
                     browser_download_url => "${assets}$repository/releases/download/$tag/frontend-dist.tgz" }],
    },
    repository => { full_name => $repository, name => 'openfoodfacts-server' },
    sender => { login => $ENV{USER} || 'local-operator' },
});
my $delivery = sprintf '%08x-%04x-4%03x-8%03x-%012x', time() & 0xffffffff, rand(0xffff), rand(0xfff), rand(0xfff),
    int(rand(2**47));
my $sent = time();
my $response = $http->post("$deploy/webhooks/github", {
    headers => { 'Content-Type' => 'application/json', 'X-GitHub-Event' => 'release',
                 'X-GitHub-Delivery' => $delivery, 'X-Hub-Signature-256' => 'sha256=' . hmac_sha256_hex($body, $secret) },
    content => $body });
die "webhook refused: HTTP $response->{status} $response->{content}\n" unless $response->{success};
my $accepted = $json->decode($response->{content});
die "webhook not accepted: $response->{content}\n" unless ($accepted->{status} // '') eq 'accepted';
my $release = $accepted->{eventId};
printf "release %s published (delivery %s, event %s), accepted in %.0f ms\n", $tag, $delivery, $release,
    (time() - $sent) * 1000;

my %auth = (headers => { Authorization => "Bearer $token", Accept => 'application/json' });
my %final = map { $_ => 1 } qw(SUCCEEDED ROLLED_BACK ROLLBACK_FAILED SUPERSEDED);
my $interactive = -t STDOUT;
my ($lines, $deadline, @items) = (0, time() + 900);
while (time() < $deadline) {
    my $page = $http->get("$deploy/deployments?release=$release&limit=200", \%auth);
    die "listing deployments failed: HTTP $page->{status} $page->{content}\n" unless $page->{success};
    @items = sort { $a->{container} cmp $b->{container} } @{ $json->decode($page->{content})->{items} };
    my @rows;
    for my $d (@items) {
        my $detail = $http->get("$deploy/deployments/$d->{id}", \%auth);
        my @steps = $detail->{success} ? @{ $json->decode($detail->{content})->{steps} } : ();
        my @deploy_steps = grep { ($_->{phase} // 'deploy') eq 'deploy' } @steps;
        my $done = grep { ($_->{state} // '') eq 'SUCCEEDED' || ($_->{state} // '') eq 'COMPLETED' } @deploy_steps;
        my ($current) = grep { ($_->{state} // '') eq 'RUNNING' } reverse @steps;
        my $total = @deploy_steps || 1;
        my $bar = '#' x int(20 * $done / $total) . '.' x (20 - int(20 * $done / $total));
        my $what = $current ? "$current->{phase}: $current->{name}" : ($d->{error} // '');
        push @rows, sprintf "  %-9s %-16s [%s] %2d/%-2d %s", $d->{container}, $d->{state}, $bar, $done, $total,
            substr($what, 0, 60);
    }
    print "\e[${lines}A\e[J" if $interactive && $lines;
    print "$_\n" for @rows;
    $lines = @rows;
    last if @items && !grep { !$final{$_->{state}} && !($_->{state} eq 'FAILED' && !defined $_->{previousTag}) } @items;
    sleep 0.5;
}
die "no deployment started for $tag (is the repository configured with flavors?)\n" unless @items;
my @bad = grep { $_->{state} ne 'SUCCEEDED' } @items;
printf "%d of %d containers at %s%s\n", @items - @bad, scalar @items, $tag,
    @bad ? '; not deployed: ' . join(', ', map { "$_->{container} ($_->{state}: " . ($_->{error} // '?') . ')' } @bad) : '';
exit(@bad ? 1 : 0);
