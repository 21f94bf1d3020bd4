package org.casebridge.tasking.tasks.api;

import java.lang.reflect.Type;

import org.casebridge.platform.directory.DirectoryCopy;
import org.casebridge.platform.domain.DomainException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The organisation of a task's assignee comes from the directory (tasking-service's copy of sharing-service's
 * directory topic), never from the caller: otherwise naming the case owner's own organisation for someone else's user
 * would pass the "may they contribute" check. Done as a new task or a reassignment is read, so every use of the body
 * sees the directory's organisation: unknown or deactivated is 422, a stated organisation that differs is 422.
 */
@ControllerAdvice(assignableTypes = {TaskController.class, TaskLifecycleController.class})
class AssigneesFromDirectory extends RequestBodyAdviceAdapter {

    private final DirectoryCopy directory;

    AssigneesFromDirectory(DirectoryCopy directory) {
        this.directory = directory;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == NewTaskRequest.class || targetType == TaskLifecycleController.Reassignment.class;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body instanceof NewTaskRequest r && r.assignee() != null) {
            return new NewTaskRequest(r.caseId(), r.subjectKind(), r.subjectId(), r.title(), r.description(), r.priority(),
                    r.dueDate(), resolved(r.assignee()), r.sourceLogEntryId());
        }
        if (body instanceof TaskLifecycleController.Reassignment r && r.assignee() != null) {
            return new TaskLifecycleController.Reassignment(resolved(r.assignee()));
        }
        return body;
    }

    private AssigneeRequest resolved(AssigneeRequest assignee) {
        if (assignee.kind() == null || assignee.id() == null || !assignee.id().matches("[A-Za-z0-9._@-]{1,100}")) {
            return assignee; // validation says what is missing or malformed (400)
        }
        String what = switch (assignee.kind()) {
            case USER -> "user";
            case TEAM -> "team";
            case ORGANISATION -> "organisation";
        };
        String key = switch (assignee.kind()) {
            case USER -> "user:";
            case TEAM -> "team:";
            case ORGANISATION -> "org:";
        } + assignee.id();
        DirectoryCopy.Entry entry = directory.find(key).filter(DirectoryCopy.Entry::active)
                .orElseThrow(() -> DomainException.invalid("No active " + what + " " + assignee.id()
                        + " in the partnership directory (a user is listed once they have signed in to CaseBridge)."));
        if (assignee.organisation() != null && !assignee.organisation().equals(entry.organisation())) {
            throw DomainException.invalid("The " + what + " " + assignee.id() + " does not belong to "
                    + assignee.organisation() + "; leave the organisation out, it is taken from the directory.");
        }
        return assignee.withOrganisation(entry.organisation());
    }
}
