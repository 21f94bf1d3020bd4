package org.casebridge.console.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casebridge.console.api.Api;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * E-mail preferences: for each kind of notification, an e-mail at once, one a day with the others, or none. The inbox
 * always gets everything; the address must be one of the user's own organisation.
 */
@Controller
class EmailPreferencesController {

    /** The kinds in the order a practitioner thinks of them, with their words. */
    static final Map<String, String> KINDS = kinds();
    static final List<String> DELIVERIES = List.of("IMMEDIATE", "DIGEST", "OFF");

    private final Api api;

    EmailPreferencesController(Api api) {
        this.api = api;
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("TASK_ASSIGNED", "A task is set for you or your team");
        kinds.put("TASK_DUE_SOON", "A task of yours is due soon");
        kinds.put("TASK_OVERDUE", "A task of yours is overdue");
        kinds.put("TASK_ESCALATED", "A task is escalated to you");
        kinds.put("TASK_CASE_CLOSED", "The case of a task of yours is closed");
        kinds.put("CASE_LEAD_ASSIGNED", "You are made lead officer of a case");
        kinds.put("CASE_REVIEW_DUE", "A case you lead is due for review");
        kinds.put("CASE_HIGH_RISK", "A case you lead is assessed as high risk");
        kinds.put("CASE_UPDATED", "A case you lead is changed by someone else");
        kinds.put("CASE_CLOSED_BY_OTHER", "A case you lead is closed by someone else");
        kinds.put("CASE_SHARED", "A case is shared with you or your team");
        kinds.put("CASE_TRANSFERRED_TO_YOU", "The lead of a case is offered to your organisation");
        kinds.put("REPEAT_PRESENTATION", "Someone keeps coming to the partnership as a victim");
        kinds.put("DUPLICATE_SUSPECTED", "Two records may be the same person");
        kinds.put("ACCESS_REQUESTED", "Someone asks for access to a case you manage");
        kinds.put("ACCESS_REQUEST_DECIDED", "Your request for access is answered");
        return kinds;
    }

    @GetMapping("/settings/notifications")
    String preferences(@RequestParam(required = false) String saved, Model model) {
        fill(api.get("/api/v1/notifications/preferences").map(), model);
        model.addAttribute("errors", Map.of());
        if (saved != null) {
            model.addAttribute("success", "Your e-mail preferences are saved");
        }
        return "notifications/preferences";
    }

    @PostMapping("/settings/notifications")
    String save(@RequestParam Map<String, String> form, Model model) {
        Map<String, String> email = new LinkedHashMap<>();
        KINDS.keySet().forEach(kind -> {
            String delivery = form.get("kind_" + kind);
            if (delivery != null && DELIVERIES.contains(delivery)) {
                email.put(kind, delivery);
            }
        });
        String address = form.getOrDefault("address", "").strip();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", address.isEmpty() ? null : address);
        body.put("email", email);
        Api.Answer saved = api.call(HttpMethod.PUT, "/api/v1/notifications/preferences", body, h -> { });
        if (saved.ok()) {
            return "redirect:/settings/notifications?saved=true";
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("address", address);
        typed.put("email", email);
        fill(typed, model);
        model.addAttribute("errors", Map.of("address",
                saved.fieldErrors().values().stream().findFirst().orElse(saved.detail())));
        return "notifications/preferences";
    }

    @SuppressWarnings("unchecked")
    private static void fill(Map<String, Object> preferences, Model model) {
        model.addAttribute("address", preferences.get("address"));
        Object email = preferences.get("email");
        model.addAttribute("chosen", email instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
        model.addAttribute("kinds", KINDS);
        model.addAttribute("deliveries", DELIVERIES);
    }
}
