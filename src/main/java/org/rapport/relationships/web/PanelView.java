package org.rapport.relationships.web;

import java.util.Map;

/** A section another module adds to the relationship page, with its data (public: templates read it). */
public record PanelView(String template, Map<String, Object> data) {
}
