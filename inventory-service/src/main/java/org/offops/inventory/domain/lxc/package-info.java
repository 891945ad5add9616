/**
 * Proxmox container configurations ({@code /etc/pve/lxc/<vmid>.conf}) as pure data: no Quarkus, no I/O.
 *
 * <ul>
 *   <li>{@link org.offops.inventory.domain.lxc.LxcConfigParser#parse(String)} reads a file strictly (a malformed line
 *       is an {@link org.offops.inventory.domain.lxc.LxcConfigException} naming its number) and faithfully;</li>
 *   <li>{@link org.offops.inventory.domain.lxc.LxcConfigWriter#write(LxcConfig)} gives the same bytes back;</li>
 *   <li>{@link org.offops.inventory.domain.lxc.LxcConfig} is the ordered model: sections
 *       ({@link org.offops.inventory.domain.lxc.LxcSection}) of lines
 *       ({@link org.offops.inventory.domain.lxc.LxcLine}: comment, blank, {@code key: value}), with typed views
 *       ({@link org.offops.inventory.domain.lxc.LxcMountPoint}, {@link org.offops.inventory.domain.lxc.LxcNet},
 *       {@link org.offops.inventory.domain.lxc.LxcRootFs}, {@link org.offops.inventory.domain.lxc.LxcIdMap},
 *       {@link org.offops.inventory.domain.lxc.LxcOption}) computed from the kept text;</li>
 *   <li>{@link org.offops.inventory.domain.lxc.LxcConfigDiff} compares a held configuration with a live one;</li>
 *   <li>{@link org.offops.inventory.domain.lxc.LxcConfigs} adds and removes mount points.</li>
 * </ul>
 *
 * <p>To keep a configuration, store its text (what {@code write} returns): it is the whole truth and parses back to
 * an equal model. Columns derived from it (hostname, mount points) can be refreshed by parsing.
 */
package org.offops.inventory.domain.lxc;
