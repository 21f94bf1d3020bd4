package org.casebridge.console.home;

import org.casebridge.console.api.Api;
import org.casebridge.console.security.Practitioner;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the signed-in practitioner has to do next. */
@Controller
class MyWorkController {

    private final Api api;

    MyWorkController(Api api) {
        this.api = api;
    }

    @GetMapping("/")
    String myWork(Authentication authentication, Model model) {
        Practitioner me = Practitioner.of(authentication);
        model.addAttribute("casesILead", api.get("/api/v1/cases?leadOfficer={me}&limit=10", me.id()).items());
        if (me.organisation() != null) {
            model.addAttribute("organisationCases",
                    api.get("/api/v1/cases?owner={org}&status=OPEN&limit=10", me.organisation()).items());
        }
        model.addAttribute("myTasks", api.get("/api/v1/tasks?view=MINE&limit=10").items());
        model.addAttribute("teamTasks", api.get("/api/v1/tasks?view=TEAM&limit=10").items());
        model.addAttribute("overdueTasks", api.get("/api/v1/tasks?view=OVERDUE&limit=10").items());
        model.addAttribute("unread", api.get("/api/v1/notifications?unread=true&limit=5").map());
        return "home";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
