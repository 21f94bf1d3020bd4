package org.casebridge.parties.api;

import org.casebridge.parties.app.PersonInvolvement;
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

    private final PersonInvolvement involvement;

    InvolvementController(PersonInvolvement involvement) {
        this.involvement = involvement;
    }

    @Operation(summary = "The cases across the partnership this person is linked to",
            description = "Cases you may see are listed with the role; the rest are only counted, with the agencies that "
                    + "own them, so you know whom to ask for access.")
    @GetMapping("/{id}/involvement")
    PersonInvolvement.InvolvementView involvement(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            CurrentUser user, @RequestHeader(name = "X-Purpose", required = false) @Size(max = 500) String purpose) {
        return involvement.read(id, user, purpose);
    }
}
