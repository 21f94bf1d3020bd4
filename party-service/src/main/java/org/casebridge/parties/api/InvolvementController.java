package org.casebridge.parties.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.parties.store.MongoInvolvements;
import org.casebridge.parties.store.MongoInvolvements.Involvement;
import org.casebridge.platform.access.CaseAccessProjection;
import org.casebridge.platform.access.CaseAccessProjection.ProjectedCase;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The joined-up warning practitioners lack today: every case a person is linked to across the partnership, with
 * details only where the caller may see the case, and otherwise just which agencies know the person.
 */
@RestController
@RequestMapping("/api/v1/parties/people")
@Validated
class InvolvementController {

    private final PersonAccess access;
    private final MongoInvolvements involvements;
    private final CaseAccessProjection cases;
    private final AuditTrail audit;

    InvolvementController(PersonAccess access, MongoInvolvements involvements, CaseAccessProjection cases, AuditTrail audit) {
        this.access = access;
        this.involvements = involvements;
        this.cases = cases;
        this.audit = audit;
    }

    record CaseInvolvement(String caseId, String reference, String caseType, String role, String ownerOrganisation,
            Instant linkedAt) {
    }

    /** @param summary e.g. "Known to 2 other agencies: CLEVELAND_POLICE, THIRTEEN_GROUP — ask for access" */
    record KnownElsewhere(int cases, List<String> organisations, String summary) {
    }

    record InvolvementView(String personId, List<CaseInvolvement> cases, KnownElsewhere knownElsewhere) {
    }

    @Operation(summary = "The cases across the partnership this person is linked to",
            description = "Cases you may see are listed with the role; the rest are only counted, with the agencies that "
                    + "own them, so you know whom to ask for access.")
    @GetMapping("/{id}/involvement")
    InvolvementView involvement(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "X-Purpose", required = false) @Size(max = 500) String purpose) {
        PersonAccess.Seen seen = access.visible(id, user).orElseThrow(() -> DomainException.notFound("Person " + id));
        List<Involvement> all = involvements.of(seen.person().id());
        Map<String, ProjectedCase> known = cases.findAll(all.stream().map(Involvement::caseId).distinct().toList()).stream()
                .collect(Collectors.toMap(ProjectedCase::caseId, Function.identity()));
        List<CaseInvolvement> visible = new java.util.ArrayList<>();
        TreeSet<String> otherCases = new TreeSet<>();
        TreeSet<String> otherAgencies = new TreeSet<>();
        for (Involvement i : all) {
            ProjectedCase c = known.get(i.caseId());
            if (c != null && c.access() != null && c.access().allows(user.principals(), AccessLevel.VIEW)) {
                visible.add(new CaseInvolvement(i.caseId(), i.reference(), i.caseType(), i.role(), c.ownerOrganisation(),
                        i.linkedAt()));
            } else {
                otherCases.add(i.caseId());
                String owner = c != null ? c.ownerOrganisation() : i.linkedByOrganisation();
                if (owner != null && !owner.equals(user.organisation())) {
                    otherAgencies.add(owner);
                }
            }
        }
        audit.record(user, "READ", "person-involvement", id, seen.grantedBy(), purpose, null);
        return new InvolvementView(seen.person().id(), visible, new KnownElsewhere(otherCases.size(),
                List.copyOf(otherAgencies), summary(otherAgencies)));
    }

    private static String summary(TreeSet<String> agencies) {
        if (agencies.isEmpty()) {
            return "Not known to other agencies through their cases.";
        }
        return "Known to " + agencies.size() + (agencies.size() == 1 ? " other agency: " : " other agencies: ")
                + String.join(", ", agencies) + " — ask for access";
    }
}
