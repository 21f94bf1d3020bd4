package org.casebridge.console.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.casebridge.console.api.Api;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What changes only with the partnership's configuration or its directory — organisations, agreements, teams, the
 * partnership's practitioners, each organisation's colleagues, the risk questions — kept for a short while (reference-data-ttl, 15 s) instead of
 * read on every page. Each entry is read with the token of whoever needs it first; none of it depends on who reads
 * it beyond their organisation (colleagues are kept per organisation). A failed read is not kept. A page that changes
 * the directory calls {@link #forget()} so its own instance shows the change at once.
 */
@Component
public class ReferenceData {

    private static final String ORGANISATIONS = "organisations";
    private static final String TEAMS = "teams";
    private static final String RISK_QUESTIONS = "risk-questions";
    private static final String AGREEMENTS = "agreements";
    private static final String PRACTITIONERS = "practitioners";

    private final Cache<String, List<Map<String, Object>>> kept;

    ReferenceData(@Value("${casebridge.console.reference-data-ttl:PT15S}") Duration ttl) {
        kept = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1_000).build();
    }

    /** The partnership's organisations: code, name, kind. */
    public List<Map<String, Object>> organisations(Api.Caller caller) {
        return read(ORGANISATIONS, caller, "/api/v1/sharing/organisations");
    }

    /** Every active team of the partnership: code, name, organisation. */
    public List<Map<String, Object>> teams(Api.Caller caller) {
        return read(TEAMS, caller, "/api/v1/sharing/directory/teams");
    }

    /** The information-sharing agreements the partners signed: code, name. */
    public List<Map<String, Object>> agreements(Api.Caller caller) {
        return read(AGREEMENTS, caller, "/api/v1/sharing/agreements");
    }

    /** Every active practitioner of the partnership, to share a case with by name: username, name, organisation. */
    public List<Map<String, Object>> practitioners(Api.Caller caller) {
        return read(PRACTITIONERS, caller, "/api/v1/sharing/directory/practitioners");
    }

    /** The active users of the caller's organisation (the API answers for the caller's own). */
    public List<Map<String, Object>> colleagues(Api.Caller caller, String organisation) {
        return read("colleagues:" + organisation, caller, "/api/v1/sharing/directory/colleagues");
    }

    public List<Map<String, Object>> riskQuestions(Api.Caller caller) {
        return read(RISK_QUESTIONS, caller, "/api/v1/cases/risk-matrix");
    }

    /** A team's display name from the directory, or its code where the directory has none. */
    public String teamName(Api.Caller caller, String code) {
        return nameIn(teams(caller), "code", code);
    }

    public String organisationName(Api.Caller caller, String code) {
        return nameIn(organisations(caller), "code", code);
    }

    public String agreementName(Api.Caller caller, String code) {
        return nameIn(agreements(caller), "code", code);
    }

    /** A practitioner's name from the directory, or their username where the directory has none. */
    public String practitionerName(Api.Caller caller, String username) {
        return nameIn(practitioners(caller), "username", username);
    }

    public void forget() {
        kept.invalidateAll();
    }

    private List<Map<String, Object>> read(String key, Api.Caller caller, String path) {
        List<Map<String, Object>> found = kept.get(key, k -> {
            Api.Answer answer = caller.get(path);
            return answer.ok() ? List.copyOf(answer.list()) : null; // null: not kept, asked again next time
        });
        return found == null ? List.of() : found;
    }

    private static String nameIn(List<Map<String, Object>> entries, String key, String code) {
        if (code == null) {
            return "";
        }
        return entries.stream().filter(e -> code.equals(e.get(key))).map(e -> e.get("name"))
                .filter(name -> name != null && !String.valueOf(name).isBlank()).map(String::valueOf).findFirst()
                .orElse(code);
    }
}
