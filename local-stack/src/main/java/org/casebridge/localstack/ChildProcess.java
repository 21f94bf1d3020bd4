package org.casebridge.localstack;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** One part of the stack running in its own JVM, its output in {@code data/logs/<name>.log}. */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess startJava(String name, Path logs, List<String> jvmOptions, List<String> command,
            Map<String, String> environment) throws IOException {
        Files.createDirectories(logs);
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.addAll(jvmOptions);
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().putAll(environment);
        Path log = logs.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ChildProcess(name, builder.start(), log);
    }

    /** Runs a command to completion (e.g. formatting Kafka's storage). */
    static void runJava(String name, Path logs, List<String> jvmOptions, List<String> command, Duration timeout)
            throws IOException, InterruptedException {
        ChildProcess child = startJava(name, logs, jvmOptions, command, Map.of());
        if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || child.process.exitValue() != 0) {
            child.process.destroyForcibly();
            throw new IllegalStateException(name + " failed; see " + child.log);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void awaitPort(int port, Duration timeout) throws InterruptedException {
        await(timeout, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }, "port " + port);
    }

    void awaitHttpOk(String url, Duration timeout) throws InterruptedException {
        await(timeout, () -> {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(3000);
                return connection.getResponseCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        }, url);
    }

    private void await(Duration timeout, BooleanSupplier ready, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited (code " + process.exitValue() + "); see " + log);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            process.waitFor(250, TimeUnit.MILLISECONDS); // the pause between checks, cut short if the child exits
        }
        throw new IllegalStateException(name + " not ready at " + what + " after " + timeout + "; see " + log);
    }

    /** SIGTERM first, so Spring, Kafka and the MongoDB-wire server flush and close; then the hard way. */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills without warning, as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
