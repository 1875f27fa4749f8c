package org.rapport.endings;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why work ended without a planned ending. Dropping out has its own code so reports can count it
 * apart from the rest.
 */
public enum UnplannedReason {
    DROPPED_OUT("dropped-out", "Dropped out (stopped coming without saying)", "we have not been able to meet for a while"),
    MOVED_AWAY("moved-away", "Moved away", "you have moved away"),
    DECLINED_FURTHER_HELP("declined-further-help", "Declined further help",
            "you have let us know that you do not want further help for now"),
    OTHER("other", "Other", "");

    private final String code;
    private final String label;
    private final String toClient;

    UnplannedReason(String code, String label, String toClient) {
        this.code = code;
        this.label = label;
        this.toClient = toClient;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String toClient() {
        return toClient;
    }

    public static Optional<UnplannedReason> ofCode(@Nullable String code) {
        if (code == null) return Optional.empty();
        String wanted = code.strip();
        return Arrays.stream(values()).filter(r -> r.code.equals(wanted)).findFirst();
    }
}
