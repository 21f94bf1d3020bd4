package org.casebridge.console.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casebridge.console.api.Api;
import org.springframework.ui.Model;

/** Everything the case page shows, each part read with the user's own token, so each part is what they may see. */
final class CasePage {

    private CasePage() {
    }

    static void fill(Api api, String id, Model model) {
        Map<String, Object> theCase = api.get("/api/v1/cases/{id}", id).orNotFound().map();
        model.addAttribute("c", theCase);
        model.addAttribute("log", api.get("/api/v1/cases/{id}/log", id).list());
        Map<String, Object> details = api.get("/api/v1/cases/{id}/details", id).map();
        model.addAttribute("details", details);
        model.addAttribute("links", describedLinks(api, details));
        model.addAttribute("riskQuestions", api.get("/api/v1/cases/risk-matrix").list());
        model.addAttribute("tasks", api.get("/api/v1/tasks?view=CASE&case={id}&limit=50", id).items());
        Api.Answer access = api.get("/api/v1/sharing/cases/{id}/access", id);
        model.addAttribute("manages", access.ok());
        model.addAttribute("shares", access.ok() ? access.map().getOrDefault("shares", List.of()) : List.of());
        model.addAttribute("why", api.get("/api/v1/access/explain?case={id}", id).map().getOrDefault("reasons", List.of()));
        model.addAttribute("teams", api.get("/api/v1/sharing/directory/teams").list());
        model.addAttribute("organisations", api.get("/api/v1/sharing/organisations").list());
        model.addAttribute("colleagues", api.get("/api/v1/sharing/directory/colleagues").list());
        model.addAttribute("words", new CaseWords());
        if (Boolean.TRUE.equals(access.ok())) {
            Api.Answer audit = api.get("/api/v1/sharing/cases/{id}/audit?limit=20", id);
            model.addAttribute("activity", audit.ok() ? audit.items() : List.of());
        }
    }

    /** Each link with what the user may know of its target: a person's name, a place's address, a case's reference. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> describedLinks(Api api, Map<String, Object> details) {
        List<Map<String, Object>> described = new ArrayList<>();
        for (Object item : (List<Object>) details.getOrDefault("links", List.of())) {
            Map<String, Object> link = new LinkedHashMap<>((Map<String, Object>) item);
            String target = String.valueOf(link.get("target"));
            String targetId = String.valueOf(link.get("targetId"));
            Api.Answer found = switch (target) {
                case "PERSON" -> api.get("/api/v1/parties/people/{id}", targetId);
                case "LOCATION" -> api.get("/api/v1/parties/locations/{id}", targetId);
                default -> api.get("/api/v1/cases/{id}", targetId);
            };
            Map<String, Object> seen = found.ok() ? found.map() : Map.of();
            link.put("label", switch (target) {
                case "PERSON" -> seen.isEmpty() ? "A person you cannot see" : seen.get("givenName") + " " + seen.get("familyName");
                case "LOCATION" -> seen.isEmpty() ? "A place you cannot see" : describePlace(seen);
                default -> seen.isEmpty() ? "A case you cannot see" : seen.get("reference") + " " + seen.get("title");
            });
            link.put("href", seen.isEmpty() ? null : switch (target) {
                case "PERSON" -> "/people/" + targetId;
                case "LOCATION" -> "/places/" + targetId;
                default -> "/cases/" + targetId;
            });
            described.add(link);
        }
        return described;
    }

    @SuppressWarnings("unchecked")
    static String describePlace(Map<String, Object> place) {
        Object lines = place.get("lines");
        Object address = place.get("address");
        if (address instanceof Map<?, ?> a) {
            lines = a.get("lines");
            Object postcode = a.get("postcode");
            return String.join(", ", (List<String>) (lines == null ? List.of() : lines)) + (postcode == null ? "" : ", " + postcode);
        }
        return lines == null ? String.valueOf(place.getOrDefault("name", "A place"))
                : String.join(", ", (List<String>) lines) + ", " + place.getOrDefault("postcode", "");
    }
}
