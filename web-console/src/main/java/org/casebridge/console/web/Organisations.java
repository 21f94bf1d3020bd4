package org.casebridge.console.web;

import org.casebridge.console.api.Api;
import org.springframework.stereotype.Component;

/**
 * Names for the pages: "Cleveland Police" rather than CLEVELAND_POLICE ({@code @organisations.nameOf(code)}), and a
 * team's name from the directory rather than its code ({@code @organisations.teamName(code)}), a practitioner's
 * name rather than their username ({@code personName}) and an agreement's name rather than its code, from
 * {@link ReferenceData}, so they follow the partnership's configuration within seconds.
 */
@Component("organisations")
public class Organisations {

    private final Api api;
    private final ReferenceData reference;

    Organisations(Api api, ReferenceData reference) {
        this.api = api;
        this.reference = reference;
    }

    public String nameOf(String code) {
        if (code == null) {
            return "";
        }
        try {
            return reference.organisationName(api.asUser(), code);
        } catch (RuntimeException notNow) {
            return code; // signed out or the directory away: the page still shows, with the code
        }
    }

    public String teamName(String code) {
        if (code == null) {
            return "";
        }
        try {
            return reference.teamName(api.asUser(), code);
        } catch (RuntimeException notNow) {
            return code;
        }
    }

    public String personName(String username) {
        if (username == null) {
            return "";
        }
        try {
            return reference.practitionerName(api.asUser(), username);
        } catch (RuntimeException notNow) {
            return username;
        }
    }

    public String agreementName(String code) {
        if (code == null) {
            return "";
        }
        try {
            return reference.agreementName(api.asUser(), code);
        } catch (RuntimeException notNow) {
            return code;
        }
    }
}
