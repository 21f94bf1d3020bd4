package org.casebridge.sharing.directory.api;

import java.util.List;

import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.directory.domain.DirectoryEntry;
import org.casebridge.sharing.directory.app.PartnershipDirectory;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The directory for an organisation's administrators: its users and teams. */
@RestController
@RequestMapping("/api/v1/sharing/directory")
@Validated
class DirectoryController {

    private final PartnershipDirectory directory;

    DirectoryController(PartnershipDirectory directory) {
        this.directory = directory;
    }

    record NewTeam(@NotBlank @Pattern(regexp = "[A-Z0-9_]{2,40}") String code, @NotBlank @Size(max = 200) String name) {
    }

    record UserChange(@NotNull Boolean active) {
    }

    @Operation(summary = "An organisation's users or teams (its administrators and partnership administrators)")
    @GetMapping("/organisations/{organisation}/{kind}")
    List<DirectoryEntry> entries(@PathVariable @Pattern(regexp = "[A-Z0-9_]{2,40}") String organisation,
            @PathVariable @Pattern(regexp = "users|teams") String kind, CurrentUser user) {
        return directory.entries(organisation, kind.equals("users") ? DirectoryEntry.Kind.USER : DirectoryEntry.Kind.TEAM,
                user);
    }

    record Colleague(String id, String name, List<String> teams, boolean supervisor) {
    }

    record TeamEntry(String code, String name, String organisation) {
    }

    @Operation(summary = "The active users of your own organisation, to choose a lead officer or allocate a task")
    @GetMapping("/colleagues")
    List<Colleague> colleagues(CurrentUser user) {
        if (user.organisation() == null) {
            return List.of();
        }
        return directory.activeUsersOf(user.organisation()).stream()
                .map(u -> new Colleague(u.id(), u.name(), u.teams() == null ? List.of() : u.teams(),
                        u.roles() != null && u.roles().contains("SUPERVISOR")))
                .sorted(java.util.Comparator.comparing(Colleague::name)).toList();
    }

    @Operation(summary = "Every active team of the partnership, to share a case with or set a task to")
    @GetMapping("/teams")
    List<TeamEntry> teams() {
        return directory.activeTeams().stream()
                .map(t -> new TeamEntry(t.id(), t.name(), t.organisation()))
                .sorted(java.util.Comparator.comparing(TeamEntry::organisation).thenComparing(TeamEntry::name)).toList();
    }

    /** What a sharer needs to name a person: no e-mail, no roles. */
    record PartnerPractitioner(String username, String name, String organisation, List<String> teams) {
    }

    @Operation(summary = "Every active practitioner of the partnership, to share a case with a named person",
            description = "Listed once they have signed in to CaseBridge; deactivated users are left out.")
    @GetMapping("/practitioners")
    List<PartnerPractitioner> practitioners(CurrentUser user) {
        if (user.organisation() == null) {
            return List.of(); // a partner system names no one
        }
        return directory.activePractitioners().stream()
                .map(u -> new PartnerPractitioner(u.id(), u.name() == null || u.name().isBlank() ? u.id() : u.name(),
                        u.organisation(), u.teams()))
                .sorted(java.util.Comparator.comparing(PartnerPractitioner::organisation)
                        .thenComparing(PartnerPractitioner::name))
                .toList();
    }

    @Operation(summary = "Add a team to your organisation (its administrators)")
    @PostMapping("/teams")
    ResponseEntity<DirectoryEntry> addTeam(@Valid @RequestBody NewTeam team, CurrentUser user) {
        return ResponseEntity.status(201).body(directory.addTeam(team.code(), team.name(), user));
    }

    @Operation(summary = "Deactivate or reactivate a user of your organisation (its administrators)")
    @PatchMapping("/users/{id}")
    DirectoryEntry changeUser(@PathVariable @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String id,
            @Valid @RequestBody UserChange change, CurrentUser user) {
        return directory.changeUser(id, change.active(), user);
    }

    @Configuration
    static class RegistrationOnFirstSight implements WebMvcConfigurer {

        private final Directory directory;

        RegistrationOnFirstSight(Directory directory) {
            this.directory = directory;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(directory).addPathPatterns("/api/**");
        }
    }
}
