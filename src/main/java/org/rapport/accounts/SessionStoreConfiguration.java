package org.rapport.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The signed-in session's cookie, and how the session store turns a session's attributes into bytes and back. A session saved by an
 * older Rapport whose classes have since changed cannot be read back; rather than fail every
 * request that carries its cookie, the unreadable attribute is dropped, so the person is simply
 * asked to sign in again.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionStoreConfiguration.class);

    /**
     * The session cookie, the same however Rapport is run: never readable by script, not sent on
     * another site's requests, and Secure whenever the request came over HTTPS (directly, or through
     * a proxy that says so with X-Forwarded-Proto).
     */
    @Bean
    DefaultCookieSerializer sessionCookie() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("JSESSIONID");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setCookiePath("/");
        return cookie;
    }

    @Bean("springSessionConversionService")
    ConversionService springSessionConversionService() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        DeserializingConverter reading = new DeserializingConverter(SessionStoreConfiguration.class.getClassLoader());
        conversions.addConverter(byte[].class, Object.class, (Converter<byte[], Object>) bytes -> {
            try {
                return reading.convert(bytes);
            } catch (SerializationFailedException e) {
                log.info("A stored session attribute could not be read (saved by another version); it is dropped");
                return null;
            }
        });
        return conversions;
    }
}
