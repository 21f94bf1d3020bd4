package org.casebridge.platform.web;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details, and writes them where no controller is involved (filters, security). */
public class Problems {

    public static final String TYPE_BASE = "https://casebridge.org/problems/";

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(TYPE_BASE + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")));
        String requestId = org.slf4j.MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(of(status, title, detail)));
    }
}
