package org.rapport.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.shared.RuleBroken;

/** The note's own rules, without Spring: its template's sections, signing that locks it, and addenda. */
class NoteTests {

    static final NoteTemplate DAP = NoteTemplate.builtIn("dap").orElseThrow();
    static final Note.Actor ASH = new Note.Actor(UUID.randomUUID(), "Ash Marlow");
    static final Note.Actor BEA = new Note.Actor(UUID.randomUUID(), "Bea Lindqvist");
    static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");

    static Map<String, String> dap(String data, String assessment, String plan) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("Data", data);
        texts.put("Assessment", assessment);
        texts.put("Plan", plan);
        return texts;
    }

    static Note aNote() {
        return Note.write(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), DAP,
                dap("Talked about sleep.", "Settling in.", "Meet in two weeks."), ASH, NOW);
    }

    @Test
    void shipsTheFourBuiltInTemplates() {
        assertThat(NoteTemplate.BUILT_IN).extracting(NoteTemplate::key).containsExactly("dap", "soap", "birp", "free");
        assertThat(NoteTemplate.builtIn("soap").orElseThrow().sections())
                .containsExactly("Subjective", "Objective", "Assessment", "Plan");
        assertThat(NoteTemplate.builtIn("birp").orElseThrow().sections())
                .containsExactly("Behaviour", "Intervention", "Response", "Plan");
        assertThat(NoteTemplate.builtIn("free").orElseThrow().sections()).containsExactly("Note");
    }

    @Test
    void fillsTheTemplatesSectionsInOrderWhateverOrderTheyCameIn() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("Plan", "Meet again.");
        texts.put("Data", " Talked. ");
        texts.put("Assessment", "");
        assertThat(DAP.fill(texts)).extracting(NoteView.Section::heading).containsExactly("Data", "Assessment", "Plan");
        assertThat(DAP.fill(texts).get(0).text()).isEqualTo("Talked.");
    }

    @Test
    void refusesASectionTheTemplateDoesNotHave() {
        Map<String, String> texts = dap("a", "b", "c");
        texts.put("Subjective", "d");
        assertThatThrownBy(() -> DAP.fill(texts)).isInstanceOf(RuleBroken.class).hasMessageContaining("no section 'Subjective'");
    }

    @Test
    void refusesANoteWithASectionMissing() {
        Map<String, String> texts = dap("a", "b", "c");
        texts.remove("Plan");
        assertThatThrownBy(() -> DAP.fill(texts)).isInstanceOf(RuleBroken.class).hasMessageContaining("'Plan' is missing");
        assertThatThrownBy(() -> DAP.fill(null)).isInstanceOf(RuleBroken.class).hasMessageContaining("missing");
    }

    @Test
    void refusesAnEmptyNote() {
        assertThatThrownBy(() -> DAP.fill(dap(" ", "", "\n"))).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("write at least one section");
    }

    @Test
    void takesASectionOfTwentyThousandCharactersButNotOneMore() {
        assertThat(DAP.fill(dap("x".repeat(20_000), "", "")).get(0).text()).hasSize(20_000);
        assertThatThrownBy(() -> DAP.fill(dap("x".repeat(20_001), "", ""))).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("20001 characters").hasMessageContaining("20000");
    }

    @Test
    void letsItsAuthorReviseItWhileUnsigned() {
        Note note = aNote();
        note.revise(dap("Talked about sleep and work.", "", "Meet in two weeks."), ASH);
        assertThat(note.sections().get(0).text()).isEqualTo("Talked about sleep and work.");
    }

    @Test
    void letsOnlyItsAuthorReviseOrSignIt() {
        Note note = aNote();
        assertThatThrownBy(() -> note.revise(dap("x", "", ""), BEA)).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("Only the note's author, Ash Marlow");
        assertThatThrownBy(() -> note.sign(BEA, NOW)).isInstanceOf(RuleBroken.class).hasMessageContaining("author");
        assertThat(note.isSigned()).isFalse();
    }

    @Test
    void signingLocksTheNote() {
        Note note = aNote();
        note.sign(ASH, NOW.plusSeconds(60));
        assertThat(note.isSigned()).isTrue();
        assertThat(note.signedByName()).isEqualTo("Ash Marlow");
        assertThatThrownBy(() -> note.revise(dap("Changed.", "", ""), ASH)).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("signed notes are locked; add an addendum");
        assertThat(note.sections().get(0).text()).isEqualTo("Talked about sleep.");
    }

    @Test
    void refusesToSignTwice() {
        Note note = aNote();
        note.sign(ASH, NOW);
        assertThatThrownBy(() -> note.sign(ASH, NOW)).isInstanceOf(RuleBroken.class).hasMessageContaining("already signed");
    }

    @Test
    void takesAddendaOnlyAfterSigning() {
        Note note = aNote();
        assertThatThrownBy(() -> note.addAddendum("A correction.", BEA, NOW)).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("Addenda are for signed notes");
        note.sign(ASH, NOW);
        note.addAddendum("  The next session is in three weeks, not two. ", BEA, NOW.plusSeconds(3600));
        assertThat(note.addenda()).singleElement().satisfies(a -> {
            assertThat(a.text()).isEqualTo("The next session is in three weeks, not two.");
            assertThat(a.byName()).isEqualTo("Bea Lindqvist");
            assertThat(a.at()).isEqualTo(NOW.plusSeconds(3600));
        });
        assertThat(note.sections().get(2).text()).isEqualTo("Meet in two weeks.");
    }

    @Test
    void refusesAnEmptyOrOverlongAddendum() {
        Note note = aNote();
        note.sign(ASH, NOW);
        assertThatThrownBy(() -> note.addAddendum(" ", ASH, NOW)).isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> note.addAddendum(null, ASH, NOW)).isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> note.addAddendum("y".repeat(20_001), ASH, NOW)).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("20000");
        assertThat(note.addenda()).isEmpty();
    }

    @Test
    void checksAnOrganisationsOwnTemplate() {
        NoteTemplate own = NoteTemplate.own(" group-work ", " Group work ", List.of("Theme", " ", "Process", "Next time"));
        assertThat(own.key()).isEqualTo("group-work");
        assertThat(own.sections()).containsExactly("Theme", "Process", "Next time");
        assertThat(own.builtIn()).isFalse();
        assertThatThrownBy(() -> NoteTemplate.own("dap", "Mine", List.of("A"))).hasMessageContaining("built-in");
        assertThatThrownBy(() -> NoteTemplate.own("Bad Key", "Mine", List.of("A"))).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> NoteTemplate.own("mine", "", List.of("A"))).hasMessageContaining("name");
        assertThatThrownBy(() -> NoteTemplate.own("mine", "Mine", List.of())).hasMessageContaining("at least one section");
        assertThatThrownBy(() -> NoteTemplate.own("mine", "Mine", List.of("A", "a"))).hasMessageContaining("named twice");
        assertThatThrownBy(() -> NoteTemplate.own("mine", "Mine",
                List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"))).hasMessageContaining("at most 10");
    }

    @Test
    void neverPrintsNoteTextInToString() {
        Note note = aNote();
        note.sign(ASH, NOW);
        note.addAddendum("A secret correction.", ASH, NOW);
        var view = new NoteView(new NoteId(note.id()), new org.rapport.sessions.SessionId(note.sessionId()), "dap", "DAP",
                note.sections(), "Ash", NOW, true, NOW, "Ash",
                List.of(new NoteView.Addendum("A secret correction.", "Ash", NOW)), 1);
        assertThat(note.toString() + view + note.sections() + note.addenda() + view.addenda())
                .doesNotContain("sleep", "Settling", "secret");
    }
}
