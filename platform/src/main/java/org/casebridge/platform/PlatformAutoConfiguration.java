package org.casebridge.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.events.OutboxRelay;
import org.casebridge.platform.events.OutboxRelayLoop;
import org.casebridge.platform.events.PendingOutboxes;
import org.casebridge.platform.health.KafkaHealthIndicator;
import org.casebridge.platform.health.MongoPingHealthIndicator;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.platform.security.CurrentUserArgumentResolver;
import org.casebridge.platform.web.ProblemDetailsAdvice;
import org.casebridge.platform.web.Problems;
import org.casebridge.platform.web.RequestBodyLimitFilter;
import org.casebridge.platform.web.RequestIdFilter;
import org.casebridge.platform.web.StrictJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.cloudevents.CloudEvent;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import tools.jackson.databind.json.JsonMapper;

/** The CaseBridge platform: what every service gets by depending on this starter. */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"},
        afterName = {"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@EnableConfigurationProperties(PlatformProperties.class)
@EnableScheduling
@Import(ProblemDetailsAdvice.class)
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Problems problems(JsonMapper json) {
        return new Problems(json);
    }

    @Bean
    OutboxEvents outboxEvents(JsonMapper json, Clock clock) {
        return new OutboxEvents(json, clock);
    }

    /** One optimistic-retry limit for every change in the service ({@code casebridge.changes.attempts}). */
    @Bean
    org.casebridge.platform.aggregate.OptimisticRetry optimisticRetry(@Value("${casebridge.changes.attempts:"
            + org.casebridge.platform.aggregate.OptimisticRetry.DEFAULT_ATTEMPTS + "}") int attempts) {
        return new org.casebridge.platform.aggregate.OptimisticRetry(attempts);
    }

    @Bean
    AggregateStore aggregateStore(MongoTemplate mongo, PendingOutboxes pending) {
        return new AggregateStore(mongo, pending);
    }

    @Bean
    PendingOutboxes pendingOutboxes() {
        return new PendingOutboxes();
    }

    @Bean
    @ConditionalOnProperty(name = "casebridge.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, CloudEvent> cloudEventKafkaTemplate,
            PlatformProperties properties, PendingOutboxes pending) {
        return new OutboxRelay(mongo, cloudEventKafkaTemplate, properties.outbox().collections(), properties.serviceName(),
                properties.outbox().sendTimeout(), properties.outbox().batchSize(), pending, properties.outbox().fullScanEvery(),
                properties.outbox().fullScanLongest());
    }

    @Bean
    @ConditionalOnProperty(name = "casebridge.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelayLoop outboxRelayLoop(OutboxRelay relay, PendingOutboxes pending, PlatformProperties properties) {
        return new OutboxRelayLoop(relay, pending, properties.outbox().pollInterval(), properties.outbox().fullScanEvery());
    }

    @Bean
    IdempotentConsumer idempotentConsumer(MongoTemplate mongo, JsonMapper json) {
        return new IdempotentConsumer(mongo, json);
    }

    @Bean
    org.casebridge.platform.kafka.PlainRecords plainRecords(
            KafkaTemplate<String, byte[]> deadLetterKafkaTemplate, JsonMapper json) {
        return new org.casebridge.platform.kafka.PlainRecords(deadLetterKafkaTemplate, json);
    }

    @Bean
    org.casebridge.platform.kafka.PartnerInbound partnerInbound(org.casebridge.platform.kafka.PlainRecords plainRecords,
            PlatformProperties properties) {
        return new org.casebridge.platform.kafka.PartnerInbound(properties.inbound().organisations(), plainRecords);
    }

    @Bean
    AuditTrail auditTrail(AggregateStore store, OutboxEvents events, PlatformProperties properties, Clock clock) {
        return new AuditTrail(store, events, properties.serviceName(), clock);
    }

    @Bean
    org.casebridge.platform.web.IdempotentCreates idempotentCreates(MongoTemplate mongo, JsonMapper json, AuditTrail audit,
            Clock clock, @Value("${casebridge.idempotency.ttl}") Duration ttl,
            @Value("${casebridge.idempotency.in-flight}") Duration inFlight) {
        return new org.casebridge.platform.web.IdempotentCreates(mongo, json, audit, clock, ttl, inFlight);
    }

    @Bean
    @ConditionalOnProperty(name = "casebridge.access.projection.enabled")
    org.casebridge.platform.access.CaseAccessProjection caseAccessProjection(MongoTemplate mongo) {
        return new org.casebridge.platform.access.CaseAccessProjection(mongo);
    }

    @Bean
    @ConditionalOnProperty(name = "casebridge.access.projection.enabled")
    org.casebridge.platform.access.CaseAccessListener caseAccessListener(IdempotentConsumer consumer,
            org.casebridge.platform.access.CaseAccessProjection projection, Clock clock, PlatformProperties properties) {
        return new org.casebridge.platform.access.CaseAccessListener(consumer, projection, clock, properties.serviceName());
    }

    @Bean
    @ConditionalOnProperty(name = "casebridge.directory.copy.enabled")
    org.casebridge.platform.directory.DirectoryCopy directoryCopy(MongoTemplate mongo) {
        return new org.casebridge.platform.directory.DirectoryCopy(mongo);
    }

    @Bean
    @ConditionalOnProperty(name = "casebridge.directory.copy.enabled")
    org.casebridge.platform.directory.DirectoryCopyListener directoryCopyListener(IdempotentConsumer consumer,
            org.casebridge.platform.directory.DirectoryCopy copy, PlatformProperties properties) {
        return new org.casebridge.platform.directory.DirectoryCopyListener(consumer, copy, properties.serviceName());
    }

    /**
     * While MongoDB is away a request should fail within seconds with a 503, not hang for the driver's default 30 s
     * of server selection; the same bound keeps consumers and the outbox relay retrying briskly.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer casebridgeMongoTimeouts(
            @Value("${casebridge.mongodb.server-selection-timeout:3s}") Duration selection,
            @Value("${casebridge.mongodb.connect-timeout:2s}") Duration connect) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(selection.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Named so Boot's {@code hello}-based MongoDB indicator backs off. */
    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(kafka.buildAdminProperties());
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PlatformProperties properties, Problems problems) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.http().maxBodySize(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    WebMvcConfigurer currentUserResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }

    /**
     * Request bodies are read strictly (duplicate or unknown properties, scalar coercion, control and bidi-override
     * characters are a 400 problem); see {@link StrictJson}. Only the server side: clients and Kafka stay tolerant.
     */
    @Bean
    WebMvcConfigurer strictJsonRequestBodies(JsonMapper json) {
        JsonMapper strict = StrictJson.strict(json);
        class StrictJsonConverter implements WebMvcConfigurer, Ordered {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
            }

            /** After Boot's own configurer, whose JSON converter this one replaces. */
            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }
        }
        return new StrictJsonConverter();
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI casebridgeOpenApi(PlatformProperties properties, @Value("${casebridge.api-title:CaseBridge API}") String title) {
        return new OpenAPI()
                .info(new Info().title(title).version("v1").description("Part of CaseBridge: " + properties.serviceName()))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
