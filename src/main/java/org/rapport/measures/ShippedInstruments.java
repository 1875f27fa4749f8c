package org.rapport.measures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The instruments that ship with Rapport, read once from {@code instruments/*.yaml} on the
 * classpath: PHQ-9 and GAD-7, which anyone may reproduce, and Rapport's own session check-in.
 *
 * <p>They are kept in the same format an organisation uses to load an instrument it holds a
 * licence for, so they pass through the same checks. A broken shipped file is a packaging fault, so
 * it stops start-up instead of being skipped.
 */
@Component
public class ShippedInstruments {

    /** File names without {@code .yaml}, in the order the instruments are offered. Each matches its key. */
    private static final List<String> FILES = List.of("phq-9", "gad-7", "core-10", "rapport-check-in");

    private final List<InstrumentDefinition> instruments;

    public ShippedInstruments() {
        this.instruments = FILES.stream().map(ShippedInstruments::load).toList();
    }

    public List<InstrumentDefinition> all() {
        return instruments;
    }

    public Optional<InstrumentDefinition> find(String key) {
        return instruments.stream().filter(instrument -> instrument.key().equals(key)).findFirst();
    }

    private static InstrumentDefinition load(String file) {
        String resource = "/instruments/" + file + ".yaml";
        try (InputStream in = ShippedInstruments.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("The shipped instrument " + resource + " is missing");
            var instrument = InstrumentFormat.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!instrument.key().equals(file))
                throw new IllegalStateException(
                        "The shipped instrument " + resource + " has the key " + instrument.key() + ", not " + file);
            return instrument;
        } catch (InvalidInstrument e) {
            throw new IllegalStateException("The shipped instrument " + resource + " is invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the shipped instrument " + resource, e);
        }
    }
}
