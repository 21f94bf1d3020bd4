package org.casebridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseReopened;
import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class EventHandlersTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> heard = new ArrayList<>();
    private final EventHandlers handlers = new EventHandlers(null, "test")
            .on(CaseClosed.class, closed -> heard.add("closed " + closed.reference() + " " + closed.outcome()))
            .on(CaseReopened.class, (reopened, event) -> heard.add("reopened " + event.subject() + "@" + event.sequence()));

    @Test
    void aHandledTypeReachesItsHandlerAsItsOwnClass() {
        boolean taken = handlers.dispatch(event(EventTypes.CASE_CLOSED.type(),
                "{\"caseId\":\"c1\",\"reference\":\"CB-1\",\"outcome\":\"RESOLVED\"}"));

        assertThat(taken).isTrue();
        assertThat(heard).containsExactly("closed CB-1 RESOLVED");
    }

    @Test
    void aHandlerMaySeeTheEnvelope() {
        handlers.dispatch(event(EventTypes.CASE_REOPENED.type(), "{\"caseId\":\"c1\"}"));

        assertThat(heard).containsExactly("reopened c1@7");
    }

    @Test
    void aTypeNobodyHandlesIsSkippedWithoutReadingItsData() {
        assertThat(handlers.dispatch(event(EventTypes.CASE_OPENED.type(), "not json"))).isFalse();
        assertThat(handlers.dispatch(event("casebridge.case.unheard-of.v1", "not json"))).isFalse();
        assertThat(heard).isEmpty();
    }

    @Test
    void unreadableDataOfAHandledTypeFailsSoTheRecordIsDeadLettered() {
        // JacksonException is not retried by the platform's error handler: the record goes to <topic>.dlt at once
        assertThatThrownBy(() -> handlers.dispatch(event(EventTypes.CASE_CLOSED.type(), "{not json")))
                .isInstanceOf(JacksonException.class);
        assertThat(heard).isEmpty();
    }

    @Test
    void onlyTheContractsTypesCanBeHandledAndEachOnce() {
        assertThatThrownBy(() -> new EventHandlers(null, "test").on(String.class, s -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventHandlers(null, "test").on(CaseOpened.class, o -> { })
                .on(CaseOpened.class, (o, e) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    private IncomingEvent event(String type, String data) {
        return new IncomingEvent("e1", type, "case-service", "c1", 7L, null, data.getBytes(StandardCharsets.UTF_8),
                Topics.CASE, json);
    }
}
