package org.rapport.health;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rapport.goals.TScorePoint;
import org.rapport.measures.CutOff;
import org.rapport.measures.InstrumentDefinition;
import org.rapport.measures.ScoreView;
import org.rapport.measures.TalkingTherapiesView;
import org.rapport.measures.ScoredAdministration;
import org.rapport.measures.outcomes.AlertPolicies;
import org.rapport.measures.outcomes.Band;
import org.rapport.measures.outcomes.NotOnTrack;
import org.rapport.sessions.SessionInfo;
import org.rapport.sessions.SessionOutcome;

/**
 * Everything the relationship-health panel draws, shaped from what the other modules return: where
 * the work stands in its process model, the goal attainment T-score over time, what became of each
 * session, each outcome measure's scores with its cut-off and expected-change band, and the
 * session check-ins with theirs. Every chart has its numbers here, as text, for the table beside it.
 */
public record HealthView(PhaseProgress phase, GoalAttainment goalAttainment, Attendance attendance,
        List<MeasureTrend> outcomes, List<MeasureTrend> checkIns, @Nullable TalkingTherapiesView recovery) {

    /** The key of Rapport's own session check-in, the one instrument shown as how sessions feel. */
    static final String CHECK_IN = "rapport-check-in";

    /** A T-score of 50 means every goal reached as expected. */
    static final double T_SCORE_AS_EXPECTED = 50;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    /** The NotOnTrack policy (and so the expected-change band) for each measure that has one. */
    private static final Map<String, NotOnTrack> BANDS = Map.of(
            "phq-9", AlertPolicies.NOT_ON_TRACK_PHQ_9,
            "gad-7", AlertPolicies.NOT_ON_TRACK_GAD_7);

    public HealthView {
        outcomes = List.copyOf(outcomes);
        checkIns = List.copyOf(checkIns);
    }

    /**
     * Shapes the panel's content.
     *
     * @param phase where the work stands
     * @param tScores the T-score history, oldest first
     * @param sessions the relationship's sessions in any order
     * @param scores each instrument's scores, oldest first
     * @param instruments the instruments the organisation offers, for cut-offs and score ranges
     * @param zone the zone in which a score's moment becomes a day
     */
    public static HealthView of(PhaseProgress phase, List<TScorePoint> tScores, List<SessionInfo> sessions,
            List<ScoreView> scores, List<InstrumentDefinition> instruments, ZoneId zone) {
        List<MeasureTrend> outcomes = new ArrayList<>();
        List<MeasureTrend> checkIns = new ArrayList<>();
        for (ScoreView view : scores) {
            if (view.scores().isEmpty()) continue;
            Optional<InstrumentDefinition> instrument = instruments.stream()
                    .filter(i -> i.key().equals(view.instrumentKey())).findFirst();
            MeasureTrend trend = MeasureTrend.of(view, instrument.orElse(null), zone);
            (view.instrumentKey().equals(CHECK_IN) ? checkIns : outcomes).add(trend);
        }
        return new HealthView(phase, GoalAttainment.of(tScores), Attendance.of(sessions), outcomes, checkIns,
                TalkingTherapiesView.of(scores).orElse(null));
    }

    /** Whether there is anything to chart yet beyond the phase. */
    public boolean hasAnyChart() {
        return !goalAttainment.rows().isEmpty() || !attendance.rows().isEmpty() || !outcomes.isEmpty() || !checkIns.isEmpty();
    }

    // --- phase -----------------------------------------------------------------------------------

    /** The phase the work is in: its number (from 1), the model's number of phases and its name. */
    public record PhaseProgress(int number, int count, String name) {

        public PhaseProgress {
            if (count < 1) count = number;
            if (number < 1 || number > count) {
                throw new IllegalArgumentException("Phase " + number + " is not one of the model's " + count + " phases.");
            }
        }

        /** Share of the model's phases reached, in per cent. */
        public int percent() {
            return Math.round(100f * number / count);
        }

        public String text() {
            return "Phase " + number + " of " + count + ": " + name;
        }
    }

    // --- goal attainment -------------------------------------------------------------------------

    /** The T-score on each day a counted goal was rated, oldest first. */
    public record GoalAttainment(List<TScoreRow> rows) {

        public GoalAttainment {
            rows = List.copyOf(rows);
        }

        static GoalAttainment of(List<TScorePoint> history) {
            return new GoalAttainment(history.stream().sorted(Comparator.comparing(TScorePoint::on))
                    .map(p -> new TScoreRow(p.on(), p.on().format(DAY), p.on().format(SHORT_DAY), p.rounded(),
                            plain(p.tScore()), p.goals()))
                    .toList());
        }

        /** The line drawn across the chart: every goal as expected. */
        public String asExpected() {
            return plain(T_SCORE_AS_EXPECTED);
        }

        /** The chart's range: the usual 20 to 80, widened if a score falls outside it. */
        public String lowest() {
            return plain(Math.min(20, Math.floor(rows.stream().mapToDouble(TScoreRow::tScore).min().orElse(20) / 10) * 10));
        }

        public String highest() {
            return plain(Math.max(80, Math.ceil(rows.stream().mapToDouble(TScoreRow::tScore).max().orElse(80) / 10) * 10));
        }

        public String summary() {
            if (rows.isEmpty()) return "No goal has been rated yet.";
            TScoreRow first = rows.get(0);
            TScoreRow last = rows.get(rows.size() - 1);
            String span = rows.size() == 1 ? first.value() + " on " + first.day()
                    : "from " + first.value() + " on " + first.day() + " to " + last.value() + " on " + last.day();
            return "Goal attainment T-score on " + counted(rows.size(), "day") + ", " + span
                    + ". 50 means every goal reached as expected; higher is better.";
        }
    }

    /** One point of the T-score history: the day in full and short, the score as shown and as a number. */
    public record TScoreRow(LocalDate on, String day, String shortDay, String value, String number, int goals) {

        double tScore() {
            return Double.parseDouble(number);
        }
    }

    // --- attendance ------------------------------------------------------------------------------

    /** What became of a session that is no longer ahead, in three kinds a chart can tell apart. */
    public enum Attended {
        ATTENDED("Attended", "attended"),
        NOT_ATTENDED("Not attended", "not-attended"),
        CANCELLED("Cancelled", "cancelled");

        private final String label;
        private final String code;

        Attended(String label, String code) {
            this.label = label;
            this.code = code;
        }

        public String label() {
            return label;
        }

        /** The value the chart script reads. */
        public String code() {
            return code;
        }

        static @Nullable Attended of(SessionOutcome outcome) {
            return switch (outcome) {
                case ATTENDED -> ATTENDED;
                case DID_NOT_ATTEND -> NOT_ATTENDED;
                case CANCELLED_BY_CLIENT, CANCELLED_BY_HELPER -> CANCELLED;
                case SCHEDULED -> null;
            };
        }
    }

    /** Each session that has happened (or did not), oldest first, and how many are still ahead. */
    public record Attendance(List<AttendanceRow> rows, int scheduled) {

        public Attendance {
            rows = List.copyOf(rows);
        }

        static Attendance of(List<SessionInfo> sessions) {
            List<AttendanceRow> rows = new ArrayList<>();
            int scheduled = 0;
            List<SessionInfo> oldestFirst = sessions.stream()
                    .sorted(Comparator.comparing(SessionInfo::on).thenComparing(SessionInfo::at)).toList();
            for (SessionInfo session : oldestFirst) {
                Attended kind = Attended.of(session.outcome());
                if (kind == null) {
                    scheduled++;
                    continue;
                }
                String present = kind == Attended.ATTENDED && !session.attendance().isEmpty()
                        ? session.presentCount() + " of " + session.attendance().size() + " present" : null;
                rows.add(new AttendanceRow(rows.size() + 1, session.on(), session.on().format(DAY),
                        session.on().format(SHORT_DAY), kind, session.outcome().label(), present, session.phaseName()));
            }
            return new Attendance(rows, scheduled);
        }

        public long count(Attended kind) {
            return rows.stream().filter(r -> r.kind() == kind).count();
        }

        public String summary() {
            if (rows.isEmpty()) return "No session has been recorded yet.";
            return counted(rows.size(), "session") + " recorded: " + count(Attended.ATTENDED) + " attended, "
                    + count(Attended.NOT_ATTENDED) + " not attended, " + count(Attended.CANCELLED) + " cancelled.";
        }
    }

    /** One session in the attendance chart: its place, day, kind, outcome in words, who was present and the phase then. */
    public record AttendanceRow(int number, LocalDate on, String day, String shortDay, Attended kind, String outcome,
            @Nullable String present, @Nullable String phaseName) {
    }

    // --- measures --------------------------------------------------------------------------------

    /**
     * One instrument's scores over time, with its clinical cut-off and, for the measures that have
     * one, the expected-change band for the first score at each later one (the first being session 1,
     * as the not-on-track alert counts them).
     */
    public record MeasureTrend(String key, String label, boolean higherIsBetter, @Nullable String cutOff,
            @Nullable String cutOffMeaning, String lowest, String highest, List<MeasureRow> rows,
            @Nullable String changeLabel) {

        public MeasureTrend {
            rows = List.copyOf(rows);
        }

        static MeasureTrend of(ScoreView view, @Nullable InstrumentDefinition instrument, ZoneId zone) {
            List<ScoredAdministration> scores = view.scores();
            CutOff cutOff = instrument == null ? null : instrument.scoring().cutOff();
            boolean higherIsBetter = instrument != null && instrument.scoring().higherIsBetter();
            NotOnTrack policy = higherIsBetter ? null : BANDS.get(view.instrumentKey());
            double intake = scores.get(0).total();
            List<MeasureRow> rows = new ArrayList<>();
            for (int i = 0; i < scores.size(); i++) {
                ScoredAdministration score = scores.get(i);
                LocalDate on = score.completedAt().atZone(zone).toLocalDate();
                Band band = policy == null ? null : policy.expectedBand(intake, i + 1);
                rows.add(new MeasureRow(i + 1, on, on.format(DAY), on.format(SHORT_DAY), score.totalText(),
                        plain(score.total()), band == null ? null : oneDecimal(band.expected()),
                        band == null ? null : oneDecimal(band.upperTolerance()),
                        band != null && band.isExceededBy(score.total()), score.meetsCutOff(), score.band()));
            }
            double lowest = instrument == null ? Math.min(0, scores.stream().mapToDouble(ScoredAdministration::total).min().orElse(0))
                    : instrument.lowestTotal();
            double highest = instrument == null ? scores.stream().mapToDouble(ScoredAdministration::total).max().orElse(10)
                    : instrument.highestTotal();
            return new MeasureTrend(view.instrumentKey(), view.label(), higherIsBetter,
                    cutOff == null ? null : plain(cutOff.value()), view.cutOffMeaning(), plain(lowest), plain(highest),
                    rows, view.changeLabel());
        }

        /** Whether the chart shades an expected-change band. */
        public boolean hasBand() {
            return rows.stream().anyMatch(r -> r.expected() != null);
        }

        /** An id for the chart and its table, safe in HTML. */
        public String slug() {
            return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }

        public String summary() {
            MeasureRow first = rows.get(0);
            MeasureRow last = rows.get(rows.size() - 1);
            StringBuilder text = new StringBuilder(label).append(": ");
            text.append(rows.size() == 1 ? "one score, " + first.total() + " on " + first.day()
                    : counted(rows.size(), "score") + ", from " + first.total() + " on " + first.day() + " to " + last.total()
                            + " on " + last.day());
            text.append("; ").append(higherIsBetter ? "higher" : "lower").append(" is better");
            if (cutOff != null) text.append("; cut-off ").append(cutOff);
            if (hasBand() && rows.size() > 1) {
                text.append(last.aboveBand() ? "; the latest is above the expected-change band"
                        : "; the latest is within or below the expected-change band");
            }
            if (changeLabel != null) text.append("; from the first to the latest: ").append(changeLabel.toLowerCase(Locale.UK));
            return text.append('.').toString();
        }
    }

    /**
     * One score: its place among the instrument's scores (the first is 1), its day, the total as shown
     * and as a plain number for the chart, the expected score and the band's upper edge at that place
     * (null without a band), whether it lies above the band, whether it meets the cut-off, and its severity band.
     */
    public record MeasureRow(int number, LocalDate on, String day, String shortDay, String total, String value,
            @Nullable String expected, @Nullable String upperEdge, boolean aboveBand, boolean meetsCutOff,
            @Nullable String severity) {

        /** The expected score and the band's upper edge, in words for the table. */
        public String expectedText() {
            if (expected == null) return "—";
            return expected + ", no more than " + upperEdge + (aboveBand ? ": above the band" : "");
        }

        /** The point's label on the chart's axis: its place and day, so scores on one day stay apart. */
        public String axisLabel() {
            return number + " · " + shortDay;
        }
    }

    // --- numbers ---------------------------------------------------------------------------------

    /** A number as the chart script reads it: no fraction when it has none, else up to two places, with a point. */
    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return String.valueOf((long) value);
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
    }

    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String counted(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
