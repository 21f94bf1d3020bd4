package org.casebridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.audit.AuditRecorded;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.cases.CaseInterventionRecorded;
import org.casebridge.contracts.cases.CasePartyLinked;
import org.casebridge.contracts.cases.CasePartyUnlinked;
import org.casebridge.contracts.cases.CaseRiskAssessed;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseReopened;
import org.casebridge.contracts.cases.CaseReviewThresholdMet;
import org.casebridge.contracts.cases.CaseStatusChanged;
import org.casebridge.contracts.cases.CaseTransferDeclined;
import org.casebridge.contracts.cases.CaseTransferOffered;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.contracts.cases.CaseUpdated;
import org.casebridge.contracts.notification.NotificationCreated;
import org.casebridge.contracts.party.PersonRegistered;
import org.casebridge.contracts.party.PersonsMerged;
import org.casebridge.contracts.task.TaskSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every event type a partner system may receive has a schema, and what we publish obeys it. */
class EventSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Instant NOW = Instant.parse("2026-05-03T10:15:30Z");

    static List<Object> samples() {
        return List.of(
                new CaseOpened("c-1", "ASB-2026-000123", "ASB_PERSONAL", false, "Noise and threats at Elm Road", "OPEN",
                        "STOCKTON_CST", "jo.smith", "STOCKTON_ASB", "jo.smith", NOW),
                new CaseUpdated("c-1", "ASB-2026-000123", Map.of("title", java.util.Collections.singletonMap("before", "Noise")),
                        "jo.smith", "STOCKTON_CST", NOW),
                new CaseStatusChanged("c-1", "ASB-2026-000123", "OPEN", "REVIEW", "jo.smith", "STOCKTON_CST", NOW),
                new CaseClosed("c-1", "ASB-2026-000123", "OPEN", "RESOLVED", "Tenant moved; no further reports", "jo.smith",
                        "STOCKTON_CST", NOW),
                new CaseReopened("c-1", "ASB-2026-000123", "New reports from the neighbour", "jo.smith", "STOCKTON_CST", NOW),
                new CaseLogEntryAdded("c-1", "ASB-2026-000123", "e-1", "VISIT", "PARTNERSHIP", null, "jo.smith", "STOCKTON_CST", NOW),
                new CaseRiskAssessed("c-1", "ASB-2026-000123", "r-1", 25, "HIGH", "MEDIUM", "jo.smith", "STOCKTON_CST", NOW),
                new CasePartyLinked("c-1", "ASB-2026-000123", "ASB_PERSONAL", "PERSON", "p-1", "VICTIM", "jo.smith",
                        "STOCKTON_CST", NOW),
                new CasePartyUnlinked("c-1", "ASB-2026-000123", "PERSON", "p-1", "WITNESS", "jo.smith", "STOCKTON_CST", NOW),
                new CaseInterventionRecorded("c-1", "ASB-2026-000123", "i-1", "CIVIL_INJUNCTION", "IN_FORCE",
                        java.time.LocalDate.of(2026, 5, 1), null, "jo.smith", "STOCKTON_CST", NOW),
                new CaseReviewThresholdMet("c-1", "ASB-2026-000123", "STOCKTON_CST", "jo.smith", "p-1", 3, 3, 6, NOW),
                new CaseTransferOffered("c-1", "ASB-2026-000123", "ASB_PERSONAL", "STOCKTON_CST", "THIRTEEN_GROUP",
                        "Tenancy enforcement is now the main route", "jo.smith", NOW),
                new CaseTransferDeclined("c-1", "ASB-2026-000123", "STOCKTON_CST", "THIRTEEN_GROUP", null, "tom.reid",
                        "THIRTEEN_GROUP", NOW),
                new CaseTransferred("c-1", "ASB-2026-000123", "ASB_PERSONAL", false, "STOCKTON_CST", "THIRTEEN_GROUP",
                        "tom.reid", "tom.reid", NOW),
                new CaseAccessChanged("c-1", "ASB_PERSONAL", "STOCKTON_CST", false,
                        List.of(new CaseAccessChanged.Grant(CaseAccessChanged.PrincipalKind.ORGANISATION, "STOCKTON_CST",
                                CaseAccessChanged.AccessLevel.MANAGE, null)), NOW),
                new PersonsMerged("p-1", "p-2", "jo.smith", "STOCKTON_CST", NOW),
                new org.casebridge.contracts.party.PersonUpdated("p-1", List.of("addresses", "flags"), "jo.smith",
                        "STOCKTON_CST", NOW),
                new org.casebridge.contracts.party.PersonsUnmerged("p-1", "p-2", "jo.smith", "STOCKTON_CST", NOW),
                new org.casebridge.contracts.party.RepeatPresentationFlagged("p-1", 3, 3, 12, List.of("c-1", "c-2", "c-3"),
                        List.of("STOCKTON_CST", "CLEVELAND_POLICE"), "STOCKTON_CST", NOW),
                new org.casebridge.contracts.party.LocationRegistered("l-1", "PARK", "TS18 1AB", "100110123456", 54.57,
                        -1.32, false, "jo.smith", "STOCKTON_CST", NOW),
                new org.casebridge.contracts.party.LocationUpdated("l-1", "PARK", null, null, null, null, true, "jo.smith",
                        "STOCKTON_CST", NOW),
                new PersonRegistered("p-1", "Robert", "Jones", "1980-02", "jo.smith", "STOCKTON_CST", NOW),
                new org.casebridge.contracts.task.TaskCreated(TASK, "jo.smith", "STOCKTON_CST", NOW),
                new org.casebridge.contracts.task.TaskAssigned(TASK, new TaskSummary.Assignee("TEAM", "CP_STOCKTON_NPT",
                        "CLEVELAND_POLICE"), "sgt.lowe", "CLEVELAND_POLICE", NOW),
                new org.casebridge.contracts.task.TaskAccepted(TASK, "pc.adams", "CLEVELAND_POLICE", NOW),
                new org.casebridge.contracts.task.TaskStarted(TASK, "pc.adams", "CLEVELAND_POLICE", NOW),
                new org.casebridge.contracts.task.TaskDeclined(TASK, "Not ours", "pc.adams", "CLEVELAND_POLICE", NOW),
                new org.casebridge.contracts.task.TaskUpdated(TASK, "Visited, nobody in", "pc.adams", "CLEVELAND_POLICE", NOW),
                new org.casebridge.contracts.task.TaskCompleted(TASK, "Warning given", "pc.adams", "CLEVELAND_POLICE", NOW),
                new org.casebridge.contracts.task.TaskCancelled(TASK, "No longer needed", "jo.smith", "STOCKTON_CST", NOW),
                new org.casebridge.contracts.task.TaskDueSoon(TASK, NOW),
                new org.casebridge.contracts.task.TaskOverdue(TASK, NOW),
                new org.casebridge.contracts.task.TaskEscalated(TASK, 3, NOW),
                new org.casebridge.contracts.task.TaskCaseClosed(TASK, "jo.smith", NOW),
                new org.casebridge.contracts.party.DuplicateSuspected("p-1-p-2", List.of("STOCKTON_CST", "CLEVELAND_POLICE"), 91,
                        NOW),
                new org.casebridge.contracts.sharing.AccessRequested("r-1", "c-1", "ASB_PERSONAL", "CLEVELAND_POLICE",
                        "jo.smith", "STOCKTON_CST", NOW),
                new org.casebridge.contracts.sharing.AccessRequestDecided("r-1", "c-1", "jo.smith", "STOCKTON_CST", "APPROVED",
                        "VIEW", NOW, "sgt.lowe", "CLEVELAND_POLICE", NOW),
                new org.casebridge.contracts.directory.DirectoryEntryChanged("user:jo.smith", "USER", "jo.smith", "Jo Smith",
                        "STOCKTON_CST", null, List.of("STOCKTON_ASB"), List.of("PRACTITIONER"), true, NOW),
                new org.casebridge.contracts.feed.AccessRevoked("c-1", "THIRTEEN_GROUP", NOW),
                new NotificationCreated("n-1", "jo.smith", "CASE_ASSIGNED", "You lead ASB-2026-000123", "c-1", NOW),
                new AuditRecorded("a-1", "jo.smith", "STOCKTON_CST", "READ", "case", "c-1", "owner-organisation", null,
                        Map.of(), "case-service", "req-1", NOW));
    }

    private static final TaskSummary TASK = new TaskSummary("t-1", "c-1", "CASE", "c-1", "Visit the victim", "HIGH",
            java.time.LocalDate.of(2026, 6, 1), new TaskSummary.Assignee("USER", "pc.adams", "CLEVELAND_POLICE"), "NEW",
            "jo.smith", "STOCKTON_CST");

    @Test
    void everyEventTypeHasASampleHere() {
        assertThat(samples()).extracting(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(EventTypes.ALL.stream().map(EventType::dataClass).toList());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void publishedDataObeysItsSchema(Object sample) {
        List<Error> errors = schemaOf(EventTypes.of(sample.getClass())).validate(JSON.valueToTree(sample));
        assertThat(errors).isEmpty();
    }

    @Test
    void schemaRefusesACaseOpenedWithoutItsReference() {
        JsonNode withoutReference = JSON.valueToTree(samples().get(0));
        ((tools.jackson.databind.node.ObjectNode) withoutReference).remove("reference");
        assertThat(schemaOf(EventTypes.CASE_OPENED).validate(withoutReference))
                .anySatisfy(e -> assertThat(e.getMessage()).contains("reference"));
    }

    @Test
    void topicNamesFollowTheConvention() {
        assertThat(Topics.partnerFeed("CLEVELAND_POLICE")).isEqualTo("casebridge.partner.cleveland_police.v1");
        assertThat(Topics.deadLetter(Topics.CASE)).isEqualTo("casebridge.case.v1.dlt");
        assertThat(EventTypes.byType("casebridge.case.opened.v1")).contains(EventTypes.CASE_OPENED);
    }

    private static Schema schemaOf(EventType type) {
        InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.schemaPath());
        assertThat(in).as("schema for %s", type.type()).isNotNull();
        return SCHEMAS.getSchema(in);
    }
}
