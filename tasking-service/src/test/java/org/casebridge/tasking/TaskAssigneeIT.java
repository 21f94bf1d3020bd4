package org.casebridge.tasking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.Grant;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.contracts.directory.DirectoryEntryChanged;
import org.casebridge.platform.access.CaseAccessProjection;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.directory.DirectoryCopy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Where an assignee belongs is the directory's word (fed by the directory topic), never the caller's. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskAssigneeIT {

    private static final Duration ARRIVES = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;
    @Autowired
    CaseAccessProjection caseAccess;
    @Autowired
    DirectoryCopy directory;

    private final String pc = DemoUsers.PC_ADAMS.token();

    private static String taskFor(String caseId, String kind, String id, String organisation) {
        return "{\"caseId\":\"" + caseId + "\",\"title\":\"Visit\",\"assignee\":{\"kind\":\"" + kind + "\",\"id\":\"" + id
                + "\"" + (organisation == null ? "" : ",\"organisation\":\"" + organisation + "\"") + "}}";
    }

    @Test
    void namingTheOwnersOrganisationForSomeoneElsesUserDoesNotPassTheAccessCheck() {
        // a police case nobody outside the police may touch
        String caseId = new ObjectId().toHexString();
        store.append(events.of(caseId, 1L, new CaseAccessChanged(caseId, "DOMESTIC_ABUSE", "CLEVELAND_POLICE", true,
                List.of(new Grant(PrincipalKind.ORGANISATION, "CLEVELAND_POLICE", AccessLevel.MANAGE, null)), Instant.now())));
        await().atMost(ARRIVES).until(() -> caseAccess.find(caseId).isPresent());
        // a housing officer, as sharing-service announces them on the directory topic
        store.append(events.of("user:tg.officer", null, new DirectoryEntryChanged("user:tg.officer", "USER", "tg.officer",
                "TG Officer", "THIRTEEN_GROUP", null, List.of(), List.of("PRACTITIONER"), true, Instant.now())));
        await().atMost(ARRIVES).until(() -> directory.find("user:tg.officer").isPresent());
        var api = ApiClient.onPort(port);

        var claimed = api.post("/api/v1/tasks", pc, taskFor(caseId, "USER", "tg.officer", "CLEVELAND_POLICE"));
        assertThat(claimed.getStatusCode().value()).isEqualTo(422);
        assertThat(claimed.getBody().get("detail").asString()).contains("does not belong to CLEVELAND_POLICE");
        // with the organisation left out the directory says Thirteen Group, which may not contribute: 409
        assertThat(api.post("/api/v1/tasks", pc, taskFor(caseId, "USER", "tg.officer", null)).getStatusCode().value())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/tasks", pc, taskFor(caseId, "USER", "nobody.known", "CLEVELAND_POLICE"))
                .getStatusCode().value()).isEqualTo(422);
        assertThat(api.post("/api/v1/tasks", pc, taskFor(caseId, "TEAM", "THIRTEEN_ASB", "CLEVELAND_POLICE"))
                .getStatusCode().value()).isEqualTo(422);

        // one of the police's own: the organisation comes from the directory and may be left out
        var given = api.post("/api/v1/tasks", pc, taskFor(caseId, "USER", "sgt.lowe", null));
        assertThat(given.getStatusCode().value()).isEqualTo(201);
        assertThat(given.getBody().get("assignee").get("organisation").asString()).isEqualTo("CLEVELAND_POLICE");
        // and reassigning follows the same rule
        var reassigned = api.call(org.springframework.http.HttpMethod.POST,
                "/api/v1/tasks/" + given.getBody().get("id").asString() + "/reassign", pc,
                given.getHeaders().getETag(), "{\"assignee\":{\"kind\":\"USER\",\"id\":\"tg.officer\",\"organisation\":\"CLEVELAND_POLICE\"}}");
        assertThat(reassigned.getStatusCode().value()).isEqualTo(422);
    }
}
