package org.rapport.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Note text never reaches the logs: writing, reading, signing, refusing and addenda, through the
 * service and through the API, with logging for Rapport's own code turned up to debug.
 */
@SpringBootTest(properties = {"logging.level.org.rapport=debug", "logging.level.org.springframework.web=debug",
        "logging.level.org.springframework.jdbc=debug"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class NoteLoggingTests {

    static final String SECRET = "Kestrel-Juniper confided about the allotment fire";

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired NoteManagement notes;
    @Autowired Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void logsNoneOfANotesText(CapturedOutput output) throws Exception {
        NoteFixtures fen = new NoteFixtures(accounts, people, "Fen Counselling");
        Staff ash = fen.aHelper("Ash Marlow");
        Staff bea = fen.aHelper("Bea Lindqvist");
        RelationshipId robin = fen.aRelationship(relationships, clock, "Robin Fairweather", ash, bea);
        SessionId session = fen.aSession(sessions, clock, robin, ash);
        SessionId other = fen.aSession(sessions, clock, robin, ash);

        NoteId id = fen.as(ash, () -> notes.write(session, "free", Map.of("Note", SECRET + " (service)")));
        fen.as(bea, () -> notes.noteOf(session));
        fen.run(ash, () -> notes.writeProcessNote(session, SECRET + " (process)"));
        fen.as(ash, () -> notes.processNoteOf(session));

        WebClient web = new WebClient(mvc, accounts);
        web.api(ash, post("/api/sessions/" + other + "/note").contentType(MediaType.APPLICATION_JSON)
                .content("{\"template\": \"free\", \"sections\": {\"Note\": \"" + SECRET + " (api)\"}}"));
        web.api(bea, get("/api/sessions/" + other + "/note"));
        web.api(ash, post("/api/sessions/" + other + "/note").contentType(MediaType.APPLICATION_JSON)
                .content("{\"template\": \"nope\", \"sections\": {\"Note\": \"" + SECRET + " (refused)\"}}"));
        web.api(ash, put("/api/sessions/" + other + "/process-note").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"" + SECRET + " (api process)\"}"));
        fen.run(ash, () -> notes.sign(id, 0));
        fen.run(bea, () -> notes.addAddendum(id, SECRET + " (addendum)"));
        fen.as(ash, () -> relationships.overview(robin));

        assertThat(fen.as(bea, () -> notes.noteOf(other)).orElseThrow().sections().get(0).text()).contains(SECRET);
        assertThat(output.getAll()).as("something was logged at all").contains("org.rapport")
                .doesNotContain("Kestrel", "allotment", "Juniper");
    }
}
