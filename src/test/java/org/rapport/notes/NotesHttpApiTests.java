package org.rapport.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The notes API with good input and bad: invalid fields a 400 problem naming them, refusals a 409
 * with the reason, unknown and foreign ids a 404, and nothing stored half.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NotesHttpApiTests {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String DAP = """
            {"template": "dap", "sections": {"Data": "Talked about sleep.", "Assessment": "", "Plan": "Sleep diary."}}""";

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    WebClient web;

    NoteFixtures brook;
    Staff ash;
    Staff bea;
    Staff sam;
    Staff ada;
    SessionId session;

    @BeforeEach
    void aSessionWithRobin() {
        web = new WebClient(mvc, accounts);
        brook = new NoteFixtures(accounts, people, "Brook Street Counselling");
        ash = brook.aHelper("Ash Marlow");
        bea = brook.aHelper("Bea Lindqvist");
        sam = brook.aSupervisorOf("Sam Okafor", ash);
        ada = brook.anAdmin("Ada Pemberton");
        RelationshipId robin = brook.aRelationship(relationships, clock, "Robin Fairweather", ash, bea);
        session = brook.aSession(sessions, clock, robin, ash);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    ResultActions call(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.api(who, request);
    }

    ResultActions send(Staff who, MockHttpServletRequestBuilder request, String json) throws Exception {
        return call(who, request.contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static void problem(ResultActions result, int status, String detail) throws Exception {
        result.andExpect(status().is(status)).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", matchesPattern("(?s).*" + java.util.regex.Pattern.quote(detail) + ".*")));
    }

    String writeTheNote() throws Exception {
        String body = send(ash, post("/api/sessions/" + session + "/note"), DAP)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/notes/" + UUID_PATTERN)))
                .andExpect(jsonPath("$.id", matchesPattern(UUID_PATTERN)))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    long notesStored() {
        return brook.inScope(() -> jdbc.sql("select count(*) from note where session_id = ?").param(session.value())
                .query(Long.class).single());
    }

    @Test
    void writesReadsSignsAndAddsAnAddendum() throws Exception {
        String id = writeTheNote();
        call(sam, get("/api/sessions/" + session + "/note")).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.session").value(session.value().toString()))
                .andExpect(jsonPath("$.templateKey").value("dap"))
                .andExpect(jsonPath("$.sections[0].heading").value("Data"))
                .andExpect(jsonPath("$.sections[0].text").value("Talked about sleep."))
                .andExpect(jsonPath("$.signed").value(false))
                .andExpect(jsonPath("$.version").value(0));
        send(ash, put("/api/notes/" + id), """
                {"version": 0, "sections": {"Data": "Talked about sleep and work.", "Assessment": "", "Plan": "Sleep diary."}}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        send(ash, post("/api/notes/" + id + "/sign"), "{\"version\": 1}").andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        send(bea, post("/api/notes/" + id + "/addenda"), "{\"text\": \"Diary started late.\"}").andExpect(status().isCreated());
        call(ada, get("/api/notes/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.signed").value(true))
                .andExpect(jsonPath("$.signedByName").value("Ash Marlow"))
                .andExpect(jsonPath("$.sections[0].text").value("Talked about sleep and work."))
                .andExpect(jsonPath("$.addenda[0].text").value("Diary started late."))
                .andExpect(jsonPath("$.addenda[0].byName").value("Bea Lindqvist"));
    }

    @Test
    void refusesBadNotes() throws Exception {
        send(ash, post("/api/sessions/" + session + "/note"), "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("template")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("sections")));
        send(ash, post("/api/sessions/" + session + "/note"), "{\"template\": \"dap\", \"sections\": 7}")
                .andExpect(status().isBadRequest());
        send(ash, post("/api/sessions/" + session + "/note"), "not json").andExpect(status().isBadRequest());
        problem(send(ash, post("/api/sessions/" + session + "/note"),
                "{\"template\": \"nope\", \"sections\": {\"Note\": \"x\"}}"), 409, "no note template 'nope'");
        problem(send(ash, post("/api/sessions/" + session + "/note"),
                "{\"template\": \"dap\", \"sections\": {\"Data\": \"x\"}}"), 409, "'Assessment', 'Plan' are missing");
        problem(send(ash, post("/api/sessions/" + session + "/note"),
                "{\"template\": \"free\", \"sections\": {\"Note\": \"" + "x".repeat(20_001) + "\"}}"), 409, "20000");
        problem(send(ash, post("/api/sessions/" + session + "/note"),
                "{\"template\": \"free\", \"sections\": {\"Note\": \"  \"}}"), 409, "write at least one section");
        assertThat(notesStored()).isZero();
        writeTheNote();
        problem(send(bea, post("/api/sessions/" + session + "/note"), DAP), 409, "already has a note");
        assertThat(notesStored()).isOne();
    }

    @Test
    void refusesStaleVersionsSigningTwiceAndEditsAfterSigning() throws Exception {
        String id = writeTheNote();
        problem(send(ash, post("/api/notes/" + id + "/sign"), "{\"version\": 5}"), 409, "changed after you loaded it");
        send(ash, post("/api/notes/" + id + "/sign"), "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("version")));
        send(ash, post("/api/notes/" + id + "/sign"), "{\"version\": \"zero\"}").andExpect(status().isBadRequest());
        problem(send(bea, post("/api/notes/" + id + "/sign"), "{\"version\": 0}"), 409, "Only the note's author");
        problem(send(bea, post("/api/notes/" + id + "/addenda"), "{\"text\": \"early\"}"), 409, "Addenda are for signed notes");
        send(ash, post("/api/notes/" + id + "/sign"), "{\"version\": 0}").andExpect(status().isOk());
        problem(send(ash, post("/api/notes/" + id + "/sign"), "{\"version\": 1}"), 409, "already signed");
        problem(send(ash, put("/api/notes/" + id), """
                {"version": 1, "sections": {"Data": "Rewritten.", "Assessment": "", "Plan": ""}}"""), 409,
                "signed notes are locked; add an addendum");
        send(bea, post("/api/notes/" + id + "/addenda"), "{\"text\": \"" + "y".repeat(20_001) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("text")));
        send(bea, post("/api/notes/" + id + "/addenda"), "{\"text\": \"\"}").andExpect(status().isBadRequest());
        call(ash, get("/api/notes/" + id)).andExpect(jsonPath("$.sections[0].text").value("Talked about sleep."))
                .andExpect(jsonPath("$.addenda.length()").value(0));
    }

    @Test
    void answersNotFoundForForeignAndUnknownIdsAndForbiddenForASupervisorsChange() throws Exception {
        String id = writeTheNote();
        NoteFixtures elsewhere = new NoteFixtures(accounts, people, "Elsewhere Therapy");
        Staff eli = elsewhere.anAdmin("Eli Brandt");
        problem(call(eli, get("/api/sessions/" + session + "/note")), 404, "No session");
        problem(call(eli, get("/api/notes/" + id)), 404, "No note");
        problem(send(eli, post("/api/notes/" + id + "/sign"), "{\"version\": 0}"), 404, "No note");
        problem(send(eli, post("/api/notes/" + id + "/addenda"), "{\"text\": \"x\"}"), 404, "No note");
        problem(send(eli, put("/api/sessions/" + session + "/process-note"), "{\"text\": \"x\"}"), 404, "No session");
        problem(call(ash, get("/api/notes/" + UUID.randomUUID())), 404, "No note");
        call(ash, get("/api/notes/not-a-uuid")).andExpect(status().is4xxClientError());
        problem(send(sam, post("/api/notes/" + id + "/sign"), "{\"version\": 0}"), 403, "does not allow");
        problem(send(sam, post("/api/sessions/" + session + "/note"), DAP), 403, "does not allow");
        call(ash, get("/api/notes/" + id)).andExpect(jsonPath("$.signed").value(false));
    }

    @Test
    void keepsTheProcessNoteForItsAuthorOnly() throws Exception {
        problem(call(ash, get("/api/sessions/" + session + "/process-note")), 404, "No process note");
        send(ash, put("/api/sessions/" + session + "/process-note"), "{\"text\": \"I felt rushed.\"}")
                .andExpect(status().isNoContent());
        call(ash, get("/api/sessions/" + session + "/process-note")).andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value("I felt rushed."));
        for (Staff other : new Staff[] {bea, sam, ada}) {
            problem(call(other, get("/api/sessions/" + session + "/process-note")), 404, "No process note");
        }
        problem(send(ada, put("/api/sessions/" + session + "/process-note"), "{\"text\": \"x\"}"), 403, "does not allow");
        send(ash, put("/api/sessions/" + session + "/process-note"), "{\"text\": \"" + "p".repeat(20_001) + "\"}")
                .andExpect(status().isBadRequest());
        send(ash, put("/api/sessions/" + session + "/process-note"), "{}").andExpect(status().isBadRequest());
        call(ash, get("/api/sessions/" + session + "/process-note")).andExpect(jsonPath("$.text").value("I felt rushed."));
    }

    @Test
    void listsAndAddsTemplates() throws Exception {
        call(ash, get("/api/note-templates")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].key").value("dap"))
                .andExpect(jsonPath("$[3].sections[0]").value("Note"))
                .andExpect(jsonPath("$.length()").value(4));
        problem(send(ash, post("/api/note-templates"), "{\"key\": \"mine\", \"name\": \"Mine\", \"sections\": [\"A\"]}"),
                403, "does not allow");
        send(ada, post("/api/note-templates"), "{\"key\": \"group-work\", \"name\": \"Group work\", \"sections\": [\"Theme\", \"Process\"]}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.builtIn").value(false));
        problem(send(ada, post("/api/note-templates"), "{\"key\": \"group-work\", \"name\": \"Again\", \"sections\": [\"A\"]}"),
                409, "already exists");
        send(ada, post("/api/note-templates"), "{\"key\": \"\", \"name\": \"\", \"sections\": []}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("key")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("sections")));
        send(ada, post("/api/note-templates"), "{\"key\": \"eleven\", \"name\": \"Too many\", \"sections\": "
                + "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}").andExpect(status().isBadRequest());
        problem(send(ada, post("/api/note-templates"), "{\"key\": \"Bad Key\", \"name\": \"Bad\", \"sections\": [\"A\"]}"),
                409, "lower-case");
        call(ash, get("/api/note-templates")).andExpect(jsonPath("$.length()").value(5));
        send(ash, post("/api/sessions/" + session + "/note"),
                "{\"template\": \"group-work\", \"sections\": {\"Theme\": \"Belonging\", \"Process\": \"\"}}")
                .andExpect(status().isCreated());
    }
}
