package org.casebridge.console.notifications;

import java.util.Map;

import org.casebridge.console.api.Api;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbox: what was addressed to the user, their teams and organisation; read and unread. */
@Controller
class NotificationController {

    private final Api api;

    NotificationController(Api api) {
        this.api = api;
    }

    @GetMapping("/notifications")
    String inbox(@RequestParam(defaultValue = "false") boolean unread, Model model) {
        Api.Answer page = api.get("/api/v1/notifications?unread={unread}&limit=50", unread);
        model.addAttribute("notifications", page.items());
        model.addAttribute("unreadCount", page.map().getOrDefault("unread", 0));
        model.addAttribute("unreadOnly", unread);
        return "notifications/inbox";
    }

    /** The count in the header, redrawn by htmx when the live stream says something arrived. */
    @GetMapping("/notifications/unread-count")
    String unreadCount(Model model) {
        model.addAttribute("unreadCount", api.get("/api/v1/notifications/unread-count").map().getOrDefault("unread", 0));
        return "fragments :: unread";
    }

    @PostMapping("/notifications/{id:[A-Za-z0-9-]{1,64}}/read")
    String read(@PathVariable String id, @RequestParam(required = false) String next) {
        api.post("/api/v1/notifications/{id}/read", Map.of(), id);
        return next != null && next.matches("/(cases|tasks)/[0-9a-f]{24}") ? "redirect:" + next : "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        api.post("/api/v1/notifications/read-all", Map.of());
        return "redirect:/notifications";
    }
}
