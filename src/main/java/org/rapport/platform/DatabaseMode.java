package org.rapport.platform;

/** Whether Rapport runs on its own embedded database (where demo data is welcome) or an external one. */
public record DatabaseMode(boolean embedded) {

    public boolean isEmbedded() {
        return embedded;
    }
}
