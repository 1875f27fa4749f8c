package org.rapport.endings;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why planned work ends, as part two of the ending records it. Each reason has a label for helpers
 * and a plain phrase for the ending letter, written to the client.
 */
public enum EndingReason {
    GOALS_MET("goals-met", "Goals met", "you have reached the goals we set together"),
    AGREED_SESSIONS_REACHED("agreed-sessions-reached", "Agreed number of sessions reached",
            "we have come to the number of sessions we agreed at the start"),
    CLIENTS_CHOICE("clients-choice", "The client's choice", "you have chosen to bring our work to a close"),
    REFERRAL_ONWARD("referral-onward", "Referral onward", "you are moving on to a service that can offer what you need next"),
    HELPER_LEAVING("helper-leaving", "Helper leaving", "I am leaving the service"),
    SERVICE_LIMIT("service-limit", "Service limit", "the service can offer each person only a set amount of time"),
    OTHER("other", "Other", "");

    private final String code;
    private final String label;
    private final String toClient;

    EndingReason(String code, String label, String toClient) {
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

    /** The reason as the letter says it to the client; empty for "other", whose explanation says it all. */
    public String toClient() {
        return toClient;
    }

    public static Optional<EndingReason> ofCode(@Nullable String code) {
        if (code == null) return Optional.empty();
        String wanted = code.strip();
        return Arrays.stream(values()).filter(r -> r.code.equals(wanted)).findFirst();
    }
}
