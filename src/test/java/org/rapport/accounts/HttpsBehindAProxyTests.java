package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Served over HTTPS by a proxy in front (which says so with X-Forwarded-Proto), Rapport marks its
 * session cookie Secure and tells browsers to use HTTPS only (HSTS); over plain HTTP it does neither.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpsBehindAProxyTests {

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sendsASecureCookieAndStrictTransportSecurityWhenTheProxyServedHttps() throws Exception {
        HttpResponse<String> page = signInPage(List.of("X-Forwarded-Proto", "https"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void sendsNeitherOverPlainHttp() throws Exception {
        HttpResponse<String> page = signInPage(List.of());

        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(page.headers().allValues("Set-Cookie")).allSatisfy(
                cookie -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
    }

    private HttpResponse<String> signInPage(List<String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"));
        for (int i = 0; i < headers.size(); i += 2) request.header(headers.get(i), headers.get(i + 1));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
