package org.casebridge.platform.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Kafka is healthy when a broker answers describeCluster within the timeout. */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final AdminClient admin;

    public KafkaHealthIndicator(Map<String, Object> adminConfig) {
        super("Kafka broker unreachable");
        this.admin = AdminClient.create(adminConfig);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
        int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
        builder.up().withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS)).withDetail("brokers", nodes);
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
