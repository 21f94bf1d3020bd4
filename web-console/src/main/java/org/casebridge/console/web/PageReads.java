package org.casebridge.console.web;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a page needs that do not depend on each other, made side by side: a page of a dozen API calls costs about
 * its slowest call, not their sum. One small pool for all requests (Java 17: no virtual threads), so a busy console
 * cannot open unbounded connections to the gateway; when it is full, the request's own thread does the read.
 * Work given here must not rely on thread-locals (security context, request attributes): take
 * {@link org.casebridge.console.api.Api#asUser()} on the request thread and read through it.
 */
@Component
public class PageReads implements DisposableBean {

    private final ThreadPoolExecutor pool;

    PageReads(@Value("${casebridge.console.page-reads.threads:16}") int threads) {
        AtomicInteger numbered = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 16), work -> {
            Thread thread = new Thread(work, "page-read-" + numbered.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /** Starts a read now; {@link #join} waits for it. */
    public <T> CompletableFuture<T> start(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, pool);
    }

    /** Starts a read once {@code first} is in, with what it found; nothing waits in the pool meanwhile. */
    public <A, T> CompletableFuture<T> then(CompletableFuture<A> first, Function<A, T> read) {
        return first.thenApplyAsync(read, pool);
    }

    /** The read's result, or what it threw (a page not found, a sign-in needed), as if it had been read here. */
    public static <T> T join(CompletableFuture<T> read) {
        try {
            return read.get();
        } catch (ExecutionException | CompletionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the page", interrupted);
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
