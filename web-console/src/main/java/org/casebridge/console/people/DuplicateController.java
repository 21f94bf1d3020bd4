package org.casebridge.console.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casebridge.console.api.Api;
import org.casebridge.console.security.Practitioner;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Duplicate review, for supervisors: the pairs the partnership's matching thinks are one person, where the
 * organisation holds at least one of the two records. Merge them (the record kept gains everything the other had),
 * say they are not the same person, or, from a person's page, undo a wrong merge.
 */
@Controller
class DuplicateController {

    private static final String ID = "[0-9a-f]{24}";
    private static final Map<String, String> DONE = Map.of("merged", "Records merged", "different", "Marked as different people");

    private final Api api;

    DuplicateController(Api api) {
        this.api = api;
    }

    @GetMapping("/people/duplicates")
    String duplicates(@RequestParam(required = false) String done, @RequestParam(required = false) String after,
            Authentication authentication, Model model) {
        requireSupervisor(authentication);
        fill(after, model);
        if (done != null) {
            model.addAttribute("success", DONE.getOrDefault(done, "Saved"));
        }
        return "people/duplicates";
    }

    private void fill(String after, Model model) {
        Api.Answer page = after != null && after.matches("[0-9a-f]{24}-[0-9a-f]{24}")
                ? api.get("/api/v1/parties/duplicates?limit=20&after={after}", after)
                : api.get("/api/v1/parties/duplicates?limit=20");
        model.addAttribute("pairs", page.ok() ? page.items() : List.of());
        model.addAttribute("next", page.map().get("nextCursor"));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    /** Keeps {@code keep} and merges the other of the pair into it. */
    @PostMapping("/people/duplicates/{pair:[0-9a-f]{24}-[0-9a-f]{24}}/merge")
    String merge(@PathVariable String pair, @RequestParam(defaultValue = "") String keep,
            @RequestParam(defaultValue = "") String reason, Authentication authentication, Model model) {
        requireSupervisor(authentication);
        String[] ids = pair.split("-");
        Map<String, String> errors = new LinkedHashMap<>();
        if (!keep.equals(ids[0]) && !keep.equals(ids[1])) {
            errors.put("keep-" + pair, "Select which record to keep");
        }
        if (reason.isBlank()) {
            errors.put("reason-" + pair, "Enter why they are the same person");
        }
        if (errors.isEmpty()) {
            String other = keep.equals(ids[0]) ? ids[1] : ids[0];
            Api.Answer survivor = api.get("/api/v1/parties/people/{id}", keep);
            if (!survivor.ok()) {
                errors.put("keep-" + pair, "You cannot merge a record your organisation does not hold");
            } else {
                Api.Answer merged = api.call(HttpMethod.POST, "/api/v1/parties/people/{id}/merge",
                        Map.of("duplicateId", other, "reason", reason.strip()),
                        h -> h.setIfMatch(quoted(survivor.map().get("version"))), keep);
                if (merged.ok()) {
                    return "redirect:/people/" + keep + "?merged=true";
                }
                errors.put("keep-" + pair, merged.status() == 404 ? "Your organisation must hold both records to merge them"
                        : merged.status() == 412 ? "One of the records changed meanwhile; look at them again"
                        : merged.fieldErrors().values().stream().findFirst().orElse(merged.detail()));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("typedPair", pair);
        model.addAttribute("typedReason", reason);
        fill(null, model);
        return "people/duplicates";
    }

    @PostMapping("/people/duplicates/{pair:[0-9a-f]{24}-[0-9a-f]{24}}/different")
    String notTheSamePerson(@PathVariable String pair, Authentication authentication, Model model) {
        requireSupervisor(authentication);
        Api.Answer decided = api.post("/api/v1/parties/duplicates/{id}/not-duplicate", Map.of(), pair);
        if (decided.ok()) {
            return "redirect:/people/duplicates?done=different";
        }
        model.addAttribute("errors", Map.of("keep-" + pair, decided.detail()));
        fill(null, model);
        return "people/duplicates";
    }

    /** Undoes a wrong merge: the person merged into {@code id} is a record of their own again. */
    @PostMapping("/people/{id:" + ID + "}/unmerge")
    String unmerge(@PathVariable String id, @RequestParam(defaultValue = "") String personId,
            @RequestParam(defaultValue = "") String version, @RequestParam(defaultValue = "") String reason,
            Authentication authentication) {
        requireSupervisor(authentication);
        if (!personId.matches(ID) || reason.isBlank()) {
            return "redirect:/people/" + id + "?unmerge=reason";
        }
        Api.Answer released = api.call(HttpMethod.POST, "/api/v1/parties/people/{id}/unmerge",
                Map.of("personId", personId, "reason", reason.strip()), h -> h.setIfMatch(quoted(version)), id);
        released.orNotFound();
        return released.ok() ? "redirect:/people/" + id + "?unmerged=true" : "redirect:/people/" + id + "?unmerge=failed";
    }

    private static void requireSupervisor(Authentication authentication) {
        Practitioner me = Practitioner.of(authentication);
        if (me == null || !me.supervisor()) {
            throw new Api.NotFound();
        }
    }

    private static String quoted(Object version) {
        return "\"" + String.valueOf(version).replace("\"", "") + "\"";
    }
}
