package org.casebridge.console.access;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casebridge.console.api.Api;
import org.casebridge.console.security.Practitioner;
import org.casebridge.console.web.FormSubmissions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Access requests: ask for access to a case you cannot see (from a case you cannot open, or a linked case you cannot
 * see), your own requests and their answers, and, for those who manage a case, the requests to approve or decline.
 * Asking always says "your request has been sent": the page tells nothing about a case the user cannot see, not
 * even whether it exists.
 */
@Controller
class AccessRequestController {

    private static final String ID = "[0-9a-f]{24}";
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Map<String, String> DONE = Map.of("sent", "Your request has been sent",
            "approved", "Access given", "declined", "Request declined");

    private final Api api;
    private final FormSubmissions submissions;

    AccessRequestController(Api api, FormSubmissions submissions) {
        this.api = api;
        this.submissions = submissions;
    }

    @GetMapping("/access-requests")
    String requests(@RequestParam(required = false) String done, Model model) {
        fill(model);
        if (done != null) {
            model.addAttribute("success", DONE.getOrDefault(done, "Saved"));
        }
        return "access/requests";
    }

    private void fill(Model model) {
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Map<String, Object> request : api.get("/api/v1/sharing/access-requests/mine?limit=50").list()) {
            Map<String, Object> shown = new LinkedHashMap<>(request);
            // once approved the case can be seen, and so named; before that nothing about it is shown
            if ("APPROVED".equals(request.get("status")) && request.get("caseId") != null) {
                Api.Answer theCase = api.get("/api/v1/cases/{id}", request.get("caseId"));
                shown.put("reference", theCase.ok() ? theCase.map().get("reference") : null);
            }
            mine.add(shown);
        }
        model.addAttribute("mine", mine);
        List<Map<String, Object>> toAnswer = new ArrayList<>();
        Api.Answer pending = api.get("/api/v1/sharing/access-requests?status=PENDING&limit=50");
        for (Map<String, Object> request : pending.ok() ? pending.list() : List.<Map<String, Object>>of()) {
            Map<String, Object> shown = new LinkedHashMap<>(request);
            Api.Answer theCase = api.get("/api/v1/cases/{id}", request.get("caseId"));
            shown.put("reference", theCase.ok() ? theCase.map().get("reference") : null);
            shown.put("title", theCase.ok() ? theCase.map().get("title") : null);
            toAnswer.add(shown);
        }
        model.addAttribute("toAnswer", toAnswer);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    /** The form to ask, for a case named by the page the user came from; the case itself is not shown. */
    @GetMapping("/access-requests/new")
    String ask(@RequestParam(name = "case", defaultValue = "") String caseId, Model model) {
        if (!caseId.matches(ID)) {
            throw new Api.NotFound();
        }
        model.addAttribute("caseId", caseId);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("errors", Map.of());
        return "access/ask";
    }

    @PostMapping("/access-requests")
    String send(@RequestParam(name = "case", defaultValue = "") String caseId, @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) String formKey, Authentication authentication, Model model) {
        if (!caseId.matches(ID)) {
            throw new Api.NotFound();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (reason.isBlank()) {
            errors.put("reason", "Enter why you need to see the case");
        } else if (reason.length() > 2000) {
            errors.put("reason", "Reason must be 2,000 characters or fewer");
        }
        if (errors.isEmpty()) {
            String next = submissions.once(Practitioner.of(authentication).id(), formKey, () -> {
                Api.Answer asked = api.post("/api/v1/sharing/access-requests", Map.of("caseId", caseId, "reason", reason.strip()));
                // a case that does not exist gets the same answer as one that does: the page tells nothing
                if (asked.ok() || asked.status() == 404) {
                    return "redirect:/access-requests?done=sent";
                }
                errors.put("reason", switch (asked.status()) {
                    case 409 -> "You have already asked for access to this case. Wait for the answer, which will come to your notifications.";
                    case 429 -> "You have asked for access many times in a short while. Try again later.";
                    default -> asked.fieldErrors().values().stream().findFirst().orElse(asked.detail());
                });
                return null;
            });
            if (next != null) {
                return next;
            }
            if (errors.isEmpty()) {
                return "redirect:/access-requests"; // the same form sent twice: the first is still being sent
            }
        }
        model.addAttribute("caseId", caseId);
        model.addAttribute("reason", reason);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("errors", errors);
        return "access/ask";
    }

    @PostMapping("/access-requests/{id:" + ID + "}/approve")
    String approve(@PathVariable String id, @RequestParam(defaultValue = "VIEW") String level,
            @RequestParam(defaultValue = "") String until, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", List.of("VIEW", "CONTRIBUTE").contains(level) ? level : "VIEW");
        if (!until.isBlank()) {
            try {
                body.put("expiresAt", LocalDate.parse(until.strip()).plusDays(1).atStartOfDay(UK).toInstant().toString());
            } catch (RuntimeException notADate) {
                return again(model, "until-" + id, "Give access until must be a real date");
            }
        }
        Api.Answer approved = api.post("/api/v1/sharing/access-requests/{id}/approve", body, id);
        if (approved.ok()) {
            return "redirect:/access-requests?done=approved";
        }
        return again(model, "until-" + id, approved.status() == 404 ? "This request is not yours to answer"
                : approved.fieldErrors().values().stream().findFirst().orElse(approved.detail()));
    }

    @PostMapping("/access-requests/{id:" + ID + "}/decline")
    String decline(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Model model) {
        if (reason.isBlank()) {
            return again(model, "decline-" + id, "Enter why you decline, which the person who asked will see");
        }
        Api.Answer declined = api.post("/api/v1/sharing/access-requests/{id}/decline", Map.of("reason", reason.strip()), id);
        if (declined.ok()) {
            return "redirect:/access-requests?done=declined";
        }
        return again(model, "decline-" + id, declined.status() == 404 ? "This request is not yours to answer"
                : declined.fieldErrors().values().stream().findFirst().orElse(declined.detail()));
    }

    private String again(Model model, String field, String message) {
        model.addAttribute("errors", Map.of(field, message));
        fill(model);
        return "access/requests";
    }
}
