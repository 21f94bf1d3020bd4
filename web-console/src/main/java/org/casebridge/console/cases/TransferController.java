package org.casebridge.console.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casebridge.console.api.Api;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Lead-agency transfer: the case's managers offer the lead to another partner organisation (or withdraw the offer)
 * from the case page; the receiving organisation sees the cases offered to it and accepts (the one who accepts
 * becomes lead officer) or declines.
 */
@Controller
class TransferController {

    private static final String ID = "[0-9a-f]{24}";

    private final Api api;

    TransferController(Api api) {
        this.api = api;
    }

    @PostMapping("/cases/{id:" + ID + "}/transfer")
    String offer(@PathVariable String id, @RequestParam String version,
            @RequestParam(defaultValue = "") String toOrganisation, @RequestParam(defaultValue = "") String reason,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (toOrganisation.isBlank()) {
            errors.put("toOrganisation", "Choose the organisation to offer the lead to");
        }
        if (reason.isBlank()) {
            errors.put("transferReason", "Enter why they should lead it");
        }
        if (errors.isEmpty()) {
            Map<String, Object> body = Map.of("toOrganisation", toOrganisation, "reason", reason.strip());
            Api.Answer offered = api.call(HttpMethod.POST, "/api/v1/cases/{id}/transfer", body,
                    h -> h.setIfMatch("\"" + version.replace("\"", "") + "\""), id);
            offered.orNotFound();
            if (offered.ok()) {
                return "redirect:/cases/" + id + "?done=transfer#summary";
            }
            errors.put("toOrganisation", offered.status() == 412
                    ? "This case changed since you opened it. Look at it again before you offer the lead."
                    : offered.fieldErrors().values().stream().findFirst().orElse(offered.detail()));
        }
        return refused(id, errors, model);
    }

    /** What stopped the offer, with the way back to the case, where nothing was changed. */
    private static String refused(String id, Map<String, String> errors, Model model) {
        model.addAttribute("caseId", id);
        model.addAttribute("errors", errors);
        return "cases/transfer-refused";
    }

    /** The owner withdraws an offer not yet answered. */
    @PostMapping("/cases/{id:" + ID + "}/transfer/withdraw")
    String withdraw(@PathVariable String id, Model model) {
        Api.Answer withdrawn = api.post("/api/v1/cases/{id}/transfer/decline", Map.of(), id);
        withdrawn.orNotFound();
        return withdrawn.ok() ? "redirect:/cases/" + id + "?done=transfer-withdrawn#summary"
                : refused(id, Map.of("toOrganisation", withdrawn.detail()), model);
    }

    @GetMapping("/cases/transfers")
    String incoming(@RequestParam(required = false) String done, Model model) {
        fill(model);
        if (done != null) {
            model.addAttribute("success", "declined".equals(done) ? "Transfer declined" : "Saved");
        }
        return "cases/transfers";
    }

    private void fill(Model model) {
        Api.Answer offered = api.get("/api/v1/cases/transfers/incoming");
        model.addAttribute("offered", offered.ok() ? offered.list() : List.of());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    @PostMapping("/cases/transfers/{id:" + ID + "}/accept")
    String accept(@PathVariable String id, Model model) {
        Api.Answer accepted = api.post("/api/v1/cases/{id}/transfer/accept", Map.of(), id);
        if (accepted.ok()) {
            return "redirect:/cases/" + id + "?done=transfer-accepted";
        }
        model.addAttribute("errors", Map.of("decline-" + id, accepted.status() == 404
                ? "This case is no longer offered to your organisation" : accepted.detail()));
        fill(model);
        return "cases/transfers";
    }

    @PostMapping("/cases/transfers/{id:" + ID + "}/decline")
    String decline(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Model model) {
        if (reason.isBlank()) {
            model.addAttribute("errors", Map.of("decline-" + id, "Enter why you decline, which the owner will see"));
            fill(model);
            return "cases/transfers";
        }
        Api.Answer declined = api.post("/api/v1/cases/{id}/transfer/decline", Map.of("reason", reason.strip()), id);
        if (declined.ok()) {
            return "redirect:/cases/transfers?done=declined";
        }
        model.addAttribute("errors", Map.of("decline-" + id, declined.status() == 404
                ? "This case is no longer offered to your organisation" : declined.detail()));
        fill(model);
        return "cases/transfers";
    }
}
