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
 * Access requests: ask for access to a case you cannot see (from a case you cannot open, a linked case you cannot
 * see, or by typing the case reference you were given), or ask another organisation about a person it knows ("known
 * elsewhere" on a person's page); your own requests and their answers; and, for those who manage a case (or, for a
 * person, supervise in the organisation asked), the requests to approve or decline. Asking always says "your request
 * has been sent": the page tells nothing about a case the user cannot see, not even whether it exists.
 */
@Controller
class AccessRequestController {

    private static final String ID = "[0-9a-f]{24}";
    private static final String REFERENCE = "[A-Z]{2,5}-[0-9]{4}-[0-9]{6}";
    private static final String ORGANISATION = "[A-Z0-9_]{2,40}";
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
            if ("PERSON".equals(request.get("subject"))) {
                shown.put("person", personName(request.get("personId")));
            } else if ("APPROVED".equals(request.get("status")) && request.get("caseId") != null) {
                // once approved the case can be seen, and so named; before that only what the user typed is shown
                Api.Answer theCase = api.get("/api/v1/cases/{id}", request.get("caseId"));
                shown.put("reference", theCase.ok() ? theCase.map().get("reference") : request.get("reference"));
            }
            mine.add(shown);
        }
        model.addAttribute("mine", mine);
        List<Map<String, Object>> toAnswer = new ArrayList<>();
        Api.Answer pending = api.get("/api/v1/sharing/access-requests?status=PENDING&limit=50");
        for (Map<String, Object> request : pending.ok() ? pending.list() : List.<Map<String, Object>>of()) {
            Map<String, Object> shown = new LinkedHashMap<>(request);
            if ("PERSON".equals(request.get("subject"))) {
                // the person as this organisation's manager sees them, if they may
                shown.put("person", personName(request.get("personId")));
            } else {
                Api.Answer theCase = api.get("/api/v1/cases/{id}", request.get("caseId"));
                shown.put("reference", theCase.ok() ? theCase.map().get("reference") : null);
                shown.put("title", theCase.ok() ? theCase.map().get("title") : null);
            }
            toAnswer.add(shown);
        }
        model.addAttribute("toAnswer", toAnswer);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    /** The name of a person record the signed-in user may see, else null (nothing is said of one they may not). */
    private String personName(Object personId) {
        if (personId == null) {
            return null;
        }
        Api.Answer person = api.get("/api/v1/parties/people/{id}", personId);
        return person.ok() ? person.map().get("givenName") + " " + person.map().get("familyName") : null;
    }

    /**
     * The form to ask: for a case named by the page the user came from (the case itself is not shown), about a person
     * the user sees, of an organisation that knows them through its cases, or, with neither, by typing a case reference.
     */
    @GetMapping("/access-requests/new")
    String ask(@RequestParam(name = "case", defaultValue = "") String caseId,
            @RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String organisation,
            Model model) {
        Subject subject = Subject.of(caseId, "", person, organisation);
        subject.show(model, this);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("errors", Map.of());
        return "access/ask";
    }

    /** What the form asks about: exactly one of a case id, a typed reference, or a person with an organisation. */
    private record Subject(String caseId, String reference, String person, String organisation) {

        static Subject of(String caseId, String reference, String person, String organisation) {
            if (!caseId.isEmpty()) {
                if (!caseId.matches(ID)) {
                    throw new Api.NotFound();
                }
                return new Subject(caseId, null, null, null);
            }
            if (!person.isEmpty() || !organisation.isEmpty()) {
                if (!person.matches(ID) || !organisation.matches(ORGANISATION)) {
                    throw new Api.NotFound();
                }
                return new Subject(null, null, person, organisation);
            }
            return new Subject(null, reference.strip().toUpperCase(java.util.Locale.ROOT), null, null);
        }

        Map<String, Object> body(String reason) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (caseId != null) {
                body.put("caseId", caseId);
            } else if (person != null) {
                body.put("personId", person);
                body.put("organisation", organisation);
            } else {
                body.put("reference", reference);
            }
            body.put("reason", reason);
            return body;
        }

        void show(Model model, AccessRequestController controller) {
            model.addAttribute("caseId", caseId);
            model.addAttribute("reference", reference);
            model.addAttribute("byReference", caseId == null && person == null);
            model.addAttribute("person", person);
            model.addAttribute("organisation", organisation);
            if (person != null) {
                model.addAttribute("personName", controller.personName(person));
            }
        }
    }

    @PostMapping("/access-requests")
    String send(@RequestParam(name = "case", defaultValue = "") String caseId, @RequestParam(defaultValue = "") String reference,
            @RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String formKey,
            Authentication authentication, Model model) {
        Subject subject = Subject.of(caseId, reference, person, organisation);
        Map<String, String> errors = new LinkedHashMap<>();
        if (subject.reference() != null && !subject.reference().matches(REFERENCE)) {
            errors.put("reference", subject.reference().isEmpty() ? "Enter the case reference"
                    : "Enter a case reference like ASB-2026-000123");
        }
        if (reason.isBlank()) {
            errors.put("reason", subject.person() != null ? "Enter why you need to know what they know of this person"
                    : "Enter why you need to see the case");
        } else if (reason.length() > 2000) {
            errors.put("reason", "Reason must be 2,000 characters or fewer");
        }
        if (errors.isEmpty()) {
            String next = submissions.once(Practitioner.of(authentication).id(), formKey, () -> {
                Api.Answer asked = api.post("/api/v1/sharing/access-requests", subject.body(reason.strip()));
                // a case that does not exist gets the same answer as one that does: the page tells nothing
                if (asked.ok() || asked.status() == 404) {
                    return "redirect:/access-requests?done=sent";
                }
                errors.put("reason", switch (asked.status()) {
                    case 409 -> subject.person() != null
                            ? "You have already asked them about this person. Wait for the answer, which will be in your access requests."
                            : "You have already asked for access to this case. Wait for the answer, which will come to your notifications.";
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
        subject.show(model, this);
        model.addAttribute("reason", reason);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("errors", errors);
        return "access/ask";
    }

    @PostMapping("/access-requests/{id:" + ID + "}/approve")
    String approve(@PathVariable String id, @RequestParam(defaultValue = "VIEW") String level,
            @RequestParam(defaultValue = "") String until, @RequestParam(required = false) String message, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", List.of("VIEW", "CONTRIBUTE").contains(level) ? level : "VIEW");
        if (message != null) {
            // a person request: the answer is whom to contact, and what to tell them
            if (message.length() > 2000) {
                return again(model, "message-" + id, "Message must be 2,000 characters or fewer");
            }
            body.put("message", message.strip());
        }
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
