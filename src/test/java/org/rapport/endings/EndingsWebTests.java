package org.rapport.endings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.rapport.endings.EndingFixtures.aReferral;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.GoalStanding;
import org.rapport.goals.GoalStatus;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewGoal;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
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
 * The ending workspace, the Ending panel, the letter (page and PDF) and the endings API, with the
 * bad input each form and endpoint must refuse clearly, storing nothing half.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EndingsWebTests {

    static final String NAME = "Zoë Łukasiewicz-Ødegård";

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired EndingManagement endings;
    @Autowired GoalManagement goals;
    @Autowired org.rapport.measures.MeasureManagement measures;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    WebClient web;

    EndingFixtures riverside;
    Staff ash;
    RelationshipId zoe;
    String workspace;
    String api;

    @BeforeEach
    void bringZoesWorkToItsEnding() {
        web = new WebClient(mvc, accounts);
        riverside = new EndingFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        zoe = riverside.as(ash, () -> relationships.refer(aReferral(NAME, ash, today().minusWeeks(14))));
        toStatus(zoe, RelationshipStatus.ACTIVE);
        riverside.run(ash, () -> sessions.recordUnscheduled(zoe, new NewSession(today().minusWeeks(1), LocalTime.of(10, 0), 50,
                MeetingMode.IN_PERSON, null), new SessionRecord(SessionOutcome.ATTENDED, Map.of(), Set.of())));
        toStatus(zoe, RelationshipStatus.ENDING);
        workspace = "/relationships/" + zoe.value() + "/ending";
        api = "/api/relationships/" + zoe.value() + "/ending";
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    void toStatus(RelationshipId id, RelationshipStatus status) {
        riverside.run(ash, () -> relationships.changeStatus(id, relationships.describe(id).version(), status, "Agreed"));
    }

    ResultActions page(MockHttpServletRequestBuilder request) throws Exception {
        return web.page(ash, request);
    }

    ResultActions api(MockHttpServletRequestBuilder request) throws Exception {
        return web.api(ash, request);
    }

    ResultActions putJson(String path, String json) throws Exception {
        return api(put(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    int version() {
        return riverside.as(ash, () -> endings.workspace(zoe)).version();
    }

    long rows() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from ending").query(Long.class).single());
    }

    void fillAllFourOnPages() throws Exception {
        page(post(workspace + "/gains").param("version", "0").param("summary", EndingFixtures.GAINS)
                .param("clientWords", EndingFixtures.CLIENT_WORDS).param("done", "true"))
                .andExpect(status().isFound()).andExpect(redirectedUrl(workspace + "#gains"));
        page(post(workspace + "/why").param("version", "1").param("reason", "agreed-sessions-reached")
                .param("explanation", EndingFixtures.EXPLANATION).param("done", "true")).andExpect(status().isFound());
        page(post(workspace + "/confidence").param("version", "2").param("warningSigns", EndingFixtures.WARNING_SIGNS)
                .param("whatHelps", EndingFixtures.WHAT_HELPS).param("peopleToContact", EndingFixtures.PEOPLE)
                .param("crisisPlan", EndingFixtures.CRISIS).param("done", "true")).andExpect(status().isFound());
        page(post(workspace + "/door").param("version", "3").param("followUpOn", today().plusMonths(1).toString())
                .param("followUpOn", "").param("followUpOn", today().plusMonths(6).toString()).param("instrument", "phq-9")
                .param("done", "true")).andExpect(status().isFound());
    }

    @Test
    void showsTheEndingPanelAndTheWorkspaceWithTheLiveFacts() throws Exception {
        page(get("/relationships/" + zoe.value())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"ending\"")))
                .andExpect(content().string(containsString("Open the ending workspace")))
                .andExpect(content().string(containsString("Close as unplanned")))
                .andExpect(content().string(not(containsString("<option value=\"ENDED\""))));
        page(get(workspace)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ending the work with " + NAME)))
                .andExpect(content().string(containsString("Sessions attended: 1")))
                .andExpect(content().string(containsString("Still to do before the work can close: The gains made, Why it ends")))
                .andExpect(content().string(containsString("value=\"" + today().minusWeeks(1).plusMonths(1) + "\"")));
    }

    @Test
    void offersTheMeasuresThePlanGivesAtTheEndingAndItsFollowUpMeasureForTheOpenDoor() throws Exception {
        page(get(workspace)).andExpect(status().isOk())
                .andExpect(content().string(containsString("The measurement plan gives no measure at the ending.")))
                .andExpect(content().string(containsString("<option value=\"phq-9\" selected=\"selected\"")));
        api(get(api)).andExpect(jsonPath("$.followUpMeasure").value(EndingManagement.DEFAULT_FOLLOW_UP_MEASURE))
                .andExpect(jsonPath("$.dueAtEnding").isEmpty());

        riverside.run(ash, () -> measures.setPlan(zoe, java.util.List.of(
                new org.rapport.measures.PlanEntry("phq-9", org.rapport.measures.PlanTiming.EVERY_SESSION, null),
                new org.rapport.measures.PlanEntry("core-10", org.rapport.measures.PlanTiming.AT_ENDING, null),
                new org.rapport.measures.PlanEntry("gad-7", org.rapport.measures.PlanTiming.AT_FOLLOW_UP, null))));
        page(get(workspace)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"ending-due-core-10\"")))
                .andExpect(content().string(containsString("aria-label=\"Enter answers now: CORE-10\"")))
                .andExpect(content().string(containsString("aria-label=\"Send a link: CORE-10\"")))
                .andExpect(content().string(not(containsString("id=\"ending-due-phq-9\""))))
                .andExpect(content().string(containsString("<option value=\"gad-7\" selected=\"selected\"")));
        page(get("/relationships/" + zoe.value())).andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"gad-7\" selected=\"selected\"")));
        api(get(api)).andExpect(jsonPath("$.followUpMeasure").value("gad-7"))
                .andExpect(jsonPath("$.dueAtEnding[0].instrumentKey").value("core-10"))
                .andExpect(jsonPath("$.dueAtEnding[0].timing").value("AT_ENDING"))
                .andExpect(jsonPath("$.dueAtEnding.length()").value(1));

        page(post("/relationships/" + zoe.value() + "/measures/send").param("instrument", "core-10"))
                .andExpect(status().isFound());
        page(get("/relationships/" + zoe.value() + "/measures/core-10/enter")).andExpect(status().isOk());

        // Once the open door is saved with another measure, that one stands.
        riverside.run(ash, () -> endings.saveOpenDoor(zoe, 0, new OpenDoor(java.util.List.of(today().plusMonths(2)), "phq-9", null, false)));
        page(get(workspace)).andExpect(content().string(containsString("<option value=\"phq-9\" selected=\"selected\"")))
                .andExpect(content().string(not(containsString("<option value=\"gad-7\" selected=\"selected\""))));
    }

    @Test
    void closesOnlyOnceTheFourPartsAreDoneAndThenShowsTheLetter() throws Exception {
        page(post(workspace + "/close").param("version", "0")).andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", containsString("Still to do: The gains made, Why it ends, "
                        + "Confidence moving forward, The open door.")));
        fillAllFourOnPages();
        page(post(workspace + "/close").param("version", "4")).andExpect(status().isFound())
                .andExpect(flash().attribute("flash", containsString("closed as planned")));
        assertThat(riverside.as(ash, () -> relationships.describe(zoe)).status()).isEqualTo(RelationshipStatus.ENDED);

        page(get(workspace + "/letter")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Dear " + NAME)))
                .andExpect(content().string(containsString(EndingFixtures.GAINS)))
                .andExpect(content().string(containsString("With warm wishes")));
        page(get("/relationships/" + zoe.value())).andExpect(content().string(containsString("Closed as planned")));
        page(get(workspace)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Closed as planned on")))
                .andExpect(content().string(containsString("Open the letter to the client")))
                .andExpect(content().string(not(containsString("Save the gains"))));
    }

    @Test
    void writesTheLetterAsAPdfWithTheNameTheGainsTheReasonThePlanAndTheDates() throws Exception {
        riverside.run(ash, () -> {
            int v = endings.saveGains(zoe, 0, new Gains(EndingFixtures.GAINS + " Δήμητρα, Дарья, 林晓雯 and سلمى النجار came to the last session too. "
                    + "A long line that must wrap: " + "sleeping well again, ".repeat(150), EndingFixtures.CLIENT_WORDS, true));
            v = endings.saveWhyItEnds(zoe, v, EndingFixtures.why(true));
            v = endings.saveConfidence(zoe, v, EndingFixtures.confidence(true));
            v = endings.saveOpenDoor(zoe, v, EndingFixtures.door(java.util.List.of(today().plusMonths(1), today().plusMonths(3)), true));
            endings.closePlanned(zoe, v, null);
        });
        byte[] pdf = page(get(workspace + "/letter.pdf")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(document.getNumberOfPages()).as("a long letter flows onto a second page").isGreaterThanOrEqualTo(2);
            // For looking at: the first page as a picture beside the browser screenshots.
            java.nio.file.Path shots = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(shots);
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 80),
                    "png", shots.resolve("ending-letter-pdf.png").toFile());
        }
        assertThat(text).contains("Dear " + NAME, "Δήμητρα", "Дарья", "林晓雯", "سلمى النجار", "Sleeping most nights again",
                "number of sessions we agreed", EndingFixtures.EXPLANATION, EndingFixtures.WARNING_SIGNS,
                EndingFixtures.CRISIS, "With warm wishes, Ash Marlow");
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
        assertThat(text).contains(day.format(today().plusMonths(1)), day.format(today().plusMonths(3)));
        assertThat(text).doesNotContain("Low mood and poor sleep since the move");

        api(get(api + "/letter.pdf")).andExpect(status().isOk());
        api(get(api + "/letter")).andExpect(status().isOk()).andExpect(jsonPath("$.clientName").value(NAME))
                .andExpect(jsonPath("$.closed").value(true));
    }

    @Test
    void showsARefusedPartAgainWithWhatWasTypedAndTheReason() throws Exception {
        page(post(workspace + "/why").param("version", "0").param("reason", "no-such-reason")
                .param("explanation", "Kept words")).andExpect(status().is(422))
                .andExpect(content().string(containsString("no ending reason")))
                .andExpect(content().string(containsString("Kept words")))
                .andExpect(content().string(containsString("aria-describedby=\"why-error\"")));
        page(post(workspace + "/gains").param("version", "0").param("summary", "x".repeat(4001)))
                .andExpect(status().is(422)).andExpect(content().string(containsString("at most 4000")));
        page(post(workspace + "/gains").param("version", "zero").param("summary", "Fine"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("reload the page")));
        page(post(workspace + "/door").param("version", "0").param("followUpOn", "next spring").param("instrument", "phq-9"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("must be a date")));
        page(post(workspace + "/door").param("version", "0").param("instrument", "phq-9"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("the client declined them")));
        page(post(workspace + "/confidence").param("version", "0").param("warningSigns", "Late nights"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("What helps is needed")));
        assertThat(rows()).isZero();

        page(post(workspace + "/gains").param("version", "0").param("summary", "First")).andExpect(status().isFound());
        page(post(workspace + "/gains").param("version", "0").param("summary", "Stale")).andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", containsString("changed after you opened the page")));
        assertThat(riverside.as(ash, () -> endings.workspace(zoe)).gains().summary()).isEqualTo("First");
        page(post(workspace + "/close").param("version", "x")).andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", containsString("reload the page")));
        page(post(workspace + "/close").param("version", "1").param("endedOn", "yesterday")).andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", containsString("must be a date")));
    }

    @Test
    void closesUnplannedFromThePanelAndCountsTheDropOut() throws Exception {
        String relationship = "/relationships/" + zoe.value();
        int v = riverside.as(ash, () -> relationships.describe(zoe).version());
        page(post(workspace + "/close-unplanned").param("version", String.valueOf(v)).param("reason", "vanished"))
                .andExpect(status().isFound()).andExpect(redirectedUrl(relationship + "#ending"))
                .andExpect(flash().attribute("flashError", containsString("Dropped out")));
        page(post(workspace + "/close-unplanned").param("version", String.valueOf(v - 1)).param("reason", "dropped-out"))
                .andExpect(flash().attribute("flashError", containsString("changed after you opened the page")));
        page(post(workspace + "/close-unplanned").param("version", String.valueOf(v)).param("reason", "dropped-out")
                .param("offerDoor", "true").param("followUpOn", "soon").param("instrument", "phq-9"))
                .andExpect(flash().attribute("flashError", containsString("must be a date")));
        assertThat(rows()).isZero();
        page(post(workspace + "/close-unplanned").param("version", String.valueOf(v)).param("reason", "dropped-out")
                .param("followUpOn", today().plusMonths(1).toString()).param("instrument", "phq-9"))
                .andExpect(flash().attribute("flash", containsString("dropped out")));
        assertThat(riverside.as(ash, () -> endings.workspace(zoe)).closed().followUpDates())
                .as("dates are kept only when the open door is offered").isEmpty();

        api(get("/api/endings/summary").param("from", today().minusDays(7).toString()).param("to", today().toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unplanned").value(1))
                .andExpect(jsonPath("$.droppedOut").value(1)).andExpect(jsonPath("$.unplannedByReason.dropped-out").value(1));
        api(get("/api/endings/summary").param("from", "last year")).andExpect(status().isBadRequest());
        api(get("/api/endings/summary")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("first and the last day")));
    }

    @Test
    void aClientWhoSaysTheyAreStoppingOpensTheCloseUnplannedFormWithTheReasonChosenAndTheDoorOffered() throws Exception {
        String relationship = "/relationships/" + zoe.value();
        page(get(relationship)).andExpect(content().string(not(containsString("The client says they are stopping"))));
        page(get(relationship + "/ending/stopping")).andExpect(status().isFound()).andExpect(redirectedUrl(relationship + "#ending"))
                .andExpect(flash().attribute("flashError", containsString("ending phase")));

        toStatus(zoe, RelationshipStatus.ACTIVE);
        page(get(relationship)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"client-stopping-link\"")))
                .andExpect(content().string(containsString("href=\"" + relationship + "/ending/stopping\"")));
        page(get(relationship + "/ending/stopping")).andExpect(status().isOk())
                .andExpect(content().string(containsString(NAME + " says they are stopping")))
                .andExpect(content().string(containsString("value=\"declined-further-help\" required checked=\"checked\"")))
                .andExpect(content().string(containsString("id=\"unplanned-door\" name=\"offerDoor\" value=\"true\" checked=\"checked\"")))
                .andExpect(content().string(not(containsString("value=\"dropped-out\" required checked"))));

        int v = riverside.as(ash, () -> relationships.describe(zoe).version());
        page(post(workspace + "/close-unplanned").param("version", String.valueOf(v)).param("reason", "declined-further-help")
                .param("offerDoor", "true").param("followUpOn", today().plusMonths(1).toString()).param("instrument", "phq-9"))
                .andExpect(status().isFound()).andExpect(flash().attribute("flash", containsString("declined further help")));
        assertThat(riverside.as(ash, () -> endings.workspace(zoe)).closed().followUpDates()).containsExactly(today().plusMonths(1));
        page(get(relationship)).andExpect(content().string(not(containsString("The client says they are stopping"))));
        page(get(relationship + "/ending/stopping")).andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", containsString("ended")));

        page(get("/relationships/" + UUID.randomUUID() + "/ending/stopping")).andExpect(status().isNotFound());
        page(get("/relationships/not-an-id/ending/stopping")).andExpect(status().isNotFound());
    }

    @Test
    void servesTheWorkspaceThroughTheApiAndRefusesBadInput() throws Exception {
        api(get(api)).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.relationship").value(zoe.value().toString()))
                .andExpect(jsonPath("$.missingParts", hasItem("GAINS")));
        putJson(api + "/gains", "{\"summary\": \"No version\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors").exists());
        putJson(api + "/gains", "{\"version\": \"one\", \"summary\": \"x\"}").andExpect(status().isBadRequest());
        putJson(api + "/gains", "{\"version\": 0, \"summary\": \"" + "x".repeat(4001) + "\"}").andExpect(status().isBadRequest());
        putJson(api + "/why", "{\"version\": 0, \"reason\": \"bored\", \"explanation\": \"x\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("no ending reason")));
        putJson(api + "/open-door", "{\"version\": 0, \"followUpDates\": [\"2026-02-30\"]}").andExpect(status().isBadRequest());
        putJson(api + "/open-door", "{\"version\": 0, \"followUpDates\": [\"" + today() + "\"], \"instrumentKey\": \"phq-9\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("must fall after")));
        putJson(api + "/confidence", "not json").andExpect(status().isBadRequest());
        assertThat(rows()).isZero();

        putJson(api + "/gains", "{\"version\": 0, \"summary\": \"Sleeping\", \"clientWords\": \"Walks\", \"done\": true}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        putJson(api + "/gains", "{\"version\": 0, \"summary\": \"Stale\"}").andExpect(status().isConflict());
        api(post(api + "/close").contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("Still to do: Why it ends")));
        api(post(api + "/close-unplanned").contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"dropped-out\"}"))
                .andExpect(status().isBadRequest());
        // A version from the wrong record is named as such, with the record's current one.
        int relationshipVersion = riverside.as(ash, () -> relationships.describe(zoe)).version();
        assertThat(relationshipVersion).as("the relationship's version is not the ending's here").isNotEqualTo(1);
        api(post(api + "/close").contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + relationshipVersion + "}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.title").value("Not the current version"))
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.detail", containsString("The ending is at version 1; the request carried version "
                        + relationshipVersion)))
                .andExpect(jsonPath("$.detail", containsString("the ending's version (from GET /api/relationships/{id}/ending)")));
        api(post(api + "/close-unplanned").contentType(MediaType.APPLICATION_JSON)
                .content("{\"relationshipVersion\": 1, \"reason\": \"dropped-out\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.currentVersion").value(relationshipVersion))
                .andExpect(jsonPath("$.detail", containsString("takes the relationship's version (relationshipVersion")));
        api(get("/api/relationships/" + UUID.randomUUID() + "/ending")).andExpect(status().isNotFound());
        api(get("/api/relationships/not-an-id/ending")).andExpect(status().isBadRequest());
        api(get(api + "/letter")).andExpect(status().isOk()).andExpect(jsonPath("$.closed").value(false));
    }

    @Test
    void settlesAGoalStillOpenFromThePageAndTheApiAndRefusesBadInput() throws Exception {
        GoalId sleep = riverside.as(ash, () -> goals.setGoal(zoe, new NewGoal(null, "Poor sleep", "Sleep through most nights",
                new LevelDescriptions("Awake", "One night", "Three nights", "Five nights", "Every night"),
                new AttainmentLevel(-1), null, null, null, null)));
        GoalId walks = riverside.as(ash, () -> goals.setGoal(zoe, new NewGoal(null, "Housebound", "Walk every day",
                new LevelDescriptions("Never", "Weekly", "Twice a week", "Most days", "Every day"),
                new AttainmentLevel(-2), null, null, null, null)));
        api(get(api)).andExpect(status().isOk()).andExpect(jsonPath("$.beforeClosing.goals.length()").value(2))
                .andExpect(jsonPath("$.beforeClosing.goals[0].outcomes", hasItem("CONTINUING_ELSEWHERE")));
        page(get(workspace)).andExpect(status().isOk())
                .andExpect(content().string(containsString("“Sleep through most nights” (active) ends as")));

        String settle = workspace + "/goals/" + sleep.value();
        page(post(settle).param("version", "0").param("outcome", "ACTIVE")).andExpect(status().isFound())
                .andExpect(redirectedUrl(workspace + "#before-closing"))
                .andExpect(flash().attribute("flashError", containsString("Choose how the goal ends")));
        page(post(settle).param("outcome", "ACHIEVED")).andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", containsString("reload the page")));
        page(post(settle).param("version", "7").param("outcome", "ACHIEVED")).andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", containsString("changed")));
        page(post(workspace + "/goals/" + UUID.randomUUID()).param("version", "0").param("outcome", "ACHIEVED"))
                .andExpect(status().isNotFound());
        api(post(api + "/goals/" + walks.value()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0, \"outcome\": \"MAYBE\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("outcome")));
        api(post(api + "/goals/" + walks.value()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\": \"ACHIEVED\"}")).andExpect(status().isBadRequest());
        assertThat(riverside.as(ash, () -> goals.standings(zoe))).extracting(GoalStanding::status)
                .as("nothing settled by bad input").containsOnly(GoalStatus.ACTIVE);

        page(post(settle).param("version", "0").param("outcome", "CONTINUING_ELSEWHERE")).andExpect(status().isFound())
                .andExpect(flash().attribute("flash", "The goal is settled: continuing elsewhere."));
        api(post(api + "/goals/" + walks.value()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0, \"outcome\": \"ACHIEVED\"}")).andExpect(status().isNoContent());
        // A settled goal is not open any more.
        api(post(api + "/goals/" + walks.value()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 1, \"outcome\": \"ACHIEVED\"}")).andExpect(status().isNotFound());
        assertThat(riverside.as(ash, () -> goals.standings(zoe))).extracting(GoalStanding::status)
                .containsExactly(GoalStatus.CONTINUING_ELSEWHERE, GoalStatus.ACHIEVED);
        api(get(api)).andExpect(jsonPath("$.beforeClosing.goals.length()").value(0));
    }

    @Test
    void describesTheEndingEndpointsInOpenApi() throws Exception {
        String spec = api(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(spec).contains("/api/relationships/{id}/ending", "/api/relationships/{id}/ending/gains",
                "/api/relationships/{id}/ending/why", "/api/relationships/{id}/ending/confidence",
                "/api/relationships/{id}/ending/open-door", "/api/relationships/{id}/ending/close",
                "/api/relationships/{id}/ending/close-unplanned", "/api/relationships/{id}/ending/letter",
                "/api/relationships/{id}/ending/letter.pdf", "/api/endings/summary");
    }
}
