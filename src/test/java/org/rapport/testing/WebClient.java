package org.rapport.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.rapport.accounts.AccountManagement;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Sends requests to the pages and the HTTP API as a member of staff: a page request is signed in
 * with a CSRF token, as a browser after sign-in would send it; an API call carries HTTP Basic.
 * The {@code checked} forms also fail the test when the answer is an error (a 500) or shows a
 * stack trace, which bad input must never cause.
 */
public class WebClient {

    private final MockMvc mvc;
    private final AccountManagement accounts;

    public WebClient(MockMvc mvc, AccountManagement accounts) {
        this.mvc = mvc;
        this.accounts = accounts;
    }

    /** A page request signed in as this member of staff, with a CSRF token. */
    public <B extends AbstractMockHttpServletRequestBuilder<B>> ResultActions page(Staff who, B request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadUserByUsername(who.username()))).with(csrf()));
    }

    /** A call to the HTTP API as this member of staff. */
    public <B extends AbstractMockHttpServletRequestBuilder<B>> ResultActions api(Staff who, B request) throws Exception {
        return mvc.perform(request.with(httpBasic(who.username(), TestOrganisation.PASSWORD)));
    }

    /** A page request that must answer without an error or a stack trace. */
    public <B extends AbstractMockHttpServletRequestBuilder<B>> MvcResult checkedPage(Staff who, B request) throws Exception {
        MvcResult result;
        try {
            result = page(who, request).andReturn();
        } catch (Exception e) {
            return fail("the page failed with an error (a 500): %s", e);
        }
        assertThat(result.getResponse().getStatus()).isLessThan(500);
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception", "\tat org.");
        return result;
    }

    /** A call to the HTTP API that must answer without an error or a stack trace. */
    public <B extends AbstractMockHttpServletRequestBuilder<B>> ResultActions checkedApi(Staff who, B request) throws Exception {
        ResultActions result;
        try {
            result = api(who, request);
        } catch (Exception e) {
            return fail("the API failed with an error (a 500): %s", e);
        }
        String body = result.andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Exception", "\tat org.", "\"trace\"");
        assertThat(result.andReturn().getResponse().getStatus()).isLessThan(500);
        return result;
    }

    /**
     * The page as this member of staff sees it after a checked page request: the page itself, or the
     * one it redirects to, fetched with the flash attributes the redirect carries.
     */
    public Document shown(Staff who, MvcResult result) throws Exception {
        if (result.getResponse().getRedirectedUrl() != null) {
            MvcResult followed = checkedPage(who, get(result.getResponse().getRedirectedUrl()).flashAttrs(result.getFlashMap()));
            return Jsoup.parse(followed.getResponse().getContentAsString());
        }
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    /** The answer is an RFC 9457 problem with this status and a title. */
    public static void isProblem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status)).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status)).andExpect(jsonPath("$.title").isNotEmpty());
    }
}
