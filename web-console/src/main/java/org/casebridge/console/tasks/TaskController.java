package org.casebridge.console.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casebridge.console.api.Api;
import org.casebridge.console.security.Practitioner;
import org.casebridge.console.web.PageReads;
import org.casebridge.console.web.ReferenceData;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Tasks between partners: the lists (mine, my team's, set by me, overdue) and one task with what can be done next. */
@Controller
class TaskController {

    static final List<String> VIEWS = List.of("MINE", "TEAM", "SET_BY_ME", "OVERDUE");
    private static final Map<String, String> DONE = Map.of("allocate", "Task allocated", "accept", "Task accepted",
            "decline", "Task declined", "updates", "Update added", "complete", "Task completed", "start", "Task started");

    private final Api api;
    private final PageReads reads;
    private final ReferenceData reference;

    TaskController(Api api, PageReads reads, ReferenceData reference) {
        this.api = api;
        this.reads = reads;
        this.reference = reference;
    }

    @GetMapping("/tasks")
    String tasks(@RequestParam(defaultValue = "MINE") String view, @RequestParam(required = false) String after,
            Model model) {
        String shown = VIEWS.contains(view) ? view : "MINE";
        Api.Answer page = after == null || !after.matches("[0-9a-f]{24}")
                ? api.get("/api/v1/tasks?view={view}&limit=25", shown)
                : api.get("/api/v1/tasks?view={view}&limit=25&after={after}", shown, after);
        model.addAttribute("view", shown);
        model.addAttribute("views", VIEWS);
        model.addAttribute("tasks", page.items());
        model.addAttribute("next", page.map().get("nextCursor"));
        return "tasks/list";
    }

    @GetMapping("/tasks/{id:[0-9a-f]{24}}")
    String task(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        fill(id, model);
        if (done != null) {
            model.addAttribute("success", DONE.getOrDefault(done, "Saved"));
        }
        return "tasks/task";
    }

    /** The task, then its case (which the task names); the colleagues to allocate to meanwhile, kept a few seconds. */
    private void fill(String id, Model model) {
        Api.Caller user = api.asUser();
        String organisation = Practitioner.of(SecurityContextHolder.getContext().getAuthentication()).organisation();
        var task = reads.start(() -> user.get("/api/v1/tasks/{id}", id));
        var theCase = reads.then(task, found -> found.ok() && found.map().get("caseId") != null
                ? user.get("/api/v1/cases/{id}", found.map().get("caseId")) : null);
        var colleagues = reads.start(() -> reference.colleagues(user, organisation));
        model.addAttribute("task", PageReads.join(task).orNotFound().map());
        Api.Answer caseOfTask = PageReads.join(theCase);
        if (caseOfTask != null) {
            model.addAttribute("caseOfTask", caseOfTask.ok() ? caseOfTask.map() : null);
        }
        model.addAttribute("colleagues", PageReads.join(colleagues));
    }

    @PostMapping("/tasks/{id:[0-9a-f]{24}}/{action:allocate|accept|start|decline|updates|complete}")
    String act(@PathVariable String id, @PathVariable String action, @RequestParam String version,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String userId, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (action) {
            case "allocate" -> body.put("userId", userId);
            case "decline" -> body.put("reason", text);
            case "updates" -> body.put("text", text);
            case "complete" -> body.put("outcome", text);
            default -> { }
        }
        Api.Answer answer = api.call(HttpMethod.POST, "/api/v1/tasks/{id}/" + action, body,
                h -> h.setIfMatch("\"" + version.replace("\"", "") + "\""), id);
        if (answer.ok()) {
            return "redirect:/tasks/" + id + "?done=" + action;
        }
        fill(id, model);
        if (answer.status() == 412) {
            model.addAttribute("conflict", true);
        } else {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(action, answer.fieldErrors().values().stream().findFirst().orElse(answer.detail()));
            model.addAttribute("errors", errors);
        }
        model.addAttribute("typed", text);
        model.addAttribute("typedAction", action);
        return "tasks/task";
    }
}
