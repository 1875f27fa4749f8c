package org.rapport.accounts;

/** What an API token may do: read only (GET), or also change what its person may change. */
public enum ApiTokenScope {
    READ("Read only"),
    READ_WRITE("Read and change");

    private final String label;

    ApiTokenScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
