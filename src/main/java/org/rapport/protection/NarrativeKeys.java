package org.rapport.protection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;
import org.rapport.platform.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the key that encrypts notes and every other narrative about a client comes from. The settings
 * keep the names they had when only notes were encrypted.
 *
 * <p>In production the keyset is supplied by configuration, {@code rapport.notes.keyset} (usually the
 * environment variable {@code RAPPORT_NOTES_KEYSET}, filled from a secret store): a Tink JSON keyset,
 * in cleartext, with an AES-256-GCM key. Make one with Tinkey
 * ({@code tinkey create-keyset --key-template AES256_GCM --out-format json}). Lose it and the notes are
 * lost with it; keep it apart from the database backups.
 *
 * <p>On the embedded database, when none is supplied, Rapport generates one and keeps it in
 * {@code rapport.notes.keyset-file} ({@code ./keys/notes-keyset.json}), so notes survive a restart;
 * with no data directory (tests) it lives only in memory. That file is kept out of {@code ./data}
 * on purpose: one copy of the data folder must not hold both the notes and their key. A key an
 * earlier version kept in {@code ./data} is moved out on the next start. On an external database Rapport refuses to start
 * without one, unless {@code rapport.notes.allow-generated-key=true} says a throw-away key is fine
 * (the test suite on CI's PostgreSQL).
 */
@Configuration(proxyBeanMethods = false)
class NarrativeKeys {

    private static final Logger log = LoggerFactory.getLogger(NarrativeKeys.class);
    static final String KEYSET_FILE = "notes-keyset.json";
    private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY_FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    @Bean
    KeysetPlace narrativeKeysetPlace(@Value("${rapport.notes.keyset:}") String keyset, DatabaseMode database,
            @Value("${rapport.embedded.data-dir:}") String dataDirectory,
            @Value("${rapport.notes.keyset-file:./keys/notes-keyset.json}") String keysetFile,
            @Value("${rapport.notes.allow-generated-key:false}") boolean allowGeneratedKey) {
        if (!keyset.isBlank()) return new KeysetPlace(false, null, keyset);
        if (database.isEmbedded()) {
            if (dataDirectory.isBlank()) return new KeysetPlace(true, null, NarrativeCipher.newKeysetJson());
            Path file = Path.of(keysetFile);
            return new KeysetPlace(true, file, keptApart(file, Path.of(dataDirectory)));
        }
        if (allowGeneratedKey) {
            log.warn("Notes are encrypted with a key generated for this run only (rapport.notes.allow-generated-key); "
                    + "they cannot be read after a restart.");
            return new KeysetPlace(true, null, NarrativeCipher.newKeysetJson());
        }
        throw new IllegalStateException("Rapport needs a key to encrypt notes on an external database: set "
                + "RAPPORT_NOTES_KEYSET (rapport.notes.keyset) to a Tink JSON keyset with an AES-256-GCM key, from "
                + "your secret store. Make one with: tinkey create-keyset --key-template AES256_GCM --out-format json");
    }

    @Bean
    NarrativeCipher narrativeCipher(KeysetPlace place) {
        return NarrativeCipher.fromJson(place.initialJson());
    }

    /** As the two beans above, in one step: for tests of where the key comes from. */
    NarrativeCipher narrativeCipher(String keyset, DatabaseMode database, String dataDirectory, String keysetFile,
            boolean allowGeneratedKey) {
        return narrativeCipher(narrativeKeysetPlace(keyset, database, dataDirectory, keysetFile, allowGeneratedKey));
    }

    /**
     * Where the keyset lives: given by configuration (Rapport cannot change it), or kept by Rapport,
     * in a file or (tests, a throw-away key) in memory only.
     */
    record KeysetPlace(boolean keptByRapport, @Nullable Path file, String initialJson) {

        @Override
        public String toString() {
            return "KeysetPlace[" + (keptByRapport ? file == null ? "memory" : file : "configuration") + "]";
        }

        /** Keeps a changed keyset where it came from: the file is replaced whole, readable by its owner only. */
        void keep(String json) {
            if (!keptByRapport) throw new IllegalStateException("the keyset is given by configuration");
            if (file == null) return;
            Path target = file.toAbsolutePath().normalize();
            try {
                Path next = target.resolveSibling(target.getFileName() + ".next");
                Files.deleteIfExists(next);
                if (next.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(next);
                }
                Files.writeString(next, json, StandardCharsets.UTF_8);
                Files.move(next, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException("Could not keep the changed notes keyset at " + target + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The keyset kept in its own file, away from the embedded database's data directory, made on
     * first start; one an earlier version kept beside the data is moved there first.
     */
    static String keptApart(Path keysetFile, Path dataDirectory) {
        Path file = keysetFile.toAbsolutePath().normalize();
        Path parent = dataDirectory.toAbsolutePath().normalize().getParent();
        Path earlier = (parent == null ? dataDirectory.toAbsolutePath() : parent).resolve(KEYSET_FILE);
        try {
            if (!Files.exists(file) && Files.exists(earlier) && !earlier.equals(file)) {
                Files.createDirectories(file.getParent(), OWNER_ONLY_FOLDER);
                Files.move(earlier, file, StandardCopyOption.ATOMIC_MOVE);
                log.warn("Moved the notes key from {} to {}: a backup of the data folder no longer holds the key "
                        + "that opens it. Back the key up on its own.", earlier, file);
            }
            if (Files.exists(file)) return Files.readString(file, StandardCharsets.UTF_8);
            Files.createDirectories(file.getParent(), OWNER_ONLY_FOLDER);
            String json = NarrativeCipher.newKeysetJson();
            try {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
                Files.writeString(file, json, StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            log.info("Generated the key that encrypts notes on the embedded database and kept it in {}. "
                    + "Back it up apart from the data: without it the notes cannot be read.", file);
            return json;
        } catch (IOException e) {
            throw new IllegalStateException("Could not read or keep the notes keyset at " + file + ": " + e.getMessage(), e);
        }
    }
}
