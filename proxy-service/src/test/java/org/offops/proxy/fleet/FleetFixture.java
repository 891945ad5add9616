package org.offops.proxy.fleet;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.offops.events.EventCodec;
import org.offops.events.OffopsEvent;
import org.offops.events.Topics;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetBoxResource;
import org.offops.testkit.fleet.FleetInventory;

/** What the fleet tests share: waiting for the fleet view, the five flavor sites, events on offops.proxy. */
final class FleetFixture {

    static final List<String> FLAVORS = List.of("off", "obf", "opf", "opff", "off-pro");

    private FleetFixture() {
    }

    static FleetBox box() {
        return FleetBoxResource.box();
    }

    static String proxyAddress() {
        return box().host("proxy").address();
    }

    /** Waits until this service's fleet view shows this box's hosts, then makes the five flavor sites. */
    static void flavorSites() {
        FleetInventory.awaitFleetView(box(), Duration.ofSeconds(60));
        for (String flavor : FLAVORS) {
            if (ProxyApi.get("/sites/" + flavor).statusCode() == 404) {
                ProxyApi.create(ProxyApi.site(flavor, List.of()), false).then().statusCode(201);
            }
        }
    }

    /** The container whose backend answered a request for {@code host} through the proxy. */
    static String backendFor(String host) {
        try {
            return ProxyClient.get(proxyAddress(), 80, host, "/version").header("X-Offops-Host");
        } catch (java.io.IOException e) {
            return "unreachable: " + e.getMessage();
        }
    }

    /** The first event of {@code type} under {@code key} on offops.proxy matching {@code test}. */
    static <T extends OffopsEvent> T event(String key, Class<T> type, Predicate<T> test) {
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.PROXY,
                seen -> find(seen, key, type, test).isPresent(), Duration.ofSeconds(30));
        return find(records, key, type, test).orElseThrow();
    }

    private static <T extends OffopsEvent> Optional<T> find(List<ConsumerRecord<String, byte[]>> records, String key,
                                                            Class<T> type, Predicate<T> test) {
        return records.stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .map(EventCodec::payload)
                .filter(type::isInstance).map(type::cast)
                .filter(test).findFirst();
    }

    static String hostFile(String host, String path) throws java.io.IOException {
        return java.nio.file.Files.readString(box().host(host).path(path), StandardCharsets.UTF_8);
    }

}
