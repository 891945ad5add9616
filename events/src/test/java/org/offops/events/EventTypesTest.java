package org.offops.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.offops.events.deploy.DeploymentStarted;
import org.offops.events.inventory.ServerState;

class EventTypesTest {

    static Stream<String> types() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeIsNamedAfterItsDomainAndRecord(String type) throws Exception {
        Class<? extends OffopsEvent> eventClass = EventTypes.classOf(type).orElseThrow();
        String domain = eventClass.getPackageName().substring("org.offops.events.".length());

        assertTrue(eventClass.isRecord());
        assertEquals("offops." + domain + "." + eventClass.getSimpleName(), type);
        assertEquals(type, eventClass.getField("TYPE").get(null));
        assertEquals(type, EventTypes.typeOf(eventClass));
        assertEquals("offops." + domain, EventTypes.topicOf(type));
    }

    @Test
    void typesAreRoutedToTheirDomainTopic() {
        assertEquals(Topics.DEPLOY, EventTypes.topicOf(DeploymentStarted.TYPE));
        assertEquals(Topics.DEPLOY, EventTypes.topicOf("offops.deploy.SomethingNewer"));
        assertThrows(IllegalArgumentException.class, () -> EventTypes.topicOf("offops.future.Thing"));
        assertThrows(IllegalArgumentException.class, () -> EventTypes.topicOf("deploy"));
    }

    @Test
    void unknownTypesAndClassesAreNotRegistered() {
        assertTrue(EventTypes.classOf("offops.future.Thing").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> EventTypes.typeOf(UnknownEvent.class));
        assertEquals("offops.future.Thing", EventTypes.typeOf(new UnknownEvent("offops.future.Thing", null)));
    }

    @Test
    void everyEventRecordIsRegistered() throws Exception {
        Path classes = Path.of(OffopsEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> unregistered;
        try (Stream<Path> files = Files.walk(classes)) {
            unregistered = files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(EventTypesTest::load)
                    .filter(c -> OffopsEvent.class.isAssignableFrom(c) && c.isRecord() && c != UnknownEvent.class)
                    .filter(c -> !EventTypes.all().contains(typeConstant(c)))
                    .map(Class::getName)
                    .toList();
        }
        assertEquals(List.of(), unregistered, "records implementing OffopsEvent missing from EventTypes");
        assertTrue(EventTypes.classOf(ServerState.class.getSimpleName()).isEmpty());
    }

    @Test
    void everyTopicHasADeadLetterTopic() {
        assertEquals(List.of("offops.inventory", "offops.deploy", "offops.storage", "offops.network", "offops.proxy"),
                Topics.ALL);
        assertEquals("offops.deploy.dlq", Topics.dlq(Topics.DEPLOY));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static String typeConstant(Class<?> eventClass) {
        try {
            return (String) eventClass.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            return eventClass.getName() + " has no TYPE constant";
        }
    }
}
