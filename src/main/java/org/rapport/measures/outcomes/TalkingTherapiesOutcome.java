package org.rapport.measures.outcomes;

import java.util.List;
import java.util.Optional;

/**
 * A course of work's outcome as NHS Talking Therapies defines it (NHS Talking Therapies Manual, NHS
 * England; formerly <i>The Improving Access to Psychological Therapies Manual</i>, NCCMH v2
 * 2018/2019; restated by NHS Digital's outcome publications, e.g. June 2020, and PHE Fingertips'
 * glossary), from the first and last scores on a depression measure and an anxiety measure:
 *
 * <ul>
 * <li><b>Caseness at the start</b>: the first score on either measure is at or above its
 * cut-off (PHQ-9 ≥ 10, GAD-7 ≥ 8).</li>
 * <li><b>Recovery</b>: at caseness at the start and, at the end, below the cut-off on both
 * measures. For a course not at caseness at the start, recovery does not apply (NHS Talking
 * Therapies leaves those courses out of the recovery-rate denominator); it is never reported as
 * "not recovered".</li>
 * <li><b>Reliable improvement</b>: a reliable improvement on at least one measure (PHQ-9 a drop of
 * ≥ 6, GAD-7 ≥ 4) and no reliable deterioration on the other.</li>
 * <li><b>Reliable deterioration</b>: a reliable rise on either measure, even when the other
 * reliably improved.</li>
 * <li><b>Reliable recovery</b>: recovery and reliable improvement together.</li>
 * </ul>
 *
 * The combination rules for a mixed result are not confirmed from the manual's own text; Rapport
 * reads them conservatively (decision record 6): a reliable rise on either measure is a reliable
 * deterioration and never counts as improvement. Nothing is judged until every measure has a last
 * score. The single-measure variant applies the same rules to one measure; its figures are not
 * comparable with national ones, which need the pair.
 */
public final class TalkingTherapiesOutcome {

    /** Whether the course moved to recovery, or why that cannot be said. */
    public enum Recovery {

        /** At caseness at the start and below the cut-off on every measure at the end. */
        RECOVERED("Recovered"),

        /** At caseness at the start and still at caseness on at least one measure at the end. */
        NOT_RECOVERED("Not recovered"),

        /** Below the cut-off on every measure at the start, so recovery does not apply. */
        NOT_APPLICABLE("Does not apply: not at caseness at the start"),

        /** At caseness at the start, but a last score is still missing. */
        AWAITING_LAST_SCORE("Not known yet: no last score");

        private final String label;

        Recovery(String label) {
            this.label = label;
        }

        /** The recovery status in plain words, for pages. */
        public String label() {
            return label;
        }
    }

    private final List<MeasuredCourse> courses;

    private TalkingTherapiesOutcome(List<MeasuredCourse> courses) {
        this.courses = List.copyOf(courses);
    }

    /** The outcome of a paired depression and anxiety measure, as NHS Talking Therapies reports it. */
    public static TalkingTherapiesOutcome ofPair(MeasuredCourse depression, MeasuredCourse anxiety) {
        if (depression == null || anxiety == null) {
            throw new IllegalArgumentException("A paired outcome needs both the depression and the anxiety measure; use ofSingle for one.");
        }
        if (depression.measure().name().equals(anxiety.measure().name())) {
            throw new IllegalArgumentException("A paired outcome needs two different measures; both were " + depression.measure().name() + ".");
        }
        return new TalkingTherapiesOutcome(List.of(depression, anxiety));
    }

    /** The outcome on one measure alone, when only one of the pair was used. */
    public static TalkingTherapiesOutcome ofSingle(MeasuredCourse course) {
        if (course == null) throw new IllegalArgumentException("An outcome needs a measure.");
        return new TalkingTherapiesOutcome(List.of(course));
    }

    /** The measures this outcome was judged on, depression first for a pair. */
    public List<MeasuredCourse> courses() {
        return courses;
    }

    /** Whether both measures of a pair were given, so the figures compare with national ones. */
    public boolean isPaired() {
        return courses.size() == 2;
    }

    /** Whether every measure has a last score, so change and recovery can be judged. */
    public boolean hasLastScores() {
        return courses.stream().allMatch(MeasuredCourse::hasLast);
    }

    /** Whether the first score on any measure was at caseness. */
    public boolean caseAtStart() {
        return courses.stream().anyMatch(MeasuredCourse::caseAtStart);
    }

    /** Whether the course moved to recovery, or why that cannot be said. */
    public Recovery recovery() {
        if (!caseAtStart()) return Recovery.NOT_APPLICABLE;
        if (!hasLastScores()) return Recovery.AWAITING_LAST_SCORE;
        boolean belowOnAll = courses.stream().noneMatch(c -> c.caseAtEnd().orElseThrow());
        return belowOnAll ? Recovery.RECOVERED : Recovery.NOT_RECOVERED;
    }

    /**
     * The reliable change over the course, combining the measures conservatively: a reliable
     * deterioration on any measure wins; otherwise a reliable improvement on any; otherwise none.
     * Empty until every measure has a last score.
     */
    public Optional<ChangeClassification> reliableChange() {
        if (!hasLastScores()) return Optional.empty();
        List<ChangeClassification> changes = courses.stream().map(c -> c.change().orElseThrow()).toList();
        if (changes.contains(ChangeClassification.RELIABLE_DETERIORATION)) return Optional.of(ChangeClassification.RELIABLE_DETERIORATION);
        if (changes.contains(ChangeClassification.RELIABLE_IMPROVEMENT)) return Optional.of(ChangeClassification.RELIABLE_IMPROVEMENT);
        return Optional.of(ChangeClassification.NO_RELIABLE_CHANGE);
    }

    /** Reliable improvement on at least one measure and reliable deterioration on none; false while a last score is missing. */
    public boolean isReliableImprovement() {
        return reliableChange().filter(ChangeClassification.RELIABLE_IMPROVEMENT::equals).isPresent();
    }

    /** Reliable deterioration on any measure; false while a last score is missing. */
    public boolean isReliableDeterioration() {
        return reliableChange().filter(ChangeClassification.RELIABLE_DETERIORATION::equals).isPresent();
    }

    /** Recovery and reliable improvement together. */
    public boolean isReliableRecovery() {
        return recovery() == Recovery.RECOVERED && isReliableImprovement();
    }

    @Override
    public String toString() {
        return "TalkingTherapiesOutcome" + courses;
    }
}
