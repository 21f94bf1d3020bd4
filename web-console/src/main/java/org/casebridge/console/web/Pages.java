package org.casebridge.console.web;

import org.casebridge.console.api.Api;
import org.casebridge.console.security.Practitioner;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/** What every page knows (who is signed in), and the pages shown when something is not there or not working. */
@ControllerAdvice
class Pages {

    @ModelAttribute("me")
    Practitioner me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return Practitioner.of(authentication);
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** A case the user may not see looks exactly like a case that does not exist. */
    @ExceptionHandler({Api.NotFound.class, NoResourceFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(HttpServletRequest request, org.springframework.ui.Model model) {
        // a case one cannot open may still be asked for: the request says nothing of whether it exists
        String uri = request.getRequestURI();
        if (uri != null && uri.matches("/cases/[0-9a-f]{24}") && me() != null) {
            model.addAttribute("askForCase", uri.substring("/cases/".length()));
        }
        return "not-found";
    }

    @ExceptionHandler(Api.SignInAgain.class)
    String signInAgain(HttpServletRequest request) {
        request.getSession().invalidate();
        return "redirect:/oauth2/authorization/casebridge";
    }

    @ExceptionHandler(Api.ServiceUnavailable.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable() {
        return "unavailable";
    }
}
