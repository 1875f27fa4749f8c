package org.rapport.measures;

import java.util.List;

/**
 * The measures due at one session: its number (see {@link MeasureManagement#dueAtNextSession}) and
 * what the plan calls for then.
 */
public record SessionMeasures(int sessionNumber, List<DueMeasure> due) {

    public SessionMeasures {
        due = List.copyOf(due);
    }
}
