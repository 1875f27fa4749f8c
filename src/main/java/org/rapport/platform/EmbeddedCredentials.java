package org.rapport.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded server's generated passwords: one for the superuser, one for the owner role and one
 * for the runtime role. They are kept beside the data folder ({@code postgres.credentials} next to
 * {@code postgres/}), in a file created readable and writable by its owner only; it is part of the
 * database's backup, since the data cannot be opened without it.
 */
record EmbeddedCredentials(String superuser, String owner, String runtime) {

    static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** The first line of the pg_hba.conf the server writes, which tells a folder that has passwords. */
    static final String PASSWORDS_REQUIRED = "# Written by Rapport at every start: every role signs in with its password.";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A role name and its password. */
    record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[" + username + "]";   // never the password, not even in a log line
        }
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[…]";
    }

    static EmbeddedCredentials generate() {
        return new EmbeddedCredentials(password(), password(), password());
    }

    static Path fileFor(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".credentials");
    }

    /**
     * Reads the passwords kept beside the data folder, generating and writing them the first time.
     * A data folder that already exists without them is one an earlier version made with no
     * passwords at all (its server let loopback in without one), so new ones are generated for it.
     */
    static EmbeddedCredentials keptBeside(Path dataDirectory, boolean freshCluster) throws IOException {
        Path file = fileFor(dataDirectory);
        if (Files.exists(file)) {
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                stored.load(in);
            }
            String superuser = stored.getProperty("superuser");
            String owner = stored.getProperty("owner");
            String runtime = stored.getProperty("runtime");
            if (superuser == null || owner == null || runtime == null) {
                throw new EmbeddedDatabaseRefused("The embedded database's credentials file " + file + " is incomplete.",
                        "Restore it from the backup taken with the data folder.");
            }
            return new EmbeddedCredentials(superuser, owner, runtime);
        }
        Path hba = dataDirectory.resolve("pg_hba.conf");
        if (!freshCluster && Files.exists(hba) && Files.readString(hba).contains(PASSWORDS_REQUIRED)) {
            throw new EmbeddedDatabaseRefused("The embedded database in " + dataDirectory + " needs the passwords kept in "
                    + file + ", which is missing.", "Restore it from the backup taken with the data folder.");
        }
        EmbeddedCredentials generated = generate();
        Properties properties = new Properties();
        properties.setProperty("superuser", generated.superuser());
        properties.setProperty("owner", generated.owner());
        properties.setProperty("runtime", generated.runtime());
        Path written = Files.createFile(file, OWNER_ONLY);
        try (Writer out = Files.newBufferedWriter(written)) {
            properties.store(out, "Passwords of the embedded PostgreSQL's roles; back up with the data folder");
        }
        return generated;
    }

    private static String password() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
