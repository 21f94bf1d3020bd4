package org.casebridge.cases.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.casebridge.cases.app.CaseCommands;
import org.casebridge.cases.app.CaseQueries;
import org.casebridge.cases.domain.LogEntry;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The case log: an append-only timeline. Appending needs no If-Match — entries never overwrite each other — so a
 * concurrent change is simply retried against the newer version.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}/log")
@Validated
class CaseLogController {

    private final CaseCommands commands;
    private final CaseQueries queries;

    CaseLogController(CaseCommands commands, CaseQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record NewLogEntry(@NotNull LogEntry.Kind kind, @NotBlank @Size(max = 10_000) String text,
            LogEntry.Visibility visibility, @Pattern(regexp = "[0-9a-f]{24}") String corrects) {
    }

    record LogEntryView(String id, String kind, String text, String visibility, String corrects, String author,
            String organisation, Instant recordedAt) {
        static LogEntryView of(LogEntry e) {
            return new LogEntryView(e.id(), e.kind().name(), e.text(), e.visibility().name(), e.corrects(), e.author(),
                    e.organisation(), e.recordedAt());
        }
    }

    @Operation(summary = "Add an entry to a case's log (a correction names the entry it corrects)")
    @PostMapping
    ResponseEntity<LogEntryView> append(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody NewLogEntry request, CurrentUser user) {
        var applied = commands.addLogEntry(id, user, request.kind(), request.text(), request.visibility(),
                request.corrects());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/log/" + applied.result().id()))
                .eTag(ETags.of(applied.after().version())).body(LogEntryView.of(applied.result()));
    }

    @Operation(summary = "Read a case's log, oldest first (entries kept to one organisation show only to it)")
    @GetMapping
    List<LogEntryView> read(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "X-Purpose", required = false) @Size(max = 500) String purpose) {
        return queries.log(id, user, purpose).stream().map(LogEntryView::of).toList();
    }
}
