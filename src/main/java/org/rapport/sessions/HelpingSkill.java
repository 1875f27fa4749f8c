package org.rapport.sessions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The helping skills a helper leaned on in a session: the basic skills, then the finer skills of
 * Hill's three stages (exploration, insight, action).
 */
public enum HelpingSkill {
    ATTENDING("Attending", "Basic skills"),
    LISTENING("Listening", "Basic skills"),
    QUESTIONING("Questioning", "Basic skills"),
    REFLECTING("Reflecting", "Basic skills"),
    RESTATEMENT("Restatement", "Exploration"),
    REFLECTION_OF_FEELINGS("Reflection of feelings", "Exploration"),
    CHALLENGE("Challenge", "Insight"),
    INTERPRETATION("Interpretation", "Insight"),
    SELF_DISCLOSURE("Self-disclosure", "Insight"),
    IMMEDIACY("Immediacy", "Insight"),
    INFORMATION("Information", "Action"),
    DIRECT_GUIDANCE("Direct guidance", "Action");

    private final String label;
    private final String group;

    HelpingSkill(String label, String group) {
        this.label = label;
        this.group = group;
    }

    public String label() {
        return label;
    }

    /** "Basic skills", or the Hill stage the skill belongs to. */
    public String group() {
        return group;
    }

    /** The skills by group, in order. */
    public static Map<String, List<HelpingSkill>> byGroup() {
        Map<String, List<HelpingSkill>> groups = new LinkedHashMap<>();
        for (HelpingSkill skill : values()) groups.computeIfAbsent(skill.group, g -> new ArrayList<>()).add(skill);
        return groups;
    }
}
