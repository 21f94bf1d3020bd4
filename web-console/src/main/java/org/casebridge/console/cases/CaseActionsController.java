package org.casebridge.console.cases;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casebridge.console.api.Api;
import org.casebridge.console.security.Practitioner;
import org.casebridge.console.web.FormSubmissions;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What a practitioner changes from a case page. Each form posts here, the API decides, and the page comes back with
 * a success banner, or with the API's words beside the field that was wrong and everything typed still there.
 * Changes to the case itself carry the version the user saw (If-Match), so nobody overwrites a change they never saw.
 */
@Controller
@RequestMapping("/cases/{id:[0-9a-f]{24}}")
class CaseActionsController {

    private final Api api;
    private final FormSubmissions submissions;
    private final CasePage casePage;

    CaseActionsController(Api api, FormSubmissions submissions, CasePage casePage) {
        this.api = api;
        this.submissions = submissions;
        this.casePage = casePage;
    }

    @PostMapping("/log")
    String addToLog(@PathVariable String id, @RequestParam(defaultValue = "NOTE") String kind,
            @RequestParam(defaultValue = "") String text, @RequestParam(required = false) String corrects,
            @RequestParam(required = false) String formKey, Authentication authentication, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("text", text);
        if (corrects != null && !corrects.isBlank()) {
            body.put("corrects", corrects);
        }
        return once(authentication, formKey, () -> {
            Api.Answer added = api.post("/api/v1/cases/{id}/log", body, id);
            return added.ok() ? done(id, "log", "log")
                    : again(id, model, "log", Map.of("text", message(added, "text")), Map.of("logText", text, "logKind", kind));
        }, id);
    }

    @PostMapping("/edit")
    String edit(@PathVariable String id, @RequestParam String version, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("summary", summary);
        Api.Answer changed = api.call(HttpMethod.PATCH, "/api/v1/cases/{id}", body, h -> h.setIfMatch(quoted(version)), id);
        if (changed.ok()) {
            return done(id, "edit", "summary");
        }
        if (changed.status() == 412 || changed.status() == 409) {
            model.addAttribute("conflict", true);
        }
        return again(id, model, "edit", changed.status() == 412 ? Map.of() : Map.of("title", message(changed, "title")),
                Map.of("editTitle", title, "editSummary", summary));
    }

    @PostMapping("/accept")
    String accept(@PathVariable String id, @RequestParam String version, Model model) {
        return lifecycle(id, "accept", version, null, model);
    }

    @PostMapping("/review")
    String review(@PathVariable String id, @RequestParam String version, Model model) {
        return lifecycle(id, "review", version, null, model);
    }

    @PostMapping("/end-review")
    String endReview(@PathVariable String id, @RequestParam String version, Model model) {
        return lifecycle(id, "end-review", version, null, model);
    }

