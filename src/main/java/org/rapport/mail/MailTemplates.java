package org.rapport.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message from {@code mail/NAME.txt} (always) and {@code NAME.html} (when there
 * is one), with Thymeleaf's text and HTML modes; the HTML one escapes what it shows.
 */
@Component
class MailTemplates {

    static final String FOLDER = "mail/";

    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

    record Rendered(String text, @Nullable String html) {
    }

    Rendered render(String template, Map<String, Object> model) {
        if (!exists(template + ".txt")) {
            throw new IllegalArgumentException("there is no mail template " + FOLDER + template + ".txt");
        }
        Context context = new Context(Locale.UK, model);
        String htmlBody = exists(template + ".html") ? html.process(template, context) : null;
        return new Rendered(text.process(template, context), htmlBody);
    }

    private static boolean exists(String file) {
        return Optional.ofNullable(MailTemplates.class.getClassLoader().getResource(FOLDER + file)).isPresent();
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(FOLDER);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        // Spring's engine, for Spring's expression language: the one the pages use.
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
