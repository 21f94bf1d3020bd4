package org.casebridge.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The local SMTP server (GreenMail, a real one) that notification-service sends e-mail through, with a page where the
 * demo users read what was sent to them: {@code http://localhost:8025/} (and {@code /messages} as JSON). Mail lives
 * in memory only.
 */
public final class MailServer {

    private MailServer() {
    }

    public static void main(String[] args) throws Exception {
        int smtpPort = Integer.parseInt(args[0]);
        int webPort = Integer.parseInt(args[1]);
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
        web.createContext("/messages", exchange -> reply(exchange, "application/json", json(mail)));
        web.createContext("/", exchange -> reply(exchange, "text/html; charset=utf-8", html(mail)));
        web.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.stop(0);
            mail.stop();
        }, "mail-shutdown"));
        System.out.println("SMTP on port " + smtpPort + "; sent mail at http://localhost:" + webPort + "/");
        Thread.currentThread().join();
    }

    private record Sent(String to, String subject, String body) {
    }

    private static List<Sent> sent(GreenMail mail) {
        List<Sent> all = new ArrayList<>();
        MimeMessage[] messages = mail.getReceivedMessages();
        for (int i = messages.length - 1; i >= 0; i--) {
            try {
                List<String> to = new ArrayList<>();
                for (Address a : messages[i].getAllRecipients()) {
                    to.add(a.toString());
                }
                all.add(new Sent(String.join(", ", to), messages[i].getSubject(), GreenMailUtil.getBody(messages[i])));
            } catch (MessagingException unreadable) {
                all.add(new Sent("?", "(unreadable message)", unreadable.getMessage()));
            }
        }
        return all;
    }

    private static String json(GreenMail mail) {
        StringBuilder out = new StringBuilder("[");
        for (Sent s : sent(mail)) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"to\":").append(quote(s.to())).append(",\"subject\":").append(quote(s.subject()))
                    .append(",\"body\":").append(quote(s.body())).append('}');
        }
        return out.append(']').toString();
    }

    private static String html(GreenMail mail) {
        StringBuilder out = new StringBuilder("<!doctype html><title>CaseBridge local mail</title>"
                + "<h1>E-mail sent by CaseBridge</h1><p>Newest first. Reload to see more.</p>");
        for (Sent s : sent(mail)) {
            out.append("<hr><p><b>To:</b> ").append(escape(s.to())).append("<br><b>Subject:</b> ")
                    .append(escape(s.subject())).append("</p><pre>").append(escape(s.body())).append("</pre>");
        }
        return out.toString();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
