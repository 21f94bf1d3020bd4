package org.casebridge.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP door in front of a Kafka broker: nothing answers at its port until it is opened, then bytes flow both ways.
 * Lets a test make the broker unreachable for one client without stopping the broker the other tests share.
 */
final class BrokerDoor implements AutoCloseable {

    private final ServerSocket server;

    BrokerDoor(int port, String target) throws IOException {
        String[] hostPort = target.split(",")[0].split(":");
        InetSocketAddress broker = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(broker.getHostString(), broker.getPort());
                    pipe(client.getInputStream(), upstream.getOutputStream(), client, upstream);
                    pipe(upstream.getInputStream(), client.getOutputStream(), client, upstream);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "broker-door");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pipe(InputStream in, OutputStream out, Socket a, Socket b) {
        Thread pump = new Thread(() -> {
            try (a; b) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // either side hung up
            }
        }, "broker-door-pipe");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
