package org.rapport.processmodels.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.rapport.processmodels.InvalidProcessModel;
import org.rapport.processmodels.ProcessModelFormat;
import org.rapport.processmodels.ProcessModelProblem;

/**
 * Turns uploaded bytes into model text: at most 100 kB, UTF-8, without a byte-order mark. Reads no
 * more than one byte past the limit, so an oversized upload is refused without being held in memory.
 * Refusals take the same shape as the format's own, so pages and the API report them alike.
 */
final class ModelText {

    private ModelText() {
    }

    static String read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(ProcessModelFormat.MAX_BYTES + 1);
        if (bytes.length > ProcessModelFormat.MAX_BYTES) {
            throw refused("the file is larger than 100 kB; a process model must be smaller than that");
        }
        return decode(bytes);
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // Some Windows editors start UTF-8 files with a byte-order mark; it is not part of the model.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw refused("the text is not UTF-8; save the file as UTF-8 (plain text) and try again");
        }
    }

    private static InvalidProcessModel refused(String message) {
        return new InvalidProcessModel(List.of(new ProcessModelProblem(1, "", message)));
    }
}
