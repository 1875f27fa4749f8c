package org.rapport.protection;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.relational.core.mapping.event.AfterConvertCallback;
import org.springframework.data.relational.core.mapping.event.BeforeConvertCallback;
import org.springframework.stereotype.Component;

/** Seals and opens the texts of every aggregate type a module declared {@link SealedTexts} for. */
@Component
class NarrativeSealing implements BeforeConvertCallback<Object>, AfterConvertCallback<Object> {

    private final NarrativeCipher cipher;
    private final ObjectProvider<SealedTexts<?>> declared;
    private volatile @Nullable Map<Class<?>, SealedTexts<?>> byType;

    NarrativeSealing(NarrativeCipher cipher, ObjectProvider<SealedTexts<?>> declared) {
        this.cipher = cipher;
        this.declared = declared;
    }

    @Override
    public Object onBeforeConvert(Object aggregate) {
        SealedTexts<?> texts = of(aggregate);
        if (texts != null) texts.seal(cipher, aggregate);
        return aggregate;
    }

    @Override
    public Object onAfterConvert(Object aggregate) {
        SealedTexts<?> texts = of(aggregate);
        if (texts != null) texts.open(cipher, aggregate);
        return aggregate;
    }

    private @Nullable SealedTexts<?> of(Object aggregate) {
        Map<Class<?>, SealedTexts<?>> known = byType;
        if (known == null) {
            // Read once the modules' beans exist: the first aggregate is converted well after start-up.
            known = declared.stream().collect(Collectors.toUnmodifiableMap(SealedTexts::type, Function.identity()));
            byType = known;
        }
        return known.get(aggregate.getClass());
    }
}
