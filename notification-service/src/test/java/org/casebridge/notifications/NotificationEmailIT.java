package org.casebridge.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.bson.types.ObjectId;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.Grant;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.task.TaskCreated;
import org.casebridge.contracts.task.TaskSummary;
import org.casebridge.notifications.email.sending.DailyDigest;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/** E-mail through a real SMTP server (GreenMail): once per notification, preferences, digests, and an SMTP outage. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "casebridge.notifications.email.send-every=PT0.2S",
        "casebridge.notifications.email.retry.first=PT1S", "casebridge.notifications.email.retry.longest=PT2S"})
class NotificationEmailIT {

    private static final Duration ARRIVES = Duration.ofSeconds(30);
    private static int smtpPort;
    private static GreenMail smtp;

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    DailyDigest digest;

    @BeforeAll
    static void startSmtp() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtpPort);
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static List<String> subjectsTo(String address) {
        return mailTo(address).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                return "?";
            }
        }).toList();
    }

    private void taskFor(String userId, String organisation, String title) {
        String taskId = new ObjectId().toHexString();
        TaskSummary task = new TaskSummary(taskId, null, "PERSON", new ObjectId().toHexString(), title, "HIGH", null,
                new TaskSummary.Assignee("USER", userId, organisation), "NEW", "jo.smith", "STOCKTON_CST");
        store.append(events.of(taskId, 1L, new TaskCreated(task, "jo.smith", "STOCKTON_CST", Instant.now())));
    }

    @Test
    void aShareProducesExactlyOneEmailAndOneInboxEntry() {
        String pc = TestTokens.practitioner("pc.evans", "CLEVELAND_POLICE", "CP_STOCKTON_NPT");
        ApiClient.onPort(port).get("/api/v1/notifications", pc);
        String caseId = new ObjectId().toHexString();
        List<Grant> grants = List.of(new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null),
                new Grant(PrincipalKind.USER, "pc.evans", AccessLevel.VIEW, null));
        store.append(events.of(caseId, 1L, new CaseAccessChanged(caseId, "ASB_PERSONAL", "STOCKTON_CST", false, grants,
                Instant.now())));
        String address = "pc.evans@cleveland.police.casebridge.test";
        await().atMost(ARRIVES).until(() -> mailTo(address).size() == 1);

        // the same decision again, then a task as a marker that everything before it was handled
        store.append(events.of(caseId, 2L, new CaseAccessChanged(caseId, "ASB_PERSONAL", "STOCKTON_CST", false, grants,
                Instant.now())));
        taskFor("pc.evans", "CLEVELAND_POLICE", "Marker task");
        await().atMost(ARRIVES).until(() -> mailTo(address).size() == 2);
        assertThat(subjectsTo(address)).filteredOn(s -> s.contains("was shared with you")).hasSize(1);
        assertThat(ApiClient.onPort(port).get("/api/v1/notifications?limit=100", pc).getBody().get("items")
                .findValuesAsString("kind")).containsOnlyOnce("CASE_SHARED");
    }

    @Test
    void aDownSmtpServerDelaysButNeverLosesAnEmail() {
        String address = "amy.hall@partners.casebridge.test";
        smtp.stop();
        try {
            taskFor("amy.hall", "STOCKTON_CST", "Visit while the mail server is down");
            await().atMost(ARRIVES).until(() -> {
                org.bson.Document queued = mongo.getCollection("email_outbox")
                        .find(new org.bson.Document("recipient", "amy.hall")).first();
                return queued != null && queued.getInteger("attempts", 0) >= 1 && "PENDING".equals(queued.getString("status"));
            });
        } finally {
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        await().atMost(ARRIVES).until(() -> mailTo(address).size() == 1);
        assertThat(subjectsTo(address)).containsExactly("[CaseBridge] jo.smith set you a high priority task: "
                + "Visit while the mail server is down");
        assertThat(mongo.getCollection("email_outbox").find(new org.bson.Document("recipient", "amy.hall")).first()
                .getString("status")).isEqualTo("SENT");
    }

    @Test
    void whatAUserTurnedOffIsNotEmailedAndTheRestWaitsForTheDigest() {
        String kim = TestTokens.practitioner("kim.lee", "STOCKTON_CST", "STOCKTON_ASB");
        var changed = ApiClient.onPort(port).call(HttpMethod.PUT, "/api/v1/notifications/preferences", kim, null,
                "{\"email\":{\"TASK_ASSIGNED\":\"OFF\"}}");
        assertThat(changed.getBody().get("email").get("TASK_ASSIGNED").asString()).isEqualTo("OFF");
        assertThat(changed.getBody().get("email").get("CASE_UPDATED").asString()).isEqualTo("DIGEST");
        assertThat(ApiClient.onPort(port).call(HttpMethod.PUT, "/api/v1/notifications/preferences", kim, null,
                "{\"email\":{\"TASK_ASSIGNED\":\"SOMETIMES\"}}").getStatusCode().value()).isEqualTo(400);
        String address = "kim.lee@stockton.casebridge.test";

        taskFor("kim.lee", "STOCKTON_CST", "Not e-mailed");
        String caseId = new ObjectId().toHexString();
        store.append(events.of(caseId, 1L, new CaseOpened(caseId, "ASB-2026-000500", "ASB_PERSONAL", false, "Digest case",
                "OPEN", "STOCKTON_CST", "kim.lee", null, "jo.smith", Instant.now())));
        store.append(events.of(caseId, 1L, new CaseAccessChanged(caseId, "ASB_PERSONAL", "STOCKTON_CST", false,
                List.of(new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null)), Instant.now())));
        store.append(events.of(caseId, 2L, new CaseLogEntryAdded(caseId, "ASB-2026-000500", new ObjectId().toHexString(),
                "VISIT", "PARTNERSHIP", null, "pc.adams", "CLEVELAND_POLICE", Instant.now())));
        await().atMost(ARRIVES).until(() -> mailTo(address).size() == 1);
        await().atMost(ARRIVES).until(() -> mongo.getCollection("email_outbox")
                .countDocuments(new org.bson.Document("recipient", "kim.lee").append("status", "WAITING_FOR_DIGEST")) == 1);
        assertThat(subjectsTo(address)).containsExactly("[CaseBridge] You are the lead officer for ASB-2026-000500: Digest case");

        assertThat(digest.compose()).isPositive();
        await().atMost(ARRIVES).until(() -> mailTo(address).size() == 2);
        assertThat(subjectsTo(address)).contains("[CaseBridge] Your daily digest: 1 notification");
        assertThat(subjectsTo(address)).noneMatch(s -> s.contains("Not e-mailed"));
    }

    @Test
    void onlyPartnershipAdministratorsSeeTheDeliveryQueue() {
        String jo = DemoUsers.JO_SMITH.token();
        assertThat(ApiClient.onPort(port).get("/api/v1/notifications/deliveries", jo).getStatusCode().value()).isEqualTo(403);
        String admin = DemoUsers.PAT_ADMIN.token();
        var failed = ApiClient.onPort(port).get("/api/v1/notifications/deliveries?status=SENT", admin);
        assertThat(failed.getStatusCode().value()).isEqualTo(200);
        assertThat(ApiClient.onPort(port).call(HttpMethod.POST, "/api/v1/notifications/deliveries/nothing/retry", admin, null,
                null).getStatusCode().value()).isEqualTo(404);
    }

    /** Other people's addresses and subjects: whoever reads the queue leaves a record of each e-mail shown. */
    @Test
    void readingTheDeliveryQueueIsAudited() throws Exception {
        try (org.casebridge.platform.test.TopicProbe audit = new org.casebridge.platform.test.TopicProbe(
                org.casebridge.contracts.Topics.AUDIT)) {
            String lee = TestTokens.practitioner("lee.audit", "STOCKTON_CST", "STOCKTON_ASB");
            ApiClient.onPort(port).get("/api/v1/notifications", lee);
            taskFor("lee.audit", "STOCKTON_CST", "Queue audit");
            await().atMost(ARRIVES).until(() -> mailTo("lee.audit@stockton.casebridge.test").size() == 1);
            String admin = DemoUsers.PAT_ADMIN.token();
            String emailId = null;
            for (var e : ApiClient.onPort(port).get("/api/v1/notifications/deliveries?status=SENT&limit=500", admin)
                    .getBody()) {
                if ("lee.audit".equals(e.get("recipient").asString())) {
                    emailId = e.get("id").asString();
                }
            }
            assertThat(emailId).isNotNull();
            String shown = emailId;
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(audit.about(shown)).anySatisfy(r -> assertThat(
                    org.casebridge.platform.test.TopicProbe.body(r)).contains("\"action\":\"READ_EMAIL_QUEUE\"")
                    .contains("\"userId\":\"pat.admin\"")));

            // a retry's record rides in the e-mail's own outbox, in the write that puts it back in the queue
            mongo.getCollection("email_outbox").updateOne(new org.bson.Document("recipient", "lee.audit"),
                    new org.bson.Document("$set", new org.bson.Document("status", "FAILED")));
            assertThat(ApiClient.onPort(port).call(HttpMethod.POST, "/api/v1/notifications/deliveries/" + shown
                    + "/retry", admin, null, null).getStatusCode().value()).isEqualTo(200);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(audit.about(shown)).anySatisfy(r -> assertThat(
                    org.casebridge.platform.test.TopicProbe.body(r)).contains("\"action\":\"RETRY_EMAIL\"")
                    .contains("\"userId\":\"pat.admin\"")));
        }
    }
}
