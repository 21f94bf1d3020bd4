package org.casebridge.console.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casebridge.console.api.Api;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The unread count in every page's header, kept live: the console listens to the user's notification stream
 * (Server-Sent Events from notification-service, through the gateway, with the user's token) and, whenever
 * something arrives, sends the browser the new count (console.js puts it in the header). Without JavaScript the
 * count is simply read when the inbox is opened.
 */
@RestController
class LiveUnreadCount {

    private static final Logger log = LoggerFactory.getLogger(LiveUnreadCount.class);
    private static final Pattern UNREAD = Pattern.compile("\"unread\"\\s*:\\s*(\\d+)");

    private final Api api;
    private final String apiUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** One thread per open stream; a browser that goes away ends its stream and frees its thread. */
    private final ExecutorService streams = Executors.newCachedThreadPool();

    LiveUnreadCount(Api api, @Value("${casebridge.console.api-uri}") String apiUri) {
        this.api = api;
        this.apiUri = apiUri;
    }

    @GetMapping(path = "/notifications/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live() {
        String token = api.accessToken();
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Future<?> listening = streams.submit(() -> follow(token, emitter));
        emitter.onCompletion(() -> listening.cancel(true));
        emitter.onTimeout(() -> listening.cancel(true));
        emitter.onError(e -> listening.cancel(true));
        return emitter;
    }

    private void follow(String token, SseEmitter emitter) {
        try {
            send(emitter, unreadCount(token));
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUri + "/api/v1/notifications/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
            HttpResponse<java.util.stream.Stream<String>> stream = http.send(request, HttpResponse.BodyHandlers.ofLines());
            try (var lines = stream.body()) {
                lines.filter(line -> line.startsWith("data:")).forEach(line -> send(emitter, unreadCount(token)));
            }
            emitter.complete();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (IOException | UncheckedIOException | IllegalStateException gone) {
            // the browser left, or the stream broke: the browser's EventSource connects again by itself
            log.debug("Live unread count ended: {}", gone.toString());
            emitter.complete();
        }
    }

    private long unreadCount(String token) {
        try {
            HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(
                    URI.create(apiUri + "/api/v1/notifications/unread-count")).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                Matcher matcher = UNREAD.matcher(new String(body.readAllBytes()));
                return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Just the number: console.js shows it as the "unread" fragment does. */
    private static void send(SseEmitter emitter, long unread) {
        try {
            emitter.send(SseEmitter.event().name("unread").data(String.valueOf(unread)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
