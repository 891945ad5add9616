package org.offops.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.offops.events.deploy.DeployStepCompleted;
import org.offops.events.deploy.DeployStepFailed;
import org.offops.events.deploy.DeploymentFailed;
import org.offops.events.deploy.DeploymentRolledBack;
import org.offops.events.deploy.DeploymentStarted;
import org.offops.events.deploy.DeploymentSucceeded;
import org.offops.events.deploy.ReleasePublished;
import org.offops.events.inventory.ContainerRegistered;
import org.offops.events.inventory.ContainerRemoved;
import org.offops.events.inventory.ContainerUpdated;
import org.offops.events.inventory.ServerRegistered;
import org.offops.events.inventory.ServerRemoved;
import org.offops.events.inventory.ServerUpdated;
import org.offops.events.network.LinkCheckFailed;
import org.offops.events.network.PskRotated;
import org.offops.events.network.StunnelLinkConfigured;
import org.offops.events.proxy.BanAdded;
import org.offops.events.proxy.BanRemoved;
import org.offops.events.proxy.CertificateExpiring;
import org.offops.events.proxy.ConfigDriftDetected;
import org.offops.events.proxy.ProxyConfigApplied;
import org.offops.events.proxy.ProxyConfigRejected;
import org.offops.events.storage.CloneRefreshed;
import org.offops.events.storage.DatasetRenamed;
import org.offops.events.storage.MountConfigured;
import org.offops.events.storage.MountRemoved;
import org.offops.events.storage.ReplicationFailed;
import org.offops.events.storage.SnapshotPruned;
import org.offops.events.storage.SnapshotReplicated;
import org.offops.events.storage.SnapshotTaken;
import org.offops.events.storage.StorageAlarmRaised;

/** The registry of every event type this build knows: type string, record class and owning topic. */
public final class EventTypes {

    private static final Map<String, Class<? extends OffopsEvent>> CLASSES = new LinkedHashMap<>();
    private static final Map<Class<? extends OffopsEvent>, String> TYPES = new LinkedHashMap<>();

    static {
        register(ServerRegistered.TYPE, ServerRegistered.class);
        register(ServerUpdated.TYPE, ServerUpdated.class);
        register(ServerRemoved.TYPE, ServerRemoved.class);
        register(ContainerRegistered.TYPE, ContainerRegistered.class);
        register(ContainerUpdated.TYPE, ContainerUpdated.class);
        register(ContainerRemoved.TYPE, ContainerRemoved.class);

        register(ReleasePublished.TYPE, ReleasePublished.class);
        register(DeploymentStarted.TYPE, DeploymentStarted.class);
        register(DeployStepCompleted.TYPE, DeployStepCompleted.class);
        register(DeployStepFailed.TYPE, DeployStepFailed.class);
        register(DeploymentSucceeded.TYPE, DeploymentSucceeded.class);
        register(DeploymentFailed.TYPE, DeploymentFailed.class);
        register(DeploymentRolledBack.TYPE, DeploymentRolledBack.class);

        register(SnapshotTaken.TYPE, SnapshotTaken.class);
        register(SnapshotReplicated.TYPE, SnapshotReplicated.class);
        register(ReplicationFailed.TYPE, ReplicationFailed.class);
        register(SnapshotPruned.TYPE, SnapshotPruned.class);
        register(CloneRefreshed.TYPE, CloneRefreshed.class);
        register(MountConfigured.TYPE, MountConfigured.class);
        register(MountRemoved.TYPE, MountRemoved.class);
        register(DatasetRenamed.TYPE, DatasetRenamed.class);
        register(StorageAlarmRaised.TYPE, StorageAlarmRaised.class);

        register(StunnelLinkConfigured.TYPE, StunnelLinkConfigured.class);
        register(PskRotated.TYPE, PskRotated.class);
        register(LinkCheckFailed.TYPE, LinkCheckFailed.class);

        register(ProxyConfigApplied.TYPE, ProxyConfigApplied.class);
        register(ProxyConfigRejected.TYPE, ProxyConfigRejected.class);
        register(ConfigDriftDetected.TYPE, ConfigDriftDetected.class);
        register(CertificateExpiring.TYPE, CertificateExpiring.class);
        register(BanAdded.TYPE, BanAdded.class);
        register(BanRemoved.TYPE, BanRemoved.class);
    }

    private EventTypes() {
    }

    /** Returns the record class registered for {@code type}, or empty for a type this build does not know. */
    public static Optional<Class<? extends OffopsEvent>> classOf(String type) {
        return Optional.ofNullable(CLASSES.get(type));
    }

    /** Returns the registered type string of {@code eventClass}. */
    public static String typeOf(Class<? extends OffopsEvent> eventClass) {
        String type = TYPES.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not registered in EventTypes");
        }
        return type;
    }

    /** Returns the type string of {@code event}, including the carried-through type of an {@link UnknownEvent}. */
    public static String typeOf(OffopsEvent event) {
        return event instanceof UnknownEvent unknown ? unknown.type() : typeOf(event.getClass());
    }

    /** Returns the topic carrying {@code type}, derived from its domain segment: {@code offops.deploy.*} → deploy. */
    public static String topicOf(String type) {
        String[] parts = type == null ? new String[0] : type.split("\\.");
        String topic = parts.length == 3 && parts[0].equals("offops") ? "offops." + parts[1] : null;
        if (topic == null || !Topics.ALL.contains(topic)) {
            throw new IllegalArgumentException("no offops topic for event type '" + type + "'");
        }
        return topic;
    }

    /** Returns every registered type string, grouped by domain in a stable order. */
    public static Set<String> all() {
        return Collections.unmodifiableSet(CLASSES.keySet());
    }

    private static void register(String type, Class<? extends OffopsEvent> eventClass) {
        if (CLASSES.putIfAbsent(type, eventClass) != null || TYPES.putIfAbsent(eventClass, type) != null) {
            throw new IllegalStateException("duplicate event registration: " + type + " / " + eventClass.getName());
        }
    }
}
