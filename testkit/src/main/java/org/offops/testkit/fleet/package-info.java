/**
 * The fleet-in-a-box: the fleet of {@code deploy/fleet/off.yaml} ({@link org.offops.fleet.FleetSpecReader},
 * {@link org.offops.fleet.FleetSpec}) as real SSH hosts on this machine
 * ({@link org.offops.testkit.fleet.FleetBox}; {@link org.offops.testkit.fleet.FleetMain} runs it for ./offops).
 *
 * <h2>Contract with the stand-ins (classpath {@code fleet/})</h2>
 * <ul>
 *   <li>{@code fleet/bin/*} is copied into every host's {@code /usr/local/sbin} (first on PATH) at every start:
 *   systemctl, pct (this package's), zfs and zpool. A file starting with {@code #!} becomes 0755.</li>
 *   <li>{@code fleet/lib/**} is copied once per box to {@code <root>/.box/lib}, visible to every host at that
 *   path, named by {@code $OFFOPS_FLEET_LIB} in logins and in {@code /var/lib/offops-fleet/host.env}:
 *   {@code fleet/lib/zfs/} is {@code $OFFOPS_FLEET_LIB/zfs/}. {@code fleet/lib/fleet-box/} holds the box's own
 *   scripts (host-init, init.pl, login, fault-shim, ct-mounts, disk-full) and {@code standin.bash}, which any
 *   bash stand-in may source for the host facts and {@code standin_log}.</li>
 *   <li>Login environment (sshd SetEnv): {@code HOME} (an empty directory), {@code PATH=/usr/local/sbin:
 *   /usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin}, {@code LANG=C.UTF-8}, {@code OFFOPS_ZFS_STATE=/var/lib/offops-zfs},
 *   {@code OFFOPS_FLEET_HOST}, {@code OFFOPS_FLEET_LIB}.</li>
 *   <li>Per host (own directories): {@code /var/lib/offops-fleet/host.env} (OFFOPS_FLEET_* facts: host, type,
 *   kind, address, services, flavor, code and static paths, vmid, server), {@code /var/log/offops-standins.log}
 *   (one line per stand-in call: UTC time, program, shell-quoted arguments), {@code /var/lib/offops-units/}
 *   (systemctl state), {@code /var/lib/offops-fleet/faults/} (injected faults). Servers also have
 *   {@code /var/lib/offops-fleet/datasets} (their datasets from the fleet file: name, kind, flavor, scope, role,
 *   source, mountpoint; the dataset directories {@code /<name>} exist) and
 *   {@code /var/lib/offops-fleet/containers/<vmid>.env} (for pct).</li>
 * </ul>
 *
 * <h2>Layout</h2>
 * {@code <root>/<host>/{srv,mnt,etc/nginx,etc/stunnel,etc/fail2ban,etc/pve,etc/apache2,etc/systemd/system,var/log,var/lib,
 * usr/local/sbin,run}}
 * (+ {@code <pool>} on servers) are bind-mounted over the real paths inside the host; {@code <root>/<host>/.box/}
 * holds the bind list, the sshd directory (host key, config, log) and the init log; {@code <root>/.box/} holds the
 * client key, known_hosts, the lock, lib, bin and the ssh multiplexing sockets.
 */
package org.offops.testkit.fleet;
