package org.rapport.protection;

import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.OrganisationId;

/**
 * How an aggregate saved with Spring Data JDBC keeps its texts sealed: a module declares one as a
 * bean, and every time an aggregate of that type is saved its texts (those of its history rows
 * too) are sealed into its {@code narrative} column, bound to its organisation, its id and the
 * field name, and opened again as it is loaded. The aggregate's text properties are read-only, so
 * they never reach their clear columns.
 *
 * @param texts the texts by name, as {@link NarrativeCipher#encryptFields} keeps them
 * @param sealed the sealed document as loaded, {@code null} for a row an earlier version wrote
 * @param seal keeps the sealed document on the aggregate, for its {@code narrative} column
 * @param open puts the opened texts back; a text the document lacks keeps what was loaded
 */
public record SealedTexts<T>(Class<T> type, String field, Function<T, OrganisationId> organisation, Function<T, UUID> id,
        Function<T, Map<String, @Nullable String>> texts, Function<T, byte @Nullable []> sealed, BiConsumer<T, byte[]> seal,
        BiConsumer<T, Map<String, String>> open) {

    void seal(NarrativeCipher cipher, Object aggregate) {
        T it = type.cast(aggregate);
        seal.accept(it, cipher.encryptFields(texts.apply(it), organisation.apply(it), id.apply(it), field));
    }

    void open(NarrativeCipher cipher, Object aggregate) {
        T it = type.cast(aggregate);
        byte[] document = sealed.apply(it);
        if (document != null) open.accept(it, cipher.decryptFields(document, organisation.apply(it), id.apply(it), field));
    }
}
