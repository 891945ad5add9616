package org.offops.inventory.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.offops.inventory.domain.FleetRules;
import org.offops.inventory.store.HostKeyEnrollment;
import org.offops.platform.api.ApiException;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/**
 * Pins host keys after provisioning: text lines {@code <host> <SHA256 fingerprint>} (further columns ignored, so
 * the fleet-in-a-box's inventory.tsv can be posted as {@code name type address port user fingerprint ...}).
 */
@Path("/import/host-keys")
public class HostKeyResource {

    private final HostKeyEnrollment enrollment;
    private final Caller caller;

    public HostKeyResource(HostKeyEnrollment enrollment, Caller caller) {
        this.enrollment = enrollment;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    public List<HostKeyEnrollment.Enrolled> enroll(String lines) {
        Map<String, String> keys = new LinkedHashMap<>();
        int number = 0;
        for (String line : (lines == null ? "" : lines).split("\n")) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.trim().split("\\s+");
            String key = words.length >= 6 && words[5].startsWith("SHA256:") ? words[5]
                    : words.length >= 2 ? words[1] : "";
            if (!FleetRules.isHostKey(key)) {
                throw ApiException.badRequest("line " + number + ": expected '<host> SHA256:<fingerprint>'", "body");
            }
            keys.put(words[0], key);
        }
        return enrollment.enroll(keys, caller.actor());
    }
}
