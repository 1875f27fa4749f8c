package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Operators on a real database: their sign-in names share one namespace with every organisation's
 * staff, only an operator may give an operator's commands, a suspended organisation's API tokens stop
 * working until it is reopened, and an operator reaches no door of any organisation's work.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OperatorsIntegrationTests {

    static final String OPERATOR_PASSWORD = "orchid basalt meridian quill";
    static final String CLIENT = "Perpetua Lindqvist-Amadi";

    @Autowired MockMvc mvc;
    @Autowired Operators operators;
    @Autowired AccountManagement accounts;
    @Autowired ApiTokenManagement tokens;
    @Autowired PeopleManagement people;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    TestOrganisation riverside;
    Staff morgan;
    String operator;

    @BeforeEach
    void anOrganisationWithAClientAndAnOperator() {
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        morgan = riverside.staffWithEmail("Morgan Vale", Role.ADMIN);
        riverside.run(morgan, () -> people.registerClientParty(new NewClientParty(ClientPartyKind.PERSON, CLIENT,
                List.of(new NewClientMember(CLIENT, LocalDate.now().minusDays(3))))));
        operator = "ola.reyes-" + UUID.randomUUID().toString().substring(0, 8) + "@hosting.example";
        operators.create(operator, "Ola Reyes", OPERATOR_PASSWORD);
    }

    @Test
    void signInNamesAreUniqueAcrossOperatorsAndEveryOrganisation() {
        assertThatThrownBy(() -> operators.create(morgan.username(), "Morgan Vale", OPERATOR_PASSWORD))
                .isInstanceOf(SettingsRefused.class).hasMessageContaining("already signs in to Rapport")
                .extracting(e -> ((SettingsRefused) e).setting()).isEqualTo("operatorEmail");
        assertThatThrownBy(() -> riverside.inScope(() -> accounts.openAccount(
                new NewAccount(operator, TestOrganisation.PASSWORD, "Someone Else", Set.of(Role.HELPER), null))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("already in use");
        assertThatThrownBy(() -> operators.create("not an address", "Ola Reyes", OPERATOR_PASSWORD))
                .isInstanceOf(SettingsRefused.class).extracting(e -> ((SettingsRefused) e).setting()).isEqualTo("operatorEmail");
        assertThatThrownBy(() -> operators.create("kai@hosting.example", "Kai", "password1234"))
                .isInstanceOf(SettingsRefused.class).extracting(e -> ((SettingsRefused) e).setting())
                .isEqualTo("operatorPassword");
    }

    @Test
    void onlyAnOperatorGivesAnOperatorsCommands() {
        assertThatThrownBy(() -> riverside.as(morgan, () -> operators.organisations()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> riverside.run(morgan, () -> operators.suspend(riverside.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> operators.reopen(riverside.id())).as("nobody signed in")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSuspendedOrganisationsApiTokensStopWorkingUntilItIsReopened() throws Exception {
        String token = riverside.as(morgan, () -> tokens.issue("Reports", ApiTokenScope.READ, 30)).token();
        assertThat(status(get("/api/helpers").header("Authorization", "Bearer " + token))).isEqualTo(200);

        asOperator(() -> operators.suspend(riverside.id()));
        assertThat(status(get("/api/helpers").header("Authorization", "Bearer " + token))).isEqualTo(401);
        assertThat(status(get("/api/helpers").with(httpBasic(morgan.username(), TestOrganisation.PASSWORD))))
                .isEqualTo(401);
        asOperator(() -> operators.suspend(riverside.id()));
        assertThat(asOperator(() -> operators.auditTrail(10)).stream().filter(e -> e.detail().startsWith("Suspended")
                && riverside.id().equals(e.organisation()))).as("suspending twice is recorded once").hasSize(1);

        asOperator(() -> operators.reopen(riverside.id()));
        assertThat(status(get("/api/helpers").header("Authorization", "Bearer " + token))).isEqualTo(200);
    }

    /**
     * Every door of every organisation's work, pages and API, knocked on by an operator: each is
     * refused before it is opened, and no answer carries a client's name. The doors that open
     * without signing in (links in mail, the sign-in and setup pages) answer as they answer anyone.
     */
    @TestFactory
    Stream<DynamicTest> anOperatorReachesNoDoorOfAnOrganisationsWork() {
        List<DynamicTest> knocks = new ArrayList<>();
        UserDetails signedIn = accounts.loadUserByUsername(operator);
        for (var mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            HandlerMethod handler = mapping.getValue();
            if (handler.getBeanType().getPackageName().startsWith("org.springdoc")) continue;
            Set<String> patterns = info.getPatternValues();
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                // The error page answers with the error it is given; asked for itself, it has none.
                if (pattern.equals("/error")) continue;
                for (var method : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
                    String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    knocks.add(DynamicTest.dynamicTest(method + " " + pattern, () -> knock(method.name(), path, pattern, signedIn)));
                }
            }
        }
        assertThat(knocks).as("the doors found").hasSizeGreaterThan(150);
        return knocks.stream();
    }

    private void knock(String method, String path, String pattern, UserDetails signedIn) throws Exception {
        boolean api = path.startsWith("/api/");
        MockHttpServletRequestBuilder knock = request(HttpMethod.valueOf(method), path);
        if (api) {
            knock.with(httpBasic(operator, OPERATOR_PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{}");
        } else {
            knock.with(user(signedIn)).with(csrf());
        }
        MvcResult answer = mvc.perform(knock).andReturn();
        int status = answer.getResponse().getStatus();
        String body = answer.getResponse().getContentAsString();
        assertThat(body).as("%s %s must not name a client", method, pattern).doesNotContain(CLIENT);
        assertThat(status).as("%s %s must not fail", method, pattern).isLessThan(500);
        if (operatorsOwn(pattern) || opensWithoutSigningIn(method, pattern)) return;
        if (pattern.equals("/")) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/operator");
        } else {
            assertThat(status).as("%s %s for an operator, answered %s", method, pattern, body).isEqualTo(403);
        }
    }

    private static boolean operatorsOwn(String pattern) {
        return pattern.startsWith("/operator") || pattern.startsWith("/api/operator/");
    }

    /** The doors Rapport opens to anyone: each needs a secret from a link, or is about signing in. */
    private static boolean opensWithoutSigningIn(String method, String pattern) {
        return Stream.of("/login", "/setup", "/invitation/", "/forgot-password", "/reset-password/", "/calendar/",
                "/m/", "/f/", "/reconnect/", "/api/invitations/accept", "/api/password-resets",
                "/actuator", "/v3/api-docs").anyMatch(pattern::startsWith);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private <T> T asOperator(java.util.function.Supplier<T> work) {
        UserDetails details = accounts.loadUserByUsername(operator);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private void asOperator(Runnable work) {
        asOperator(() -> {
            work.run();
            return null;
        });
    }
}
