package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser as far as the server can tell: its own cookies, the sign-in form sent with the CSRF
 * token the page gave it, and redirects left for the test to see. Requests go over real HTTP, so
 * the session lives where Rapport keeps it, in the database.
 */
final class RealBrowser {

    private final String base;
    private final String userAgent;
    private final HttpClient http;

    RealBrowser(int port, String userAgent) {
        this.base = "http://localhost:" + port;
        this.userAgent = userAgent;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the form; the redirect after it says whether it worked. */
    HttpResponse<String> signIn(String username, String password) throws Exception {
        return post("/login", get("/login"), Map.of("username", username, "password", password));
    }

    HttpResponse<String> signedIn(String username, String password) throws Exception {
        HttpResponse<String> answer = signIn(username, password);
        assertThat(answer.headers().firstValue("Location")).as("signed in").hasValueSatisfying(
                to -> assertThat(to).doesNotContain("/login"));
        return answer;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", userAgent).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a form of the page it was on, with that page's CSRF token. */
    HttpResponse<String> post(String path, HttpResponse<String> from, Map<String, String> fields) throws Exception {
        Document page = Jsoup.parse(from.body());
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", page.select("input[name=_csrf]").first().val());
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", userAgent)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static boolean sentToSignIn(HttpResponse<String> answer) {
        return answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").contains("/login");
    }
}
