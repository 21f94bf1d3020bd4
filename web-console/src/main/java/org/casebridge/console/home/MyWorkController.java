package org.casebridge.console.home;

import org.casebridge.console.api.Api;
import org.casebridge.console.security.Practitioner;
import org.casebridge.console.web.PageReads;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the signed-in practitioner has to do next, its lists read side by side. */
@Controller
class MyWorkController {

    private final Api api;
    private final PageReads reads;

    MyWorkController(Api api, PageReads reads) {
        this.api = api;
        this.reads = reads;
    }

    @GetMapping("/")
    String myWork(Authentication authentication, Model model) {
        Practitioner me = Practitioner.of(authentication);
        Api.Caller user = api.asUser();
        var casesILead = reads.start(() -> user.get("/api/v1/cases?leadOfficer={me}&limit=10&total=false", me.id()));
        var organisationCases = me.organisation() == null ? null
                : reads.start(() -> user.get("/api/v1/cases?owner={org}&status=OPEN&limit=10&total=false", me.organisation()));
        var myTasks = reads.start(() -> user.get("/api/v1/tasks?view=MINE&limit=10"));
        var teamTasks = reads.start(() -> user.get("/api/v1/tasks?view=TEAM&limit=10"));
        var overdueTasks = reads.start(() -> user.get("/api/v1/tasks?view=OVERDUE&limit=10"));
        var unread = reads.start(() -> user.get("/api/v1/notifications?unread=true&limit=5"));
        model.addAttribute("casesILead", PageReads.join(casesILead).items());
        if (organisationCases != null) {
            model.addAttribute("organisationCases", PageReads.join(organisationCases).items());
        }
        model.addAttribute("myTasks", PageReads.join(myTasks).items());
        model.addAttribute("teamTasks", PageReads.join(teamTasks).items());
        model.addAttribute("overdueTasks", PageReads.join(overdueTasks).items());
        model.addAttribute("unread", PageReads.join(unread).map());
        return "home";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
