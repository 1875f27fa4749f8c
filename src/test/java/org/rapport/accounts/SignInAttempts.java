package org.rapport.accounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in attempts at both doors, from a client address of the test's choosing: HTTP Basic on an
 * API call, and the sign-in form. Each test takes fresh addresses (from the IPv6 documentation
 * range), so no count of another test, or of the rest of the suite, reaches its own.
 */
class SignInAttempts {

    static final String WRONG_PASSWORD = "not-the-password-at-all";

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    SignInAttempts(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    static String anAddress() {
        String tail = UUID.randomUUID().toString().replace("-", "");
        return "2001:db8:" + tail.substring(0, 4) + ":" + tail.substring(4, 8) + "::" + tail.substring(8, 12);
    }

    static String anUnknownName() {
        return "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@nowhere";
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** An API call signed in with HTTP Basic. */
    MvcResult api(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/helpers").with(httpBasic(username, password)).with(from(address))).andReturn();
    }

    /** Failed API calls with a wrong password, each answered 401 while sign-in is not yet paused. */
    void failApi(String username, String address, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            api(username, WRONG_PASSWORD, address);
        }
    }

    /** A browser's cookies, sent with each request and replaced when Rapport sets new ones. */
    static final class Browser {
        private final java.util.Map<String, Cookie> cookies = new java.util.LinkedHashMap<>();

        MvcResult kept(MvcResult result) {
            for (Cookie set : result.getResponse().getCookies()) {
                if (set.getMaxAge() == 0) cookies.remove(set.getName());
                else cookies.put(set.getName(), set);
            }
            return result;
        }

        Cookie[] cookies() {
            // A request with no cookie at all would be sent as one with an empty list, which MockMvc refuses.
            return cookies.isEmpty() ? new Cookie[] {new Cookie("first-visit", "yes")} : cookies.values().toArray(Cookie[]::new);
        }
    }

    /** The sign-in form sent, as this browser would send it. */
    MvcResult form(String username, String password, String address, Browser browser) throws Exception {
        return browser.kept(mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf()).with(from(address)).cookie(browser.cookies())).andReturn());
    }

    /** The sign-in page as the browser is sent back to it. */
    MvcResult signInPage(String url, Browser browser) throws Exception {
        return browser.kept(mvc.perform(get(url).cookie(browser.cookies())).andReturn());
    }

    /** The audit trail of one sign-in account: "actor | detail", oldest first. */
    List<String> auditOf(OrganisationId organisation, String username) {
        return Tenancy.callAs(organisation, () -> jdbc.sql("""
                select e.actor_name || ' | ' || e.detail from audit_entry e
                join user_account a on a.organisation_id = e.organisation_id and a.account_id = e.record_id
                where a.username = ? and e.record_type = 'sign-in account' and e.action = 'CHANGE'
                order by e.happened_at, e.entry_id""").param(username).query(String.class).list());
    }
}