    @PostMapping("/close")
    String close(@PathVariable String id, @RequestParam String version, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String summary, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome.isBlank() ? null : outcome);
        body.put("summary", summary);
        return lifecycle(id, "close", version, body, model);
    }

    @PostMapping("/reopen")
    String reopen(@PathVariable String id, @RequestParam String version, @RequestParam(defaultValue = "") String reason,
            Model model) {
        return lifecycle(id, "reopen", version, Map.of("reason", reason), model);
    }

    private String lifecycle(String id, String action, String version, Map<String, Object> body, Model model) {
        Api.Answer changed = api.call(HttpMethod.POST, "/api/v1/cases/{id}/" + action, body == null ? Map.of() : body,
                h -> h.setIfMatch(quoted(version)), id);
        if (changed.ok()) {
            return done(id, action, "summary");
        }
        if (changed.status() == 412) {
            model.addAttribute("conflict", true);
        }
        Map<String, String> errors = new LinkedHashMap<>(changed.fieldErrors());
        if (errors.isEmpty() && changed.status() != 412) {
            errors.put(action, changed.detail());
        }
        return again(id, model, "summary", errors, body == null ? Map.of() : prefixed(action, body));
    }

    @PostMapping("/links")
    String link(@PathVariable String id, @RequestParam String target, @RequestParam String targetId,
            @RequestParam(required = false) String role, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target);
        body.put("targetId", targetId);
        body.put("role", role == null || role.isBlank() ? null : role);
        Api.Answer linked = api.post("/api/v1/cases/{id}/links", body, id);
        return linked.ok() ? done(id, "link", "people")
                : again(id, model, "people", Map.of("link", message(linked, "role")), Map.of());
    }

    /** Whom the "Share with" form's pickers name, by the kind of recipient, and the id of each picker on the page. */
    private static final Map<String, String> SHARE_PICKERS = Map.of("ORGANISATION", "share-organisation", "TEAM",
            "share-team", "USER", "share-person");

    /** The API's field names on the page's share form, so each error sits beside its own field. */
    private static final Map<String, String> SHARE_FIELDS = Map.of("reason", "share-reason", "expiresAt", "share-expires",
            "lawfulBasis", "share-basis", "consent", "share-consent", "level", "level-VIEW", "kind", "share-kind");

    /**
     * Shares the case with the organisation, team or named person picked. All three pickers are on the page (no
     * JavaScript needed to show one); the kind chosen says which is used, and when no kind was chosen the one picker
     * filled in says it.
     */
    @PostMapping("/shares")
    String share(@PathVariable String id, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "VIEW") String level,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String lawfulBasis,
            @RequestParam(defaultValue = "") String consent, @RequestParam(defaultValue = "") String expires,
            @RequestParam(required = false) String formKey, Authentication authentication, Model model) {
        Map<String, String> picked = new LinkedHashMap<>();
        picked.put("ORGANISATION", organisation.strip());
        picked.put("TEAM", team.strip());
        picked.put("USER", person.strip());
        List<String> filled = picked.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        String chosen = SHARE_PICKERS.containsKey(kind) ? kind : filled.size() == 1 ? filled.get(0) : "";
        Map<String, String> errors = new LinkedHashMap<>();
        if (chosen.isEmpty()) {
            errors.put("share-kind", "Choose whether to share it with an organisation, a team or a named person");
        } else if (picked.get(chosen).isEmpty()) {
            errors.put(SHARE_PICKERS.get(chosen), switch (chosen) {
                case "ORGANISATION" -> "Choose the organisation to share it with";
                case "TEAM" -> "Choose the team to share it with";
                default -> "Choose the person to share it with";
            });
        }
        if (reason.isBlank()) {
            errors.put("share-reason", "Enter why you are sharing the case");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", chosen);
        body.put("principal", chosen.isEmpty() ? "" : picked.get(chosen));
        body.put("level", level);
        body.put("reason", reason);
        if (!lawfulBasis.isBlank()) {
            body.put("lawfulBasis", lawfulBasis);
        }
        if (!consent.isBlank()) {
            body.put("consent", consent);
        }
        if (!expires.isBlank()) {
            try {
                body.put("expiresAt", LocalDate.parse(expires).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
            } catch (RuntimeException notADate) {
                errors.put("share-expires", "Share until must be a real date");
            }
        }
        Map<String, Object> typed = Map.of("shareKind", chosen, "shareOrganisation", organisation, "shareTeam", team,
                "sharePerson", person, "shareLevel", level, "shareReason", reason, "shareLawfulBasis", lawfulBasis,
                "shareConsent", consent, "shareExpires", expires);
        if (!errors.isEmpty()) {
            return again(id, model, "sharing", errors, typed);
        }
        return once(authentication, formKey, () -> {
            Api.Answer shared = api.post("/api/v1/sharing/cases/{id}/shares", body, id);
            if (shared.ok()) {
                return done(id, "share", "sharing");
            }
            // the API's words beside the field they are about; anything else (no agreement, unknown person) by the picker
            Map<String, String> refused = new LinkedHashMap<>();
            withDetail(shared, "principal").forEach((field, message) -> refused.putIfAbsent(
                    SHARE_FIELDS.getOrDefault(field, SHARE_PICKERS.get(chosen)), message));
            return again(id, model, "sharing", refused, typed);
        }, id);
    }

    @PostMapping("/shares/{shareId}/revoke")
    String revoke(@PathVariable String id, @PathVariable String shareId, Model model) {
        Api.Answer revoked = api.call(HttpMethod.DELETE, "/api/v1/sharing/cases/{id}/shares/{share}", null, h -> { }, id,
                shareId);
        return revoked.ok() ? done(id, "revoke", "sharing")
                : again(id, model, "sharing", Map.of("revoke", revoked.detail()), Map.of());
    }

    @PostMapping("/tasks")
    String setTask(@PathVariable String id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "NORMAL") String priority,
            @RequestParam(defaultValue = "") String dueDate, @RequestParam(defaultValue = "TEAM") String assigneeKind,
            @RequestParam(defaultValue = "") String assignee, @RequestParam(required = false) String formKey,
            Authentication authentication, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", id);
        body.put("title", title);
        body.put("description", description.isBlank() ? null : description);
        body.put("priority", priority);
        body.put("dueDate", dueDate.isBlank() ? null : dueDate);
        // tasking-service takes the assignee's organisation from the directory: the console does not say it
        if (!assignee.isBlank()) {
            body.put("assignee", Map.of("kind", assigneeKind, "id", assignee));
        }
        Map<String, Object> typed = Map.of("taskTitle", title, "taskDescription", description, "taskAssignee", assignee,
                "taskAssigneeKind", assigneeKind, "taskDue", dueDate, "taskPriority", priority);
        return once(authentication, formKey, () -> {
            Api.Answer set = api.post("/api/v1/tasks", body);
            return set.ok() ? done(id, "task", "tasks") : again(id, model, "tasks", withDetail(set, "title"), typed);
        }, id);
    }

    @PostMapping("/risk")
    String assessRisk(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("q_") && !value.isBlank()) {
                answers.put(name.substring(2), Integer.valueOf(value));
            }
        });
        Api.Answer assessed = api.post("/api/v1/cases/{id}/risk-assessments", Map.of("answers", answers), id);
        return assessed.ok() ? done(id, "risk", "risk") : again(id, model, "risk", withDetail(assessed, "answers"), Map.of());
    }

    @PostMapping("/interventions")
    String intervene(@PathVariable String id, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "PLANNED") String status, @RequestParam(defaultValue = "") String notes,
            Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.isBlank() ? null : type);
        body.put("status", status);
        body.put("notes", notes.isBlank() ? null : notes);
        Api.Answer recorded = api.post("/api/v1/cases/{id}/interventions", body, id);
        return recorded.ok() ? done(id, "intervention", "interventions")
                : again(id, model, "interventions", withDetail(recorded, "type"), Map.of());
    }

    /** A second send of the same form while the first is still with the API lands on the case, at once. */
    private String once(Authentication authentication, String formKey, java.util.function.Supplier<String> work, String id) {
        return submissions.once(Practitioner.of(authentication).id(), formKey, "redirect:/cases/" + id, work);
    }

    private static String done(String id, String what, String tab) {
        return "redirect:/cases/" + id + "?done=" + what + "#" + tab;
    }

    /** The case page again, as it is now, with the errors beside their fields and what the user typed. */
    private String again(String id, Model model, String tab, Map<String, String> errors, Map<String, Object> typed) {
        casePage.fill(id, model);
        model.addAttribute("tab", tab);
        model.addAttribute("errors", errors);
        model.addAllAttributes(typed);
        return "cases/case";
    }

    private static Map<String, String> withDetail(Api.Answer answer, String field) {
        Map<String, String> errors = new LinkedHashMap<>(answer.fieldErrors());
        if (errors.isEmpty()) {
            errors.put(field, answer.detail());
        }
        return errors;
    }

    private static String message(Api.Answer answer, String field) {
        return answer.fieldErrors().getOrDefault(field, answer.fieldErrors().values().stream().findFirst()
                .orElse(answer.detail()));
    }

    private static Map<String, Object> prefixed(String action, Map<String, Object> body) {
        Map<String, Object> typed = new LinkedHashMap<>();
        body.forEach((k, v) -> typed.put(action.replace("-", "") + Character.toUpperCase(k.charAt(0)) + k.substring(1),
                v == null ? "" : v));
        return typed;
    }

    private static String quoted(String version) {
        return "\"" + version.replace("\"", "") + "\"";
    }
}
