package org.rapport.people;

/** One helper supervises another's work. */
public record SupervisionLink(HelperId supervisor, HelperId supervisee) {
}
