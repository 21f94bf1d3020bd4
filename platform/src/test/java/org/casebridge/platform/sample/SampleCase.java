package org.casebridge.platform.sample;

import java.util.ArrayList;
import java.util.List;

import org.casebridge.platform.events.OutboxEvent;
import org.springframework.data.annotation.Id;

/** A minimal aggregate document: state, version and outbox. */
public class SampleCase {
    @Id
    public String id;
    public long version;
    public String title;
    public String owner;
    public List<OutboxEvent> outbox = new ArrayList<>();
}
