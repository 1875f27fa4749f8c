package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.Role;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that Spring MVC or Tomcat raise before any controller is chosen still answer an HTTP API
 * call with an RFC 9457 problem. Over a real port, since these answers come from the error dispatch
 * and from Tomcat itself, which MockMvc never runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiProblemsIntegrationTests {

    static final String PASSWORD = "a long enough passphrase";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    String admin;

    @BeforeEach
    void openAnOrganisationWithAnAdmin() {
        OrganisationId organisation = accounts.openOrganisation("Harbour Counselling");
        admin = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@harbour";
        Tenancy.runAs(organisation, () -> accounts.openAccount(
                new NewAccount(admin, PASSWORD, "Morgan Admin", Set.of(Role.ADMIN, Role.HELPER), null)));
    }

    @Test
    void refusesABodyThatIsNotJsonWithAProblemOnEveryPostOfThePeopleApi() throws Exception {
        for (String path : new String[] {"/api/helpers", "/api/teams", "/api/teams/" + UUID.randomUUID() + "/members",
                "/api/supervision"}) {
            HttpResponse<String> response = send(signedIn(path).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("name=Orla")));

            JsonNode problem = assertProblem(response, 415);
            assertThat(problem.get("title").asString()).isEqualTo("Unsupported media type");
            assertThat(problem.get("detail").asString()).contains("application/json").doesNotContain("text/plain");
        }
    }

    @Test
    void answersAnUnknownMethodAddressAndAcceptWithProblems() throws Exception {
        JsonNode wrongMethod = assertProblem(send(signedIn("/api/helpers").PUT(HttpRequest.BodyPublishers.noBody())), 405);
        assertThat(wrongMethod.get("detail").asString()).contains("GET", "POST");

        JsonNode nothingThere = assertProblem(send(signedIn("/api/no-such-thing").GET()), 404);
        assertThat(nothingThere.get("title").asString()).isEqualTo("Not found");

        JsonNode notAcceptable = assertProblem(send(signedIn("/api/helpers").header("Accept", "text/csv").GET()), 406);
        assertThat(notAcceptable.get("detail").asString()).contains("application/json");
    }

    @Test
    void stillShowsPeopleTheErrorPage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/css/none.css"))
                .header("Accept", "text/html").GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("Back to your caseload");
    }

    @Test
    void answersARequestLineTomcatCannotDecodeWithAProblem() throws Exception {
        for (String target : new String[] {"/api/helpers/%zz", "/%zz"}) {
            String response = rawRequest("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n"
                    + "Connection: close\r\n\r\n");

            String head = response.substring(0, response.indexOf("\r\n\r\n"));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertThat(head).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(body).doesNotContain("<html", "Tomcat");
            JsonNode problem = json.readTree(body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1));
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("type").asString()).startsWith("urn:rapport:problem:");
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(problem.get("detail").asString()).isNotBlank();
        }
    }

    JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("urn:rapport:problem:");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    HttpRequest.Builder signedIn(String path) {
        String credentials = Base64.getEncoder().encodeToString((admin + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** HTTP clients refuse to send a malformed percent-escape, so this one writes the request line itself. */
    String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
