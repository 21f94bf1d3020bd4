package org.casebridge.console.session;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

@Configuration
@EnableSpringHttpSession
class SessionConfiguration {

    @Bean
    MongoSessions sessionRepository(MongoTemplate mongo,
            @Value("${casebridge.console.session.timeout:PT8H}") Duration timeout) {
        return new MongoSessions(mongo, timeout);
    }

    /**
     * The browser holds only this: an HttpOnly, SameSite cookie with the session id. Its own name, because the
     * development issuer on another port of the same host has a JSESSIONID of its own and cookies ignore ports.
     */
    @Bean
    CookieSerializer cookieSerializer(@Value("${casebridge.console.session.secure-cookie:false}") boolean secure) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("CASEBRIDGE_SESSION");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie(secure);
        cookie.setCookiePath("/");
        return cookie;
    }
}
