package org.casebridge.console.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casebridge.console.api.Api;
import org.casebridge.console.security.Practitioner;
import org.casebridge.console.web.FormSubmissions;
import org.casebridge.console.web.PageReads;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * People: find (the name is posted), register with the possible-match warning first, and a person's page with their
 * involvement across the partnership.
 */
@Controller
class PeopleController {

    private final Api api;
    private final FormSubmissions submissions;
    private final PageReads reads;

    PeopleController(Api api, FormSubmissions submissions, PageReads reads) {
        this.api = api;
        this.submissions = submissions;
        this.reads = reads;
    }

    /** What is typed to register a person. */
    record PersonForm(String givenName, String familyName, String dateOfBirth, String addressLine, String postcode,
            String confirmed, String formKey) {

        Map<String, Object> toRequest() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("givenName", givenName == null ? "" : givenName.strip());
            body.put("familyName", familyName == null ? "" : familyName.strip());
            if (dateOfBirth != null && !dateOfBirth.isBlank()) {
                body.put("dateOfBirth", dateOfBirth.strip());
            }
            if (addressLine != null && !addressLine.isBlank() || postcode != null && !postcode.isBlank()) {
                Map<String, Object> address = new LinkedHashMap<>();
                address.put("lines", addressLine == null || addressLine.isBlank() ? List.of() : List.of(addressLine.strip()));
                address.put("postcode", postcode == null || postcode.isBlank() ? null : postcode.strip());
                body.put("addresses", List.of(address));
            }
            return body;
        }
    }

    @GetMapping("/people")
    String find() {
        return "people/find";
    }

    @PostMapping("/people/search")
    String search(@RequestParam(defaultValue = "") String name, Model model) {
        model.addAttribute("name", name);
        if (name.isBlank()) {
            model.addAttribute("errors", Map.of("name", "Enter a name to search for"));
        } else {
            Api.Answer found = api.get("/api/v1/parties/people?name={name}&limit=50", name.strip());
            model.addAttribute("people", found.ok() ? found.items() : List.of());
        }
        return "people/find";
    }

    @GetMapping("/people/new")
    String newPerson(Model model) {
        model.addAttribute("form", new PersonForm("", "", "", "", "", "", UUID.randomUUID().toString()));
        model.addAttribute("errors", Map.of());
        return "people/new";
    }

    /** First the partnership is asked who this may already be; a warning is shown before anything is stored. */
    @PostMapping("/people")
    String register(@ModelAttribute("form") PersonForm form, Authentication authentication, Model model) {
        model.addAttribute("errors", Map.of());
        if (!"yes".equals(form.confirmed())) {
            Api.Answer matches = api.post("/api/v1/parties/people/matches", form.toRequest());
            if (!matches.ok()) {
                model.addAttribute("errors", errors(matches));
                return "people/new";
            }
            if (!matches.list().isEmpty()) {
                model.addAttribute("matches", matches.list());
                return "people/new";
            }
        }
        // a second send while the first is still registering: Find a person, where they can be looked up
        return submissions.once(Practitioner.of(authentication).id(), form.formKey(), "redirect:/people", () -> {
            Api.Answer registered = api.call(HttpMethod.POST, "/api/v1/parties/people", form.toRequest(),
                    h -> h.set("Idempotency-Key", form.formKey()));
            if (registered.ok()) {
                return "redirect:/people/" + registered.map().get("id") + "?registered=true";
            }
            model.addAttribute("errors", errors(registered));
            return "people/new";
        });
    }

    @GetMapping("/people/{id:[0-9a-f]{24}}")
    String person(@PathVariable String id, @RequestParam(required = false) String registered,
            @RequestParam(required = false) String merged, @RequestParam(required = false) String unmerged,
            @RequestParam(required = false) String unmerge, Model model) {
        Api.Caller user = api.asUser();
        var person = reads.start(() -> user.get("/api/v1/parties/people/{id}", id));
        var involved = reads.start(() -> user.get("/api/v1/parties/people/{id}/involvement", id));
        model.addAttribute("person", PageReads.join(person).orNotFound().map());
        Api.Answer involvement = PageReads.join(involved);
        model.addAttribute("involvement", involvement.ok() ? involvement.body() : null);
        if (registered != null) {
            model.addAttribute("success", "Person registered");
        } else if (merged != null) {
            model.addAttribute("success", "Records merged");
        } else if (unmerged != null) {
            model.addAttribute("success", "Merge undone");
        } else if (unmerge != null) {
            model.addAttribute("unmergeError", "reason".equals(unmerge) ? "Enter why the merge was wrong"
                    : "The merge could not be undone: the record changed meanwhile, or was not merged into this one");
        }
        return "people/person";
    }

    private static Map<String, String> errors(Api.Answer answer) {
        Map<String, String> errors = new LinkedHashMap<>(answer.fieldErrors());
        if (errors.isEmpty()) {
            errors.put("givenName", answer.detail());
        }
        return errors;
    }
}
