package org.casebridge.console.places;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casebridge.console.api.Api;
import org.casebridge.console.security.Practitioner;
import org.casebridge.console.web.FormSubmissions;
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
 * Places: find one by postcode or street (posted, never in the URL), register one, and a place's page with whether it
 * is a location of concern (made one with reasons and a review date, or no longer one) and the cases linked to it.
 * Coming from a case page ({@code ?case=}), a place is linked to that case from its page.
 */
@Controller
class PlaceController {

    static final List<String> TYPES = List.of("DWELLING", "FLAT_BLOCK", "STREET", "PARK", "SHOP", "PUB", "ESTATE", "SCHOOL",
            "PLAY_AREA", "CAR_PARK", "TRANSPORT", "OPEN_SPACE", "COMMERCIAL", "OTHER");
    static final List<String> ROLES = List.of("INCIDENT_LOCATION", "VICTIM_HOME", "PERPETRATOR_HOME", "LOCATION_OF_CONCERN",
            "OTHER");
    private static final String ID = "[0-9a-f]{24}";
    private static final Map<String, String> DONE = Map.of("concern", "Marked as a location of concern",
            "cleared", "No longer a location of concern", "linked", "Linked to the case", "registered", "Place registered");

    private final Api api;
    private final FormSubmissions submissions;

    PlaceController(Api api, FormSubmissions submissions) {
        this.api = api;
        this.submissions = submissions;
    }

