package org.rapport.accounts;

/** A token just issued: {@code token} is shown to its person this once and kept nowhere. */
public record IssuedApiToken(ApiTokenView view, String token) {

    @Override
    public String toString() {
        return "IssuedApiToken[" + view.id() + "]";
    }
}
