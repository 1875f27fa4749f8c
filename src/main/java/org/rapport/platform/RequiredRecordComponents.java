package org.rapport.platform;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The API's description says which fields of a request or answer are required, as Rapport treats
 * them. Springdoc marks fields that carry {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty},
 * but not fields of a primitive type, which Jackson refuses when they are missing (an {@code int}
 * or {@code boolean} cannot be left out). This marks both, for every record.
 */
@Component
class RequiredRecordComponents implements ModelConverter {

    @Override
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (resolved == null || type.getType() == null) {
            return resolved;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (!raw.isRecord()) {
            return resolved;
        }
        Schema model = resolved;
        if (resolved.get$ref() != null) {
            String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
            model = context.getDefinedModels().get(name);
        }
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            if (model.getProperties().containsKey(component.getName()) && isRequired(raw, component)
                    && (model.getRequired() == null || !model.getRequired().contains(component.getName()))) {
                model.addRequiredItem(component.getName());
            }
        }
        return resolved;
    }

    private static boolean isRequired(Class<?> record, RecordComponent component) {
        if (component.getType().isPrimitive()) {
            return true;
        }
        try {
            // Validation annotations reach the field, not the record component; a type-use annotation on an
            // element type (List<@NotNull LocalDate>) is not on the field, so it does not count here.
            Field field = record.getDeclaredField(component.getName());
            return field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)
                    || field.isAnnotationPresent(NotEmpty.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
