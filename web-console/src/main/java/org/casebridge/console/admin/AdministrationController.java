package org.casebridge.console.admin;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * Administration: an organisation's administrators see their organisation's users and teams, deactivate and
 * reactivate a user and add a team (sharing-service's directory); the partnership administrator sees the e-mail
 * delivery queue and tries a failed e-mail again (notification-service). To anyone else these pages do not exist, as
 * for every page of the console a user may not use.
 */
@Controller
class AdministrationController {

    private static final String USER = "[A-Za-z0-9._@-]{1,100}";
    private static final String TEAM_CODE = "[A-Z0-9_]{2,40}";
    private static final List<String> STATUSES = List.of("FAILED", "PENDING", "SENDING", "SENT", "WAITING_FOR_DIGEST");
    private static final Map<String, String> DONE = Map.of("deactivated", "User deactivated",
            "reactivated", "User reactivated", "team", "Team added", "retried", "E-mail queued to be sent again");

    private final Api api;

    AdministrationController(Api api) {
        this.api = api;
    }

    @GetMapping("/admin")
    String index(Authentication authentication, Model model) {
        Practitioner me = Practitioner.of(authentication);
        if (me == null || !(me.organisationAdministrator() || me.partnershipAdministrator())) {
            throw new Api.NotFound();
        }
        return "admin/index";
    }

    @GetMapping("/admin/users")
    String users(@RequestParam(required = false) String done, Authentication authentication, Model model) {
        Practitioner me = organisationAdministrator(authentication);
        if (done != null) {
            model.addAttribute("success", DONE.getOrDefault(done, "Saved"));
        }
        return usersPage(me, model, Map.of(), "", "");
    }

    private String usersPage(Practitioner me, Model model, Map<String, String> errors, String code, String name) {
        Api.Answer users = api.get("/api/v1/sharing/directory/organisations/{org}/users", me.organisation());
        Api.Answer teams = api.get("/api/v1/sharing/directory/organisations/{org}/teams", me.organisation());
        model.addAttribute("unavailable", !users.ok() || !teams.ok());
        model.addAttribute("users", (users.ok() ? users.list() : List.<Map<String, Object>>of()).stream()
                .sorted(Comparator.comparing(u -> String.valueOf(u.get("name")).toLowerCase(Locale.ROOT))).toList());
        model.addAttribute("teams", (teams.ok() ? teams.list() : List.<Map<String, Object>>of()).stream()
                .sorted(Comparator.comparing(t -> String.valueOf(t.get("name")).toLowerCase(Locale.ROOT))).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("code", code);
        model.addAttribute("teamName", name);
        return "admin/users";
    }

    @PostMapping("/admin/users/{id:" + USER + "}")
    String changeUser(@PathVariable String id, @RequestParam(defaultValue = "") String active, Authentication authentication,
            Model model) {
        Practitioner me = organisationAdministrator(authentication);
        boolean activate = "true".equals(active);
        if (id.equals(me.id()) && !activate) {
            return usersPage(me, model, Map.of("user-" + id, "You cannot deactivate yourself"), "", "");
        }
        Api.Answer changed = api.call(HttpMethod.PATCH, "/api/v1/sharing/directory/users/{id}", Map.of("active", activate),
                headers -> { }, id);
        if (changed.ok()) {
            return "redirect:/admin/users?done=" + (activate ? "reactivated" : "deactivated");
        }
        if (changed.status() == 404 || changed.status() == 403) {
            throw new Api.NotFound(); // not a user of this organisation
        }
        return usersPage(me, model, Map.of("user-" + id, changed.detail()), "", "");
    }

    @PostMapping("/admin/teams")
    String addTeam(@RequestParam(defaultValue = "") String code, @RequestParam(name = "teamName", defaultValue = "") String name,
            Authentication authentication, Model model) {
        Practitioner me = organisationAdministrator(authentication);
        String wanted = code.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank()) {
            errors.put("teamName", "Enter the team's name");
        } else if (name.length() > 200) {
            errors.put("teamName", "The name must be 200 characters or fewer");
        }
        if (wanted.isEmpty()) {
            errors.put("code", "Enter a short code for the team");
        } else if (!wanted.matches(TEAM_CODE)) {
            errors.put("code", "The code must be 2 to 40 capital letters, digits or underscores, like STOCKTON_YOUTH");
        }
        if (errors.isEmpty()) {
            Api.Answer added = api.post("/api/v1/sharing/directory/teams", Map.of("code", wanted, "name", name.strip()));
            if (added.ok()) {
                return "redirect:/admin/users?done=team";
            }
            errors.put("code", added.status() == 409 ? "There is already a team with this code"
                    : added.fieldErrors().values().stream().findFirst().orElse(added.detail()));
        }
        return usersPage(me, model, errors, code, name);
    }

    @GetMapping("/admin/deliveries")
    String deliveries(@RequestParam(defaultValue = "FAILED") String status, @RequestParam(required = false) String done,
            Authentication authentication, Model model) {
        partnershipAdministrator(authentication);
        String shown = STATUSES.contains(status) ? status : "FAILED";
        Api.Answer queue = api.get("/api/v1/notifications/deliveries?status={status}&limit=100", shown);
        model.addAttribute("unavailable", !queue.ok());
        if (done != null) {
            model.addAttribute("success", DONE.getOrDefault(done, "Saved"));
        }
        model.addAttribute("status", shown);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("deliveries", queue.ok() ? queue.list() : List.of());
        model.addAttribute("errors", Map.of());
        return "admin/deliveries";
    }

    @PostMapping("/admin/deliveries/{id:[A-Za-z0-9_.:-]{1,200}}/retry")
    String retry(@PathVariable String id, Authentication authentication, Model model) {
        partnershipAdministrator(authentication);
        Api.Answer retried = api.post("/api/v1/notifications/deliveries/{id}/retry", Map.of(), id);
        if (retried.ok()) {
            return "redirect:/admin/deliveries?done=retried";
        }
        if (retried.status() == 404) {
            throw new Api.NotFound();
        }
        String page = deliveries("FAILED", null, authentication, model);
        model.addAttribute("errors", Map.of("retry-" + id, retried.status() == 409
                ? "This e-mail is no longer failed: it was sent or is being tried again" : retried.detail()));
        return page;
    }

    private static Practitioner organisationAdministrator(Authentication authentication) {
        Practitioner me = Practitioner.of(authentication);
        if (me == null || !me.organisationAdministrator() || me.organisation() == null) {
            throw new Api.NotFound();
        }
        return me;
    }

    private static void partnershipAdministrator(Authentication authentication) {
        Practitioner me = Practitioner.of(authentication);
        if (me == null || !me.partnershipAdministrator()) {
            throw new Api.NotFound();
        }
    }
}
