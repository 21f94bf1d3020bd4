package org.casebridge.console.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casebridge.console.api.Api;
import org.casebridge.console.security.Practitioner;
import org.casebridge.console.web.FormSubmissions;
import org.casebridge.console.web.ReferenceData;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Finding, opening and reading cases. What a case page can change is in {@link CaseActionsController}. */
@Controller
class CaseController {

    private static final String ID = "[0-9a-f]{24}";

    private final Api api;
    private final FormSubmissions submissions;
    private final CasePage casePage;
    private final ReferenceData reference;

    CaseController(Api api, FormSubmissions submissions, CasePage casePage, ReferenceData reference) {
        this.api = api;
        this.submissions = submissions;
        this.casePage = casePage;
        this.reference = reference;
    }

    @GetMapping("/cases")
    String find(@RequestParam(required = false) String reference, Model model) {
        model.addAttribute("search", new CaseSearchForm(reference, "", "", "", "", ""));
        if (reference != null && !reference.isBlank()) {
            return showResults(new CaseSearchForm(reference, "", "", "", "", ""), model);
        }
        return "cases/find";
    }

    /** Names and words are posted, never put in the URL (it ends up in logs and browser history). */
    @PostMapping("/cases/search")
    String search(@ModelAttribute("search") CaseSearchForm search, Model model) {
        return showResults(search, model);
    }

    private String showResults(CaseSearchForm search, Model model) {
        CaseSearchForm.Query query = search.query();
        Api.Answer found = api.get(query.template(), query.values());
        model.addAttribute("search", search);
        if (found.status() == 400) {
            model.addAttribute("errors", found.fieldErrors().isEmpty() ? Map.of("q", found.detail()) : found.fieldErrors());
        } else {
            model.addAttribute("results", found.items());
            model.addAttribute("total", found.map().get("total"));
        }
        return "cases/find";
    }

    @GetMapping("/cases/new")
    String newCase(Authentication authentication, Model model) {
        Practitioner me = Practitioner.of(authentication);
        model.addAttribute("form", OpenCaseForm.blank(me.id(), UUID.randomUUID().toString()));
        return showOpenForm(me, model, Map.of());
    }

    private String showOpenForm(Practitioner me, Model model, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("colleagues", reference.colleagues(api.asUser(), me.organisation()));
        model.addAttribute("types", CaseWords.TYPES);
        return "cases/new";
    }

    @PostMapping("/cases")
    String open(@ModelAttribute("form") OpenCaseForm form, Authentication authentication, Model model) {
        Practitioner me = Practitioner.of(authentication);
        // a second send while the first is still opening the case: My work, where the case will be listed
        return submissions.once(me.id(), form.formKey(), "redirect:/", () -> {
            Map<String, Object> body = form.toRequest();
            Map<String, String> errors = new LinkedHashMap<>();
            String review = form.nextReviewDate();
            if ("invalid".equals(review)) {
                errors.put("nextReviewDate", "Next review date must be a real date, like 27 3 2027");
            } else {
                body.put("nextReviewDate", review);
            }
            if (errors.isEmpty()) {
                Api.Answer opened = api.call(HttpMethod.POST, "/api/v1/cases", body,
                        headers -> headers.set("Idempotency-Key", form.formKey()));
                if (opened.ok()) {
                    return "redirect:/cases/" + opened.map().get("id") + "?opened=true";
                }
                errors.putAll(opened.fieldErrors());
                if (errors.isEmpty()) {
                    errors.put(opened.detail().contains("team") ? "team" : "title", opened.detail());
                }
            }
            showOpenForm(me, model, errors);
            return "cases/new";
        });
    }

    @GetMapping("/cases/{id:" + ID + "}")
    String casePage(@PathVariable String id, @RequestParam(required = false) String opened,
            @RequestParam(required = false) String done, Model model) {
        casePage.fill(id, model);
        if (opened != null) {
            model.addAttribute("success", "Case opened");
        } else if (done != null) {
            model.addAttribute("success", CaseWords.DONE.getOrDefault(done, "Saved"));
        }
        return "cases/case";
    }

    /** Search for a person to link, from the "People and places" tab: the name is posted, not put in the URL. */
    @PostMapping("/cases/{id:" + ID + "}/people-search")
    String findPersonToLink(@PathVariable String id, @RequestParam(defaultValue = "") String name, Model model) {
        casePage.fill(id, model);
        model.addAttribute("personName", name);
        if (name.isBlank()) {
            model.addAttribute("personSearchError", "Enter a name to search for");
        } else {
            Api.Answer found = api.get("/api/v1/parties/people?name={name}&limit=20", name.strip());
            model.addAttribute("people", found.ok() ? found.items() : List.of());
        }
        model.addAttribute("tab", "people");
        return "cases/case";
    }

    static List<Map<String, Object>> orEmpty(List<Map<String, Object>> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
