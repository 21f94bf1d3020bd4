package org.casebridge.console.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.casebridge.console.api.Api;
import org.springframework.stereotype.Component;

/**
 * The partnership's organisations by code, for showing "Cleveland Police" rather than CLEVELAND_POLICE. They change
 * only with the partnership's configuration, so the first signed-in request reads them once.
 */
@Component("organisations")
public class Organisations {

    private final Api api;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    Organisations(Api api) {
        this.api = api;
    }

    public String nameOf(String code) {
        if (code == null) {
            return "";
        }
        if (names.isEmpty()) {
            try {
                api.get("/api/v1/sharing/organisations").list()
                        .forEach(o -> names.put(String.valueOf(o.get("code")), String.valueOf(o.get("name"))));
            } catch (RuntimeException notNow) {
                return code; // the page still shows, with the code
            }
        }
        return names.getOrDefault(code, code);
    }
}
