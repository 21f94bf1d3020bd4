package org.casebridge.localstack.issuer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seeded demo partnership (Cleveland Police, the four councils, Thirteen, probation, crisis team). */
public record DemoPartnership(String name, List<Organisation> organisations, List<DemoUser> users) {

    public record Organisation(String code, String name, String kind, String teamCode, String teamName) {
    }

    public record DemoUser(String username, String name, String organisation, List<String> teams, List<String> roles) {
    }

    public static DemoPartnership load() {
        try (InputStream in = DemoPartnership.class.getResourceAsStream("/demo-partnership.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Organisation> organisations = new ArrayList<>();
            List<DemoUser> users = new ArrayList<>();
            for (JsonNode org : root.get("organisations")) {
                String code = org.get("code").asString();
                String team = org.get("team").get("code").asString();
                organisations.add(new Organisation(code, org.get("name").asString(), org.get("kind").asString(), team,
                        org.get("team").get("name").asString()));
                for (JsonNode user : org.get("users")) {
                    users.add(new DemoUser(user.get("username").asString(), user.get("name").asString(), code, List.of(team),
                            strings(user.get("roles"))));
                }
            }
            for (JsonNode admin : root.get("administrators")) {
                users.add(new DemoUser(admin.get("username").asString(), admin.get("name").asString(),
                        admin.get("org").asString(), List.of(), strings(admin.get("roles"))));
            }
            return new DemoPartnership(root.get("partnership").asString(), organisations, users);
        } catch (IOException e) {
            throw new IllegalStateException("demo-partnership.json unreadable", e);
        }
    }

    public Optional<DemoUser> user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
