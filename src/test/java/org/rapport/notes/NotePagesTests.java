package org.rapport.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.WebClient;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The notes panel of the session page and the note forms, with good input and bad: every refusal
 * is a plain message (on the form, with the text kept, or after the redirect back to the session),
 * never a stack trace, and nothing is stored half.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NotePagesTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired NoteManagement notes;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    WebClient web;

    NoteFixtures meadow;
    Staff ash;
    Staff bea;
    Staff sam;
    Staff ada;
    RelationshipId robin;
    SessionId session;

    @BeforeEach
    void aSessionWithRobin() {
        web = new WebClient(mvc, accounts);
        meadow = new NoteFixtures(accounts, people, "Meadow Counselling");
        ash = meadow.aHelper("Ash Marlow");
        bea = meadow.aHelper("Bea Lindqvist");
        sam = meadow.aSupervisorOf("Sam Okafor", ash);
        ada = meadow.anAdmin("Ada Pemberton");
        robin = meadow.aRelationship(relationships, clock, "Robin Fairweather", ash, bea);
        session = meadow.aSession(sessions, clock, robin, ash);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    Document page(Staff who, String url) throws Exception {
        MvcResult result = web.page(who, get(url)).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    MvcResult send(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.page(who, request).andReturn();
    }

    String sessionPage() {
        return "/sessions/" + session;
    }

    NoteId written() {
        return meadow.as(ash, () -> notes.write(session, "dap", Map.of("Data", "Talked about sleep.", "Assessment", "",
                "Plan", "Meet in two weeks.")));
    }

    long notesStored() {
        return meadow.inScope(() -> jdbc.sql("select count(*) from note where session_id = ?").param(session.value())
                .query(Long.class).single());
    }

    @Test
    void theSessionPageOffersAHelperTheNoteFormAndTheirPrivateProcessNote() throws Exception {
        Document page = page(ash, sessionPage());
        assertThat(page.select("#session-note h2").text()).isEqualTo("Session note");
        assertThat(page.select("#note-template option")).extracting(o -> o.attr("value"))
                .containsExactly("dap", "soap", "birp", "free");
        assertThat(page.select("#session-note textarea")).extracting(t -> t.attr("name"))
                .containsExactly("section:Data", "section:Assessment", "section:Plan");
        assertThat(page.select("label[for=note-section-0]").text()).isEqualTo("Data");
        assertThat(page.select("#process-note-text")).hasSize(1);
    }

    @Test
    void writesSignsAndAddsAnAddendumFromThePage() throws Exception {
        MvcResult written = send(ash, post("/sessions/" + session + "/note").param("template", "soap")
                .param("section:Subjective", "Feeling flat.").param("section:Objective", "")
                .param("section:Assessment", "Low mood.").param("section:Plan", "Sleep diary."));
        assertThat(written.getResponse().getRedirectedUrl()).isEqualTo(sessionPage() + "#notes");
        assertThat(written.getFlashMap().get("flash")).asString().contains("Note saved");

        Document page = page(ash, sessionPage());
        assertThat(page.select("#note-sections dd").eachText()).containsExactly("Feeling flat.", "—", "Low mood.", "Sleep diary.");
        assertThat(page.select("#note-state").text()).isEqualTo("Not signed yet");
        assertThat(page.select("button:contains(Sign the note)")).hasSize(1);
        assertThat(page(bea, sessionPage()).select("button:contains(Sign the note)")).isEmpty();

        NoteId id = meadow.as(ash, () -> notes.noteOf(session)).orElseThrow().id();
        MvcResult signed = send(ash, post("/notes/" + id + "/sign").param("version", "0"));
        assertThat(signed.getResponse().getRedirectedUrl()).isEqualTo(sessionPage() + "#notes");
        assertThat(signed.getFlashMap().get("flash")).asString().contains("Note signed");

        MvcResult added = send(bea, post("/notes/" + id + "/addenda").param("text", "Sleep diary started a day late."));
        assertThat(added.getFlashMap().get("flash")).asString().isEqualTo("Addendum added.");
        page = page(sam, sessionPage());
        assertThat(page.select("#note-state").text()).startsWith("Signed by Ash Marlow");
        assertThat(page.select("#addenda").text()).contains("Addendum by Bea Lindqvist", "Sleep diary started a day late.");
        assertThat(page.select("#addendum-text")).as("a supervisor reads but does not add").isEmpty();
        assertThat(page.select("#process-note-text")).as("a supervisor keeps no process note here").isEmpty();
        assertThat(page(bea, sessionPage()).select("#addendum-text")).hasSize(1);
    }

    @Test
    void choosingATemplateOpensItsForm() throws Exception {
        Document page = page(ash, "/sessions/" + session + "/note/new?template=birp");
        assertThat(page.select("h1").text()).isEqualTo("Write the session note");
        assertThat(page.select("form[method=post] textarea")).extracting(t -> t.attr("name"))
                .containsExactly("section:Behaviour", "section:Intervention", "section:Response", "section:Plan");
        assertThat(page.select("input[name=template]").val()).isEqualTo("birp");
        Document unknown = page(ash, "/sessions/" + session + "/note/new?template=nope");
        assertThat(unknown.select("input[name=template]").val()).isEqualTo("dap");
    }

    @Test
    void anUnknownTemplateOrMissingSectionsComeBackWithTheTextKept() throws Exception {
        MvcResult unknown = send(ash, post("/sessions/" + session + "/note").param("template", "nope")
                .param("section:Note", "Kept words."));
        Document page = Jsoup.parse(unknown.getResponse().getContentAsString());
        assertThat(page.select("#form-problems").text()).contains("There is no note template 'nope'");
        assertThat(page.select("textarea").eachText()).contains("Kept words.");

        MvcResult missing = send(ash, post("/sessions/" + session + "/note").param("template", "dap")
                .param("section:Data", "Only the data."));
        page = Jsoup.parse(missing.getResponse().getContentAsString());
        assertThat(page.select("#form-problems").text()).contains("'Assessment', 'Plan' are missing");

        MvcResult empty = send(ash, post("/sessions/" + session + "/note").param("template", "dap")
                .param("section:Data", " ").param("section:Assessment", "").param("section:Plan", ""));
        assertThat(Jsoup.parse(empty.getResponse().getContentAsString()).select("#form-problems").text())
                .contains("write at least one section");

        MvcResult tooLong = send(ash, post("/sessions/" + session + "/note").param("template", "free")
                .param("section:Note", "w".repeat(20_001)));
        page = Jsoup.parse(tooLong.getResponse().getContentAsString());
        assertThat(page.select("#form-problems").text()).contains("20001 characters").contains("20000");
        assertThat(page.select("textarea").first().text()).hasSize(20_001);
        assertThat(notesStored()).isZero();
    }

    @Test
    void aSecondNoteIsRefused() throws Exception {
        written();
        MvcResult second = send(bea, post("/sessions/" + session + "/note").param("template", "free")
                .param("section:Note", "Another note."));
        assertThat(Jsoup.parse(second.getResponse().getContentAsString()).select("#form-problems").text())
                .contains("already has a note");
        assertThat(notesStored()).isOne();
    }

    @Test
    void editingASignedNoteIsRefusedAndTheNoteKept() throws Exception {
        NoteId id = written();
        meadow.run(ash, () -> notes.sign(id, 0));
        MvcResult revised = send(ash, post("/notes/" + id + "/revise").param("version", "1")
                .param("section:Data", "Rewritten.").param("section:Assessment", "").param("section:Plan", ""));
        Document page = Jsoup.parse(revised.getResponse().getContentAsString());
        assertThat(page.select("#form-problems").text()).contains("signed notes are locked; add an addendum");
        assertThat(meadow.as(ash, () -> notes.noteOf(session)).orElseThrow().sections().get(0).text())
                .isEqualTo("Talked about sleep.");
        assertThat(page(ash, "/notes/" + id + "/edit").select("#form-problems").text()).contains("signed notes are locked");
    }

    @Test
    void aStaleRevisionComesBackWithTheTextKept() throws Exception {
        NoteId id = written();
        meadow.run(ash, () -> notes.revise(id, 0, Map.of("Data", "Second thoughts.", "Assessment", "", "Plan", "")));
        MvcResult stale = send(ash, post("/notes/" + id + "/revise").param("version", "0")
                .param("section:Data", "My stale words.").param("section:Assessment", "").param("section:Plan", ""));
        Document page = Jsoup.parse(stale.getResponse().getContentAsString());
        assertThat(page.select("#form-problems").text()).contains("changed after you opened it");
        assertThat(page.select("textarea").first().text()).isEqualTo("My stale words.");
        assertThat(meadow.as(ash, () -> notes.noteOf(session)).orElseThrow().sections().get(0).text()).isEqualTo("Second thoughts.");
    }

    @Test
    void signingTwiceOrWithAStaleVersionSaysSo() throws Exception {
        NoteId id = written();
        MvcResult stale = send(ash, post("/notes/" + id + "/sign").param("version", "7"));
        assertThat(stale.getFlashMap().get("flashError")).asString().contains("changed after you opened it");
        MvcResult wrongKind = send(ash, post("/notes/" + id + "/sign").param("version", "seven"));
        assertThat(wrongKind.getResponse().getStatus()).isEqualTo(400);
        send(ash, post("/notes/" + id + "/sign").param("version", "0"));
        MvcResult twice = send(ash, post("/notes/" + id + "/sign").param("version", "1"));
        assertThat(twice.getFlashMap().get("flashError")).asString().contains("already signed");
    }

    @Test
    void addendaAreRefusedBeforeSigningAndWhenEmptyOrTooLong() throws Exception {
        NoteId id = written();
        MvcResult early = send(bea, post("/notes/" + id + "/addenda").param("text", "Too early."));
        assertThat(early.getFlashMap().get("flashError")).asString().contains("Addenda are for signed notes");
        meadow.run(ash, () -> notes.sign(id, 0));
        assertThat(send(bea, post("/notes/" + id + "/addenda")).getFlashMap().get("flashError")).asString()
                .contains("Write the addendum");
        assertThat(send(bea, post("/notes/" + id + "/addenda").param("text", "a".repeat(20_001))).getFlashMap()
                .get("flashError")).asString().contains("20000");
        assertThat(meadow.as(ash, () -> notes.noteOf(session)).orElseThrow().addenda()).isEmpty();
    }

    @Test
    void foreignAndUnknownIdsAreNotFound() throws Exception {
        NoteId id = written();
        NoteFixtures elsewhere = new NoteFixtures(accounts, people, "Elsewhere Therapy");
        Staff eli = elsewhere.aHelper("Eli Brandt");
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
                post("/notes/" + id + "/sign").param("version", "0"),
                post("/notes/" + id + "/addenda").param("text", "x"),
                post("/notes/" + id + "/revise").param("version", "0").param("section:Data", "x"),
                get("/notes/" + id + "/edit"),
                post("/sessions/" + session + "/note").param("template", "free").param("section:Note", "x"),
                post("/sessions/" + session + "/process-note").param("text", "x"),
                get("/sessions/" + session + "/note/new"),
                post("/notes/" + UUID.randomUUID() + "/sign").param("version", "0")}) {
            MvcResult result = send(eli, request);
            assertThat(result.getResponse().getStatus()).isEqualTo(404);
            assertThat(result.getResponse().getContentAsString()).contains("Not found").doesNotContain("Exception");
        }
        assertThat(send(ash, post("/notes/not-a-uuid/sign")).getResponse().getStatus()).isEqualTo(404);
        assertThat(meadow.as(ash, () -> notes.noteOf(session)).orElseThrow().signed()).isFalse();
    }

    @Test
    void aSupervisorCannotWriteFromThePages() throws Exception {
        Document page = page(sam, sessionPage());
        assertThat(page.select("#session-note textarea")).isEmpty();
        assertThat(page.select("#session-note").text()).contains("No note has been written");
        MvcResult attempt = send(sam, post("/sessions/" + session + "/note").param("template", "free").param("section:Note", "x"));
        assertThat(attempt.getResponse().getStatus()).isEqualTo(403);
        assertThat(notesStored()).isZero();
    }

    @Test
    void keepsTheProcessNoteForItsAuthorOnly() throws Exception {
        MvcResult saved = send(ash, post("/sessions/" + session + "/process-note").param("text", "I felt rushed."));
        assertThat(saved.getFlashMap().get("flash")).asString().contains("Only you can read it");
        assertThat(page(ash, sessionPage()).select("#process-note-text").text()).isEqualTo("I felt rushed.");
        assertThat(page(bea, sessionPage()).select("#process-note-text").text()).isEmpty();
        assertThat(page(ada, sessionPage()).html()).doesNotContain("I felt rushed.");
        assertThat(page(sam, sessionPage()).html()).doesNotContain("I felt rushed.");
        assertThat(send(ash, post("/sessions/" + session + "/process-note").param("text", "p".repeat(20_001)))
                .getFlashMap().get("flashError")).asString().contains("20000");
        assertThat(page(ash, sessionPage()).select("#process-note-text").text()).isEqualTo("I felt rushed.");
    }

    @Test
    void adminsListAndAddNoteTemplates() throws Exception {
        Document admin = page(ada, "/admin");
        assertThat(admin.select("a[href=/admin/note-templates]")).hasSize(1);
        Document list = page(ada, "/admin/note-templates");
        assertThat(list.select("#note-templates tbody tr")).hasSize(4);
        MvcResult added = send(ada, post("/admin/note-templates").param("key", "group-work").param("name", "Group work")
                .param("sections", "Theme\r\nProcess\r\n\r\nNext time"));
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/admin/note-templates");
        list = page(ada, "/admin/note-templates");
        assertThat(list.select("#note-templates tbody tr").last().text()).contains("Group work", "Theme, Process, Next time");

        for (String[] bad : new String[][] {{"group-work", "Again", "A", "already exists"}, {"Bad Key", "Mine", "A", "lower-case"},
                {"mine", "", "A", "Give the template a name"}, {"mine", "Mine", "", "at least one section"},
                {"mine", "Mine", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11", "at most 10"}, {"dap", "Mine", "A", "built-in"}}) {
            MvcResult refused = send(ada, post("/admin/note-templates").param("key", bad[0]).param("name", bad[1])
                    .param("sections", bad[2]));
            Document page = Jsoup.parse(refused.getResponse().getContentAsString());
            assertThat(page.select("#form-problems").text()).contains(bad[3]);
            assertThat(page.select("#template-name").val()).isEqualTo(bad[1]);
        }
        assertThat(send(ash, get("/admin/note-templates")).getResponse().getStatus()).isEqualTo(403);
        assertThat(send(ash, post("/admin/note-templates").param("key", "sneaky").param("name", "S").param("sections", "A"))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(meadow.as(ash, () -> notes.templates())).hasSize(5);
    }
}
