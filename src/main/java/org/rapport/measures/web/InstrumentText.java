package org.rapport.measures.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.rapport.measures.InstrumentFormat;
import org.rapport.measures.InstrumentProblem;
import org.rapport.measures.InvalidInstrument;

/**
 * Turns uploaded bytes into definition text: at most 200 kB, UTF-8, without a byte-order mark.
 * Reads no more than one byte past the limit, so an oversized upload is refused without being held
 * in memory. Refusals take the same shape as the format's own, so pages and the API report them alike.
 */
final class InstrumentText {

    private InstrumentText() {
    }

    static String read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(InstrumentFormat.MAX_BYTES + 1);
        if (bytes.length > InstrumentFormat.MAX_BYTES) {
            throw refused("the file is larger than 200 kB; an instrument definition must be smaller than that");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // Some Windows editors start UTF-8 files with a byte-order mark; it is not part of the definition.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw refused("the text is not UTF-8; save the file as UTF-8 (plain text) and try again");
        }
    }

    private static InvalidInstrument refused(String message) {
        return new InvalidInstrument(List.of(new InstrumentProblem(1, "", message)));
    }
}
