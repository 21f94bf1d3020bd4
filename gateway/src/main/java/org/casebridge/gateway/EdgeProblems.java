package org.casebridge.gateway;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors raised at the gateway's own edge are {@code application/problem+json} like every other answer:
 * <ul>
 * <li>what Reactor Netty refuses before any Spring code runs (a request line or header it cannot decode: 400, a
 * header over the size limit: 431, a request line over it: 414) and the bare 400 Spring answers for a path that is
 * not a valid URI: the empty response is given a problem body on its way out;</li>
 * <li>a path the security firewall rejects (encoded slashes, {@code ..}, {@code ;} and the like): 400;</li>
 * <li>any other error inside WebFlux (a route's service unreachable: 503 with {@code Retry-After}, a route that timed
 * out: 504, a 404 or 405...), instead of Boot's plain JSON error page.</li>
 * </ul>
 */
@Configuration
class EdgeProblems {

    private static final Logger log = LoggerFactory.getLogger(EdgeProblems.class);

    @Bean
    NettyServerCustomizer problemBodiesForDecodingFailures(JsonMapper json) {
        ChannelHandler handler = new EmptyErrorResponses(json);
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "casebridgeEdgeProblems", handler);
            }
        });
    }

    @Bean
    ServerExchangeRejectedHandler problemForRejectedPaths(Problems problems) {
        return (exchange, rejected) -> {
            log.info("Rejected request [{}]: {}", RequestIds.of(exchange), rejected.getMessage());
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "Malformed request",
                    "The request path is not allowed (encoded slashes, dot segments, semicolons, backslashes and "
                            + "control characters are refused).");
        };
    }

    @Bean
    @Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
    ErrorWebExceptionHandler problemForErrors(Problems problems) {
        return (exchange, error) -> {
            if (exchange.getResponse().isCommitted()) {
                return Mono.error(error);
            }
            if (serviceUnreachable(error)) {
                log.warn("Answering 503 [{}] {} {}: {}", RequestIds.of(exchange), exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), error.toString());
                exchange.getResponse().getHeaders().set("Retry-After", "10");
                return writeProblem(problems, exchange, HttpStatus.SERVICE_UNAVAILABLE);
            }
            HttpStatusCode code = error instanceof ErrorResponse response ? response.getStatusCode()
                    : HttpStatus.INTERNAL_SERVER_ERROR;
            HttpStatus status = HttpStatus.resolve(code.value());
            if (status == null) {
                status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
            }
            if (status.is5xxServerError()) {
                log.warn("Answering {} [{}] {} {}: {}", status.value(), RequestIds.of(exchange),
                        exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error.toString());
            }
            return writeProblem(problems, exchange, status);
        };
    }

    /** A route's service refused the connection or did not accept it in time (routes without a circuit breaker). */
    private static boolean serviceUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Mono<Void> writeProblem(Problems problems, ServerWebExchange exchange, HttpStatus status) {
        if (exchange.getResponse().getHeaders().getFirst(RequestIds.HEADER) == null && RequestIds.of(exchange) != null) {
            exchange.getResponse().getHeaders().set(RequestIds.HEADER, RequestIds.of(exchange));
        }
        return problems.write(exchange, status, title(status), detail(status));
    }

    static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "Malformed request";
            case NOT_FOUND -> "Not found";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "Request headers too large";
            case URI_TOO_LONG -> "Request URI too long";
            case CONTENT_TOO_LARGE -> "Request body too large";
            case SERVICE_UNAVAILABLE -> "Service unavailable";
            case GATEWAY_TIMEOUT -> "Gateway timeout";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case INTERNAL_SERVER_ERROR -> "Internal error";
            default -> status.getReasonPhrase();
        };
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read: its path, request line or a header is malformed.";
            case NOT_FOUND -> "There is nothing at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not take that method.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are larger than the gateway accepts.";
            case URI_TOO_LONG -> "The request's path and query are longer than the gateway accepts.";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body's content type is not accepted here.";
            case NOT_ACCEPTABLE -> "No representation of this resource matches the Accept header.";
            case GATEWAY_TIMEOUT -> "The service did not answer in time; please try again shortly.";
            case SERVICE_UNAVAILABLE -> "The service is not answering just now; please try again shortly.";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side; the request id identifies it in the logs."
                    : "The request was refused (" + status.getReasonPhrase() + ").";
        };
    }

    /**
     * Gives a problem body to the empty 400, 414 and 431 responses Reactor Netty writes for requests it cannot decode
     * (and Spring's bare 400 for an invalid URI). They are written straight to the channel, before any WebFlux code.
     */
    @ChannelHandler.Sharable
    static final class EmptyErrorResponses extends ChannelDuplexHandler {
        private final JsonMapper json;

        EmptyErrorResponses(JsonMapper json) {
            this.json = json;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof FullHttpResponse response && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                HttpStatus status = HttpStatus.resolve(response.status().code());
                if (status == HttpStatus.BAD_REQUEST || status == HttpStatus.URI_TOO_LONG
                        || status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE) {
                    ctx.write(withProblem(response, status), promise);
                    return;
                }
            }
            super.write(ctx, msg, promise);
        }

        private FullHttpResponse withProblem(FullHttpResponse empty, HttpStatus status) {
            HttpHeaders headers = empty.headers().copy();
            String requestId = headers.get(RequestIds.HEADER);
            if (requestId == null) {
                requestId = UUID.randomUUID().toString();
                headers.set(RequestIds.HEADER, requestId);
            }
            byte[] body = json.writeValueAsString(Problems.of(status, title(status), detail(status), requestId))
                    .getBytes(StandardCharsets.UTF_8);
            headers.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            FullHttpResponse problem = new DefaultFullHttpResponse(empty.protocolVersion(), empty.status(),
                    Unpooled.wrappedBuffer(body), headers, empty.trailingHeaders().copy());
            empty.release();
            return problem;
        }
    }
}
