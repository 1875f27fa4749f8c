package org.rapport.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The start-up variables that set Rapport up without a browser. Each is read from the environment
 * (or any Spring setting: {@code RAPPORT_SETUP_ADMIN_EMAIL} is {@code rapport.setup.admin-email}),
 * or from the file named by the same variable with {@code _FILE} on the end, as container secrets
 * are passed; the file's trailing newline is not part of the value.
 */
record SetupVariables(@Nullable String organisation, @Nullable String adminEmail, @Nullable String adminPassword,
        @Nullable String adminName, @Nullable String operatorEmail, @Nullable String operatorPassword) {

    static final String ORGANISATION = "RAPPORT_SETUP_ORGANISATION";
    static final String ADMIN_EMAIL = "RAPPORT_SETUP_ADMIN_EMAIL";
    static final String ADMIN_PASSWORD = "RAPPORT_SETUP_ADMIN_PASSWORD";
    static final String ADMIN_NAME = "RAPPORT_SETUP_ADMIN_NAME";
    static final String OPERATOR_EMAIL = "RAPPORT_SETUP_OPERATOR_EMAIL";
    static final String OPERATOR_PASSWORD = "RAPPORT_SETUP_OPERATOR_PASSWORD";

    static SetupVariables from(Environment environment) {
        return new SetupVariables(read(environment, ORGANISATION), read(environment, ADMIN_EMAIL),
                read(environment, ADMIN_PASSWORD), read(environment, ADMIN_NAME), read(environment, OPERATOR_EMAIL),
                read(environment, OPERATOR_PASSWORD));
    }

    /** Whether any of the three that open an organisation is given. */
    boolean anyGiven() {
        return organisation != null || adminEmail != null || adminPassword != null;
    }

    /** Whether either of the two that open an operator account is given. */
    boolean operatorGiven() {
        return operatorEmail != null || operatorPassword != null;
    }

    /** The names of the three that open an organisation which are not given. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (organisation == null) missing.add(ORGANISATION);
        if (adminEmail == null) missing.add(ADMIN_EMAIL);
        if (adminPassword == null) missing.add(ADMIN_PASSWORD);
        return missing;
    }

    @Override
    public String toString() {
        return "SetupVariables[" + organisation + ", " + adminEmail + ", " + operatorEmail + "]";
    }

    private static @Nullable String read(Environment environment, String name) {
        Optional<String> direct = given(environment.getProperty(name))
                .or(() -> given(environment.getProperty(relaxed(name))));
        Optional<String> file = given(environment.getProperty(name + "_FILE"));
        if (direct.isPresent() && file.isPresent()) {
            throw new SetupRefused("Give either " + name + " or " + name + "_FILE, not both.");
        }
        if (file.isPresent()) return given(fromFile(name, Path.of(file.get()))).orElse(null);
        return direct.orElse(null);
    }

    private static String fromFile(String name, Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (IOException e) {
            throw new SetupRefused(name + "_FILE names " + file + ", which cannot be read (" + e.getClass()
                    .getSimpleName() + ").");
        }
    }

    /** RAPPORT_SETUP_ADMIN_EMAIL as the Spring setting rapport.setup.admin-email. */
    static String relaxed(String name) {
        String rest = name.substring("RAPPORT_SETUP_".length()).toLowerCase().replace('_', '-');
        return "rapport.setup." + rest;
    }

    private static Optional<String> given(@Nullable String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
