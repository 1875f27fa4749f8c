package org.rapport.sessions.web;

import java.util.Map;

/** A section another module adds to the session page, with its data (public: templates read it). */
public record SessionPanelView(String template, Map<String, Object> data) {
}
