package org.rapport.platform;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every date that comes in, as JSON or from a form or address, is read once here: an ISO date
 * (2026-03-01) within {@link PlausibleDates}. Registered once, so no request record or form can
 * forget it.
 */
@Configuration(proxyBeanMethods = false)
class PlausibleDateBinding implements WebMvcConfigurer {

    @Bean
    JacksonModule plausibleDates() {
        return new SimpleModule("plausible-dates").addDeserializer(LocalDate.class, new DateDeserializer());
    }

    /** Form fields and request parameters; after Spring Boot's ISO formatter, so it takes precedence. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new DateFormatter());
    }

    static final class DateDeserializer extends StdDeserializer<LocalDate> {

        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString().strip();
            if (text.isEmpty()) {
                return (LocalDate) getNullValue(context);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not an ISO date");
            }
            if (!PlausibleDates.contains(date)) {
                // The parsed date as the value: that is how the problem tells this apart from a non-date.
                throw InvalidFormatException.from(parser, PlausibleDates.MESSAGE, date, LocalDate.class);
            }
            return date;
        }
    }

    static final class DateFormatter implements Formatter<LocalDate> {

        @Override
        public LocalDate parse(String text, Locale locale) throws ParseException {
            try {
                return PlausibleDates.parse(text);
            } catch (DateTimeParseException e) {
                throw new ParseException("not an ISO date", 0);
            }
        }

        @Override
        public String print(LocalDate date, Locale locale) {
            return date.toString();
        }
    }
}
