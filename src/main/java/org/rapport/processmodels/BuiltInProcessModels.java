package org.rapport.processmodels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The five process models that ship with Rapport, read once from {@code processmodels/*.yaml} on
 * the classpath.
 *
 * <p>They are kept as data in the same format organisations use for their own models, so the
 * built-ins double as worked examples of that format and pass through the same checks. A broken
 * built-in file is a packaging fault, so it stops start-up instead of being skipped.
 */
@Component
public class BuiltInProcessModels {

    /** File names without {@code .yaml}, in the order the models are offered. Each matches its model's key. */
    private static final List<String> FILES = List.of(
            "five-stage", "egan-skilled-helper", "hill-helping-model", "peplau-nurse-client", "community-practice");

    private final List<ProcessModel> models;

    public BuiltInProcessModels() {
        var format = new ProcessModelFormat();
        this.models = FILES.stream().map(file -> load(format, file)).toList();
    }

    public List<ProcessModel> all() {
        return models;
    }

    public Optional<ProcessModel> find(String key) {
        return models.stream().filter(model -> model.key().equals(key)).findFirst();
    }

    private static ProcessModel load(ProcessModelFormat format, String file) {
        String resource = "/processmodels/" + file + ".yaml";
        try (InputStream in = BuiltInProcessModels.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("The built-in process model " + resource + " is missing");
            var model = format.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), true);
            if (!model.key().equals(file))
                throw new IllegalStateException(
                        "The built-in process model " + resource + " has the key " + model.key() + ", not " + file);
            return model;
        } catch (InvalidProcessModel e) {
            throw new IllegalStateException("The built-in process model " + resource + " is invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the built-in process model " + resource, e);
        }
    }
}
