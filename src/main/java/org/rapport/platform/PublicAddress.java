package org.rapport.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address people reach Rapport at, for links in mail: {@code rapport.public-address} when it is
 * set (as it should be behind a proxy, e.g. {@code https://rapport.example.org}), otherwise the
 * address of the request that makes the link, as the proxy's forwarded headers describe it.
 */
@Component
public class PublicAddress {

    private final String configured;

    PublicAddress(@Value("${rapport.public-address:}") String configured) {
        String address = configured.strip();
        while (address.endsWith("/")) address = address.substring(0, address.length() - 1);
        if (!address.isEmpty()) {
            URI uri = URI.create(address);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalStateException("rapport.public-address must be an http or https address, such as"
                        + " https://rapport.example.org, not " + configured);
            }
        }
        this.configured = address;
    }

    /** The address with no trailing slash, to which a path such as {@code /invitation/…} is added. */
    public String of(HttpServletRequest request) {
        if (!configured.isEmpty()) return configured;
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    }
}
