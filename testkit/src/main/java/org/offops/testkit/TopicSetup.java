package org.offops.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics listed in deploy/kafka/topics.conf, the same list production's create-topics.sh reads. */
public final class TopicSetup {

    /** One line of topics.conf: name, partitions, retention and optional cleanup policy. */
    public record TopicSpec(String name, int partitions, long retentionMs, String cleanupPolicy) {
    }

    private TopicSetup() {
    }

    public static List<TopicSpec> read(Path topicsConf) {
        try {
            List<TopicSpec> specs = new ArrayList<>();
            for (String line : Files.readAllLines(topicsConf)) {
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                String[] fields = content.split("\\s+");
                if (fields.length < 3 || fields.length > 4) {
                    throw new IllegalArgumentException(topicsConf + ": expected 'name partitions retention.ms [cleanup.policy]': " + content);
                }
                specs.add(new TopicSpec(fields[0], Integer.parseInt(fields[1]), Long.parseLong(fields[2]),
                        fields.length == 4 ? fields[3] : "delete"));
            }
            return specs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void create(String bootstrap, List<TopicSpec> specs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (TopicSpec spec : specs) {
                Map<String, String> config = new HashMap<>();
                config.put("retention.ms", Long.toString(spec.retentionMs()));
                config.put("cleanup.policy", spec.cleanupPolicy());
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(config);
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + spec.name() + ": " + e.getCause(), e);
                    }
                }
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("topic creation did not finish", e);
        }
    }
}