    /** What is typed to register a place. */
    record PlaceForm(String name, String addressLine1, String addressLine2, String postcode, String type, String linkCase,
            String formKey) {

        Map<String, Object> toRequest() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", blankToNull(name));
            List<String> lines = new ArrayList<>();
            if (addressLine1 != null && !addressLine1.isBlank()) {
                lines.add(addressLine1.strip());
            }
            if (addressLine2 != null && !addressLine2.isBlank()) {
                lines.add(addressLine2.strip());
            }
            body.put("addressLines", lines);
            body.put("postcode", blankToNull(postcode));
            body.put("type", blankToNull(type));
            return body;
        }
    }

    @GetMapping("/places")
    String find(@RequestParam(name = "case", required = false) String caseId, Model model) {
        model.addAttribute("linkCase", caseOf(caseId));
        Api.Answer ofConcern = api.get("/api/v1/parties/locations?concern=true&limit=20");
        model.addAttribute("ofConcern", ofConcern.ok() ? ofConcern.items() : List.of());
        return "places/find";
    }

    @PostMapping("/places/search")
    String search(@RequestParam(defaultValue = "") String postcode, @RequestParam(defaultValue = "") String street,
            @RequestParam(defaultValue = "") String concern, @RequestParam(name = "case", required = false) String caseId,
            Model model) {
        model.addAttribute("linkCase", caseOf(caseId));
        model.addAttribute("postcode", postcode);
        model.addAttribute("street", street);
        model.addAttribute("concernOnly", "true".equals(concern));
        if (postcode.isBlank() && street.isBlank()) {
            model.addAttribute("errors", Map.of("postcode", "Enter a postcode or a street"));
            return "places/find";
        }
        StringBuilder template = new StringBuilder("/api/v1/parties/locations?limit=50");
        List<Object> values = new ArrayList<>();
        if (!postcode.isBlank()) {
            template.append("&postcode={postcode}");
            values.add(postcode.strip());
        }
        if (!street.isBlank()) {
            template.append("&street={street}");
            values.add(street.strip());
        }
        if ("true".equals(concern)) {
            template.append("&concern=true");
        }
        Api.Answer found = api.get(template.toString(), values.toArray());
        if (found.ok()) {
            model.addAttribute("places", found.items());
        } else {
            Map<String, String> errors = new LinkedHashMap<>();
            found.fieldErrors().forEach((field, message) -> errors.put(field.contains("street") ? "street" : "postcode",
                    field.contains("street") ? "Street " + message : "Postcode " + message));
            if (errors.isEmpty()) {
                errors.put("postcode", found.detail());
            }
            model.addAttribute("errors", errors);
        }
        return "places/find";
    }

    @GetMapping("/places/new")
    String newPlace(@RequestParam(name = "case", required = false) String caseId, Model model) {
        model.addAttribute("form", new PlaceForm("", "", "", "", "", caseId == null || !caseId.matches(ID) ? "" : caseId,
                UUID.randomUUID().toString()));
        return showNew(model, Map.of());
    }

    private String showNew(Model model, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("types", TYPES);
        return "places/new";
    }

    @PostMapping("/places")
    String register(@ModelAttribute("form") PlaceForm form, Authentication authentication, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blankToNull(form.name()) == null && blankToNull(form.addressLine1()) == null) {
            errors.put("addressLine1", "Enter the first line of the address, or a name for the place");
        }
        if (blankToNull(form.type()) == null) {
            errors.put("type", "Select what kind of place it is");
        }
        if (!errors.isEmpty()) {
            return showNew(model, errors);
        }
        String next = submissions.once(Practitioner.of(authentication).id(), form.formKey(), () -> {
            Api.Answer registered = api.post("/api/v1/parties/locations", form.toRequest());
            if (registered.ok()) {
                String linkCase = form.linkCase() != null && form.linkCase().matches(ID) ? "&case=" + form.linkCase() : "";
                return "redirect:/places/" + registered.map().get("id") + "?done=registered" + linkCase;
            }
            Map<String, String> problems = new LinkedHashMap<>();
            registered.fieldErrors().forEach((field, message) -> problems.put(formField(field), label(field) + " " + message));
            if (problems.isEmpty()) {
                problems.put(registered.detail().toLowerCase(java.util.Locale.UK).contains("postcode") ? "postcode"
                        : "addressLine1", registered.detail());
            }
            showNew(model, problems);
            return "places/new";
        });
        return next == null ? "redirect:/places/new" : next;
    }

    @GetMapping("/places/{id:" + ID + "}")
    String place(@PathVariable String id, @RequestParam(required = false) String done,
            @RequestParam(name = "case", required = false) String caseId, Model model) {
        fill(id, caseId, model);
        if (done != null) {
            model.addAttribute("success", DONE.getOrDefault(done, "Saved"));
        }
        return "places/place";
    }

    private void fill(String id, String caseId, Model model) {
        Map<String, Object> place = api.get("/api/v1/parties/locations/{id}", id).orNotFound().map();
        model.addAttribute("place", place);
        model.addAttribute("address", describe(place));
        Object concern = place.get("concern");
        model.addAttribute("concernText", concern instanceof Map<?, ?> c && c.get("reasons") instanceof List<?> reasons
                ? String.join("\n", reasons.stream().map(String::valueOf).toList()) : "");
        Api.Answer cases = api.get("/api/v1/cases?location={id}&limit=50&total=false", id);
        model.addAttribute("cases", cases.ok() ? cases.items() : List.of());
        model.addAttribute("roles", ROLES);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        Map<String, Object> linkCase = caseOf(caseId);
        model.addAttribute("linkCase", linkCase);
        if (!model.containsAttribute("linkReference")) {
            model.addAttribute("linkReference", linkCase == null ? "" : linkCase.get("reference"));
        }
    }

    @PostMapping("/places/{id:" + ID + "}/concern")
    String markOfConcern(@PathVariable String id, @RequestParam String version, @RequestParam(defaultValue = "") String reasons,
            @RequestParam(defaultValue = "") String reviewDate, Model model) {
        List<String> given = reasons.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        if (given.isEmpty()) {
            errors.put("reasons", "Enter why it is a location of concern");
        }
        if (reviewDate.isBlank()) {
            errors.put("reviewDate", "Enter the date to review it by");
        } else {
            try {
                LocalDate.parse(reviewDate.strip());
            } catch (RuntimeException notADate) {
                errors.put("reviewDate", "Review date must be a real date");
            }
        }
        if (errors.isEmpty()) {
            Api.Answer marked = api.call(HttpMethod.PUT, "/api/v1/parties/locations/{id}/concern",
                    Map.of("reasons", given, "reviewDate", reviewDate.strip()), h -> h.setIfMatch(quoted(version)), id);
            if (marked.ok()) {
                return "redirect:/places/" + id + "?done=concern";
            }
            if (marked.status() == 412) {
                model.addAttribute("conflict", true);
            } else {
                marked.fieldErrors().forEach((field, message) -> errors.put(field.startsWith("reasons") ? "reasons" : "reviewDate",
                        (field.startsWith("reasons") ? "Reasons " : "Review date ") + message));
                if (errors.isEmpty()) {
                    errors.put(marked.detail().toLowerCase().contains("review") ? "reviewDate" : "reasons", marked.detail());
                }
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("typedReasons", reasons);
        model.addAttribute("typedReviewDate", reviewDate);
        fill(id, null, model);
        return "places/place";
    }

    @PostMapping("/places/{id:" + ID + "}/concern/clear")
    String clearConcern(@PathVariable String id, @RequestParam String version, Model model) {
        Api.Answer cleared = api.call(HttpMethod.DELETE, "/api/v1/parties/locations/{id}/concern", null,
                h -> h.setIfMatch(quoted(version)), id);
        if (cleared.ok()) {
            return "redirect:/places/" + id + "?done=cleared";
        }
        if (cleared.status() == 412) {
            model.addAttribute("conflict", true);
        } else {
            model.addAttribute("errors", Map.of("clear", cleared.detail()));
        }
        fill(id, null, model);
        return "places/place";
    }

    /** Links the place to a case the user can see, named by its reference. */
    @PostMapping("/places/{id:" + ID + "}/link")
    String link(@PathVariable String id, @RequestParam(defaultValue = "") String reference,
            @RequestParam(defaultValue = "") String role, Model model) {
        String wanted = reference.strip().toUpperCase(java.util.Locale.UK);
        Map<String, String> errors = new LinkedHashMap<>();
        String caseId = null;
        if (!wanted.matches("[A-Z]{2,5}-[0-9]{4}-[0-9]{6}")) {
            errors.put("reference", "Enter a case reference, like ASB-2026-000123");
        } else {
            List<Map<String, Object>> found = api.get("/api/v1/cases?reference={reference}&limit=1&total=false", wanted).items();
            if (found.isEmpty()) {
                errors.put("reference", "There is no case with that reference that you can see");
            } else {
                caseId = String.valueOf(found.get(0).get("id"));
            }
        }
        if (!ROLES.contains(role)) {
            errors.put("role", "Select how the place is involved");
        }
        if (errors.isEmpty()) {
            Api.Answer linked = api.post("/api/v1/cases/{case}/links",
                    Map.of("target", "LOCATION", "targetId", id, "role", role), caseId);
            if (linked.ok()) {
                return "redirect:/places/" + id + "?done=linked";
            }
            errors.put("reference", linked.status() == 409 ? "This place is already linked to that case in that role"
                    : linked.fieldErrors().values().stream().findFirst().orElse(linked.detail()));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("linkReference", reference);
        model.addAttribute("linkRole", role);
        fill(id, null, model);
        return "places/place";
    }

    /** The case a place is being found for, if the user can see it. */
    private Map<String, Object> caseOf(String caseId) {
        if (caseId == null || !caseId.matches(ID)) {
            return null;
        }
        Api.Answer found = api.get("/api/v1/cases/{id}", caseId);
        return found.ok() ? found.map() : null;
    }

    @SuppressWarnings("unchecked")
    static String describe(Map<String, Object> place) {
        List<String> parts = new ArrayList<>();
        Object lines = place.get("addressLines");
        if (lines instanceof List<?> l) {
            ((List<Object>) l).forEach(line -> parts.add(String.valueOf(line)));
        }
        if (place.get("postcode") != null) {
            parts.add(String.valueOf(place.get("postcode")));
        }
        return parts.isEmpty() ? String.valueOf(place.getOrDefault("name", "")) : String.join(", ", parts);
    }

    private static String formField(String field) {
        if (field.startsWith("addressLines")) {
            return "addressLine1";
        }
        return switch (field) {
            case "name", "postcode", "type" -> field;
            default -> "addressLine1";
        };
    }

    private static String label(String field) {
        if (field.startsWith("addressLines")) {
            return "Address";
        }
        return switch (field) {
            case "name" -> "Name";
            case "postcode" -> "Postcode";
            case "type" -> "Kind of place";
            default -> "";
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String quoted(String version) {
        return "\"" + version.replace("\"", "") + "\"";
    }
}
