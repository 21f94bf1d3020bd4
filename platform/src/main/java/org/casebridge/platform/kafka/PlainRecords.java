package org.casebridge.platform.kafka;

import java.util.concurrent.TimeUnit;

import org.springframework.kafka.core.KafkaTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plain JSON records (not CloudEvents) for partner systems that read and write plain JSON, such as the inbound
 * topics and their replies. Each send waits for the broker's acknowledgement, so a caller that returns has been heard.
 */
public class PlainRecords {

    private static final long ACK_SECONDS = 30;

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;

    public PlainRecords(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    /**
     * @throws IllegalStateException when the broker did not acknowledge; a listener's retries then try again
     */
    public void send(String topic, String key, Object value) {
        try {
            kafka.send(topic, key, json.writeValueAsBytes(value)).get(ACK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("not acknowledged by the broker: " + topic, e);
        }
    }
}
