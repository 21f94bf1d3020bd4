package org.casebridge.console.figures;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.casebridge.console.api.Api;
import org.casebridge.console.security.Practitioner;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partnership's figures for analysts, supervisors and the partnership administrator: cases opened, closed and
 * live per organisation and type, tasks and how many are overdue, and locations of concern by postcode district.
 * Only counts: no names, no addresses, no case titles.
 */
@Controller
class FiguresController {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Api api;

    FiguresController(Api api) {
        this.api = api;
    }

    @GetMapping("/figures")
    String figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Authentication authentication, Model model) {
        Practitioner me = Practitioner.of(authentication);
        if (me == null || !me.mayCount()) {
            throw new Api.NotFound();
        }
        LocalDate today = LocalDate.now(UK);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = date(from, today.minusDays(90), "from", errors);
        LocalDate end = date(to, today, "to", errors);
        if (errors.isEmpty() && !start.isBefore(end.plusDays(1))) {
            errors.put("from", "The start must be before the end");
        }
        model.addAttribute("from", from == null ? start.toString() : from);
        model.addAttribute("to", to == null ? end.toString() : to);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            return "figures/figures";
        }
        String fromInstant = start.atStartOfDay(UK).toInstant().toString();
        String toInstant = end.plusDays(1).atStartOfDay(UK).toInstant().toString();

        List<Map<String, Object>> caseRows = rows(api.get("/api/v1/cases/reports/counts?from={from}&to={to}", fromInstant,
                toInstant));
        model.addAttribute("caseRows", caseRows);
        model.addAttribute("caseTotals", totals(caseRows, List.of("opened", "closed", "live")));
        List<Map<String, Object>> taskRows = rows(api.get("/api/v1/tasks/reports/counts?from={from}&to={to}", fromInstant,
                toInstant));
        model.addAttribute("taskRows", taskRows);
        model.addAttribute("taskTotals", totals(taskRows, List.of("set", "received", "completed", "overdueNow")));
        locationsOfConcern(model);
        return "figures/figures";
    }

    /**
     * Locations of concern counted by postcode district and by kind of place, from party-service's figures: an analyst
     * may not list places (their addresses and reasons are not theirs to read), only count them.
     */
    @SuppressWarnings("unchecked")
    private void locationsOfConcern(Model model) {
        Api.Answer figures = api.get("/api/v1/parties/reports/locations-of-concern");
        Map<String, Object> counted = figures.ok() ? figures.map() : Map.of();
        model.addAttribute("concernByDistrict", counted.get("byDistrict") instanceof Map<?, ?> m
                ? new TreeMap<>((Map<String, Object>) m) : Map.of());
        model.addAttribute("concernByType", counted.get("byType") instanceof Map<?, ?> m
                ? new TreeMap<>((Map<String, Object>) m) : Map.of());
        model.addAttribute("concernTotal", counted.get("total") instanceof Number n ? n.longValue() : 0L);
        model.addAttribute("concernUnknown", !figures.ok());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Api.Answer answer) {
        Object rows = answer.ok() ? answer.map().get("rows") : null;
        return rows instanceof List<?> l ? new ArrayList<>((List<Map<String, Object>>) l) : List.of();
    }

    private static Map<String, Long> totals(List<Map<String, Object>> rows, List<String> columns) {
        Map<String, Long> totals = new LinkedHashMap<>();
        columns.forEach(column -> totals.put(column, rows.stream()
                .mapToLong(r -> r.get(column) instanceof Number n ? n.longValue() : 0).sum()));
        return totals;
    }

    private static LocalDate date(String text, LocalDate otherwise, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (RuntimeException notADate) {
            errors.put(field, ("from".equals(field) ? "Start" : "End") + " must be a real date");
            return otherwise;
        }
    }
}
