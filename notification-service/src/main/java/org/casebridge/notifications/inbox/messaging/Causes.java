package org.casebridge.notifications.inbox.messaging;

import org.casebridge.platform.kafka.IncomingEvent;

/** The cause a notice is delivered for, once per recipient: the event's type, subject and sequence. */
final class Causes {

    private Causes() {
    }

    static String of(IncomingEvent event) {
        return event.type() + "|" + event.subject() + "|" + event.sequence();
    }
}
