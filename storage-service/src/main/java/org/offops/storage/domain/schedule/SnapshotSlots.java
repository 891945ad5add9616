package org.offops.storage.domain.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

/** Which snapshots a policy owes at a given time: one per kept period per slot (hour, day, week, month, year). */
public final class SnapshotSlots {

    /** A period and the start of the slot it is due for. */
    public record Due(Period period, Instant slot) {
    }

    private SnapshotSlots() {
    }

    public static List<Due> due(SnapshotPolicy policy, Instant now) {
        List<Due> due = new ArrayList<>();
        if (!policy.autosnap() || policy.processChildrenOnly()) {
            return due;
        }
        for (Period period : Period.values()) {
            if (policy.count(period) > 0) {
                due.add(new Due(period, slotStart(period, policy.frequentPeriod(), now)));
            }
        }
        return due;
    }

    static Instant slotStart(Period period, int frequentPeriod, Instant now) {
        LocalDateTime t = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalDateTime start = switch (period) {
            case FREQUENTLY -> t.truncatedTo(ChronoUnit.HOURS)
                    .plusMinutes((t.getMinute() / Math.max(1, frequentPeriod)) * (long) Math.max(1, frequentPeriod));
            case HOURLY -> t.truncatedTo(ChronoUnit.HOURS);
            case DAILY -> t.truncatedTo(ChronoUnit.DAYS);
            case WEEKLY -> t.truncatedTo(ChronoUnit.DAYS).minusDays(t.getDayOfWeek().getValue() - 1L);
            case MONTHLY -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case YEARLY -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
        return start.toInstant(ZoneOffset.UTC);
    }
}
