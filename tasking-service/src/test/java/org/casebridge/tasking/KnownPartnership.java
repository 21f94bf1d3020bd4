package org.casebridge.tasking;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.casebridge.contracts.directory.DirectoryEntryChanged;
import org.casebridge.platform.directory.DirectoryCopy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * For the tests: the directory entries sharing-service would have published for the organisations, teams and users
 * the tests give tasks to, written into tasking-service's copy as the context starts (TaskAssigneeIT sends its own
 * through the real directory topic).
 */
@Component
class KnownPartnership implements ApplicationRunner {

    private static final Map<String, String> TEAMS = Map.of("CP_STOCKTON_NPT", "CLEVELAND_POLICE",
            "STOCKTON_ASB", "STOCKTON_CST", "THIRTEEN_ASB", "THIRTEEN_GROUP");
    private static final Map<String, String> USERS = Map.of("jo.smith", "STOCKTON_CST", "raj.patel", "STOCKTON_CST",
            "amy.lowe", "STOCKTON_CST", "pc.adams", "CLEVELAND_POLICE", "sgt.lowe", "CLEVELAND_POLICE",
            "tom.reid", "THIRTEEN_GROUP");

    private final DirectoryCopy directory;

    KnownPartnership(DirectoryCopy directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant then = Instant.parse("2026-01-01T00:00:00Z");
        for (String org : List.of("CLEVELAND_POLICE", "STOCKTON_CST", "THIRTEEN_GROUP", "MIDDLESBROUGH_CST")) {
            directory.record(new DirectoryEntryChanged("org:" + org, "ORGANISATION", org, org, org, null, List.of(), List.of(),
                    true, then));
        }
        TEAMS.forEach((team, org) -> directory.record(new DirectoryEntryChanged("team:" + team, "TEAM", team, team, org,
                null, List.of(), List.of(), true, then)));
        USERS.forEach((user, org) -> directory.record(new DirectoryEntryChanged("user:" + user, "USER", user, user, org,
                null, List.of(), List.of("PRACTITIONER"), true, then)));
    }
}
