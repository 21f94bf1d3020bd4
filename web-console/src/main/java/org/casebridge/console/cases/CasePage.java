package org.casebridge.console.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.casebridge.console.api.Api;
import org.casebridge.console.web.PageReads;
import org.casebridge.console.web.ReferenceData;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Everything the case page shows, each part read with the user's own token, so each part is what they may see. The
 * parts do not depend on each other (but for the linked records, which the case's details name, and the activity,
 * which only its managers may read), so they are read side by side; the partnership's teams and the risk questions
 * come from {@link ReferenceData}.
 */
@Component
final class CasePage {

    private final Api api;
    private final PageReads reads;
    private final ReferenceData reference;

    CasePage(Api api, PageReads reads, ReferenceData reference) {
        this.api = api;
        this.reads = reads;
        this.reference = reference;
    }

    void fill(String id, Model model) {
        Api.Caller user = api.asUser();
        var theCase = reads.start(() -> user.get("/api/v1/cases/{id}", id));
        var log = reads.start(() -> user.get("/api/v1/cases/{id}/log", id));
        var details = reads.start(() -> user.get("/api/v1/cases/{id}/details", id));
        var tasks = reads.start(() -> user.get("/api/v1/tasks?view=CASE&case={id}&limit=50", id));
        var access = reads.start(() -> user.get("/api/v1/sharing/cases/{id}/access", id));
        var why = reads.start(() -> user.get("/api/v1/access/explain?case={id}", id));
        // only those who manage the case (who may read its access) see who viewed it
        var activity = reads.then(access, managed -> managed.ok() ? user.get("/api/v1/sharing/cases/{id}/audit?limit=20", id) : null);
        var teams = reads.start(() -> reference.teams(user));
        var riskQuestions = reads.start(() -> reference.riskQuestions(user));

        model.addAttribute("c", PageReads.join(theCase).orNotFound().map());
        Map<String, Object> found = PageReads.join(details).map();
        model.addAttribute("details", found);
        model.addAttribute("links", describedLinks(user, found));
        model.addAttribute("log", PageReads.join(log).list());
        model.addAttribute("riskQuestions", PageReads.join(riskQuestions));
        model.addAttribute("tasks", PageReads.join(tasks).items());
        Api.Answer managed = PageReads.join(access);
        model.addAttribute("manages", managed.ok());
        model.addAttribute("shares", managed.ok() ? managed.map().getOrDefault("shares", List.of()) : List.of());
        model.addAttribute("why", PageReads.join(why).map().getOrDefault("reasons", List.of()));
        model.addAttribute("teams", PageReads.join(teams));
        model.addAttribute("words", new CaseWords());
        Api.Answer audit = PageReads.join(activity);
        if (audit != null) {
            model.addAttribute("activity", audit.ok() ? audit.items() : List.of());
        }
    }

    /** Each link with what the user may know of its target: a person's name, a place's address, a case's reference. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> describedLinks(Api.Caller user, Map<String, Object> details) {
        List<Map<String, Object>> links = new ArrayList<>();
        List<CompletableFuture<Api.Answer>> targets = new ArrayList<>();
        for (Object item : (List<Object>) details.getOrDefault("links", List.of())) {
            Map<String, Object> link = new LinkedHashMap<>((Map<String, Object>) item);
            String target = String.valueOf(link.get("target"));
            String targetId = String.valueOf(link.get("targetId"));
            links.add(link);
            targets.add(reads.start(() -> switch (target) {
                case "PERSON" -> user.get("/api/v1/parties/people/{id}", targetId);
                case "LOCATION" -> user.get("/api/v1/parties/locations/{id}", targetId);
                default -> user.get("/api/v1/cases/{id}", targetId);
            }));
        }
        for (int i = 0; i < links.size(); i++) {
            Map<String, Object> link = links.get(i);
            String target = String.valueOf(link.get("target"));
            String targetId = String.valueOf(link.get("targetId"));
            Api.Answer found = PageReads.join(targets.get(i));
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
        }
        return links;
    }

    @SuppressWarnings("unchecked")
    static String describePlace(Map<String, Object> place) {
        // party-service's location: a name and/or addressLines, and a postcode
        Object lines = place.get("lines") != null ? place.get("lines") : place.get("addressLines");
        if (lines instanceof List<?> l && l.isEmpty()) {
            lines = null;
        }
        Object address = place.get("address");
        if (address instanceof Map<?, ?> a) {
            lines = a.get("lines");
            Object postcode = a.get("postcode");
            return String.join(", ", (List<String>) (lines == null ? List.of() : lines)) + (postcode == null ? "" : ", " + postcode);
        }
        Object name = place.get("name") == null ? "A place" : place.get("name");
        Object postcode = place.get("postcode");
        return lines == null ? name + (postcode == null ? "" : ", " + postcode)
                : String.join(", ", (List<String>) lines) + (postcode == null ? "" : ", " + postcode);
    }
}
