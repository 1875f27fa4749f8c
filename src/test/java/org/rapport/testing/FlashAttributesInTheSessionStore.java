package org.rapport.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.WebUtils;

/**
 * In MockMvc tests, the flash attributes a test hands to a request ({@code flashAttrs}, as after a
 * redirect) are put in the mock request's own session, which Rapport never reads: its sessions are
 * kept in the database. This carries them across into the session Rapport does read, as the
 * browser's redirect would have found them there.
 */
// After MockMvc's own customizer, so this filter is added after the application's filters, inside the session store's.
@AutoConfiguration(after = MockMvcAutoConfiguration.class)
public class FlashAttributesInTheSessionStore {

    private static final String FLASH_MAPS = SessionFlashMapManager.class.getName();

    @Bean
    MockMvcBuilderCustomizer flashAttributesInTheSessionStore() {
        return builder -> builder.addFilters(new CarryFlashAttributes());
    }

    static final class CarryFlashAttributes extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
            HttpSession given = mock == null ? null : mock.getSession(false);
            if (given != null && given != request.getSession(false)) {
                for (String name : Collections.list(given.getAttributeNames())) {
                    if (name.startsWith(FLASH_MAPS)) {
                        request.getSession().setAttribute(name, given.getAttribute(name));
                        given.removeAttribute(name);
                    }
                }
            }
            chain.doFilter(request, response);
        }
    }
}
