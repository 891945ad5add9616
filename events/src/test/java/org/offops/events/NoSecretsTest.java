package org.offops.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Events are replicated, logged and kept for replay, so nothing secret may ever be a field of one. */
class NoSecretsTest {

    private static final List<String> SECRET_WORDS = List.of("psk", "secret", "token", "password", "key");
    // A public SSH host key is what known_hosts pins; publishing it is the point.
    private static final Set<String> ALLOWED = Set.of("hostKey");

    @Test
    void eventsCarryNoSecretFields() {
        List<String> offending = new ArrayList<>();
        secretComponents(EventEnvelope.class, "", offending);
        EventTypes.all().forEach(type -> secretComponents(EventTypes.classOf(type).orElseThrow(), "", offending));

        assertEquals(List.of(), offending);
    }

    @Test
    void secretFieldsAreFoundInNestedRecords() {
        record Link(String name, String pskValue) {
        }
        record Leaky(String server, List<Link> links, String apiToken) {
        }
        List<String> offending = new ArrayList<>();

        secretComponents(Leaky.class, "", offending);

        assertEquals(List.of("Leaky.links.pskValue", "Leaky.apiToken"), offending);
    }

    private static void secretComponents(Class<?> type, String path, List<String> offending) {
        String here = path.isEmpty() ? type.getSimpleName() : path;
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!ALLOWED.contains(name) && SECRET_WORDS.stream().anyMatch(lower::contains)) {
                offending.add(here + "." + name);
            }
            Class<?> nested = recordIn(component.getGenericType());
            if (nested != null) {
                secretComponents(nested, here + "." + name, offending);
            }
        }
    }

    private static Class<?> recordIn(Type type) {
        if (type instanceof Class<?> c) {
            return c.isRecord() ? c : null;
        }
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                Class<?> nested = recordIn(argument);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
