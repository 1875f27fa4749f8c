package org.rapport.sessions;

import java.util.UUID;

/** Whether one member of a couple, family or group was at a session. */
public record MemberAttendance(UUID memberId, String name, boolean present) {
}
