package org.casebridge.tasking.tasks.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The partnership's tasking figures per organisation, with no person or case in them: tasks set by it, set to it,
 * completed by it, the median time it took to complete them, and how many of its tasks are overdue now.
 */
public final class TaskFigures {

    public record Row(String organisation, long set, long received, long completed, Double medianHoursToComplete,
            long overdueNow) {
    }

    private TaskFigures() {
    }

    public static List<Row> count(Collection<Task> setInPeriod, Collection<Task> completedInPeriod, Collection<Task> open,
            Instant now) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, List<Duration>> durations = new TreeMap<>();
        for (Task t : setInPeriod) {
            counts.computeIfAbsent(t.createdByOrganisation(), o -> new long[4])[0]++;
            counts.computeIfAbsent(t.assignee().organisation(), o -> new long[4])[1]++;
        }
        for (Task t : completedInPeriod) {
            counts.computeIfAbsent(t.assignee().organisation(), o -> new long[4])[2]++;
            durations.computeIfAbsent(t.assignee().organisation(), o -> new ArrayList<>())
                    .add(Duration.between(t.createdAt(), t.completedAt()));
        }
        for (Task t : open) {
            if (t.isOverdue(now)) {
                counts.computeIfAbsent(t.assignee().organisation(), o -> new long[4])[3]++;
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((org, c) -> rows.add(new Row(org, c[0], c[1], c[2], medianHours(durations.get(org)), c[3])));
        return rows;
    }

    private static Double medianHours(List<Duration> taken) {
        if (taken == null || taken.isEmpty()) {
            return null;
        }
        List<Long> minutes = taken.stream().map(Duration::toMinutes).sorted().toList();
        int n = minutes.size();
        double median = n % 2 == 1 ? minutes.get(n / 2) : (minutes.get(n / 2 - 1) + minutes.get(n / 2)) / 2.0;
        return Math.round(median / 60.0 * 10) / 10.0;
    }
}
