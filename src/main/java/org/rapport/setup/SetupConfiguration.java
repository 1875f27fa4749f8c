package org.rapport.setup;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SetupConfiguration {

    @Bean
    FilterRegistrationBean<SetupGuard> setupGuard(FirstRunSetup setup) {
        FilterRegistrationBean<SetupGuard> registration = new FilterRegistrationBean<>(new SetupGuard(setup));
        // Just before Spring Security's filters.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
