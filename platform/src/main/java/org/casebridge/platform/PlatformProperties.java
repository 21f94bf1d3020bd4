package org.casebridge.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code casebridge.*}: what a service tells the platform about itself.
 *
 * @param serviceName the CloudEvents source ({@code /case-service}) and audit service name
 * @param outbox collections whose documents carry an {@code outbox} array, and how the relay polls them
 * @param http request limits
 * @param inbound the partner organisations whose systems push records in on their inbound topics
 */
@ConfigurationProperties("casebridge")
public record PlatformProperties(String serviceName, Outbox outbox, Http http, Inbound inbound) {

    public PlatformProperties {
        outbox = outbox == null ? new Outbox(List.of(), null, null, null, null, null, null) : outbox;
        http = http == null ? new Http(DataSize.ofKilobytes(256)) : http;
        inbound = inbound == null ? new Inbound(List.of()) : inbound;
    }

    /**
     * @param pollInterval the least time between two relay passes (the store wakes the relay when it records events)
     * @param fullScanEvery how often it also scans every outbox collection, for events a crash or another instance
     *     left behind
     * @param fullScanLongest how far apart the scans may drift while they keep finding nothing (each empty scan doubles
     *     the gap, from {@code fullScanEvery}); anything found, a failed pass or a restart brings it back
     */
    public record Outbox(List<String> collections, Duration pollInterval, Duration sendTimeout, Integer batchSize,
            Boolean relayEnabled, Duration fullScanEvery, Duration fullScanLongest) {
        public Outbox {
            collections = collections == null ? List.of() : collections;
            pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
            fullScanEvery = fullScanEvery == null ? Duration.ofSeconds(5) : fullScanEvery;
            fullScanLongest = fullScanLongest == null ? Duration.ofMinutes(1) : fullScanLongest;
            sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
            batchSize = batchSize == null ? 100 : batchSize;
            relayEnabled = relayEnabled == null || relayEnabled;
        }
    }

    public record Http(DataSize maxBodySize) {
        public Http {
            maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
        }
    }

    public record Inbound(List<String> organisations) {
        public Inbound {
            organisations = organisations == null ? List.of() : organisations;
        }
    }
}
