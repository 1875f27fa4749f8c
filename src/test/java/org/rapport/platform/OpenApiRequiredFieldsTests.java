package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published API description says which fields a request must have: the ones Rapport refuses
 * when they are missing, and no others.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiRequiredFieldsTests {

    @Autowired MockMvc mvc;

    JsonNode api;

    @BeforeEach
    void fetchTheApiDescription() throws Exception {
        api = JsonMapper.shared().readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    @Test
    void marksTheFieldsThatCarryAConstraintAsRequired() {
        // The process model may be left out: the organisation's default is followed.
        assertThat(requiredOfBody("/api/referrals")).contains("source", "reason", "referredOn", "urgency",
                "leadHelperId").doesNotContain("teamId", "submissionId", "clientParty", "processModel");
        assertThat(requiredOfBody("/api/helpers")).contains("name", "discipline").doesNotContain("username");
        assertThat(requiredOfBody("/api/notes/{nid}/sign")).containsExactly("version");
    }

    @Test
    void marksFieldsOfAPrimitiveTypeAsRequired() {
        assertThat(requiredOfBody("/api/relationships/{id}/tasks")).contains("phase", "taskNumber", "doneOn");
        assertThat(requiredOfBody("/api/relationships/{id}/agreement-revisions")).contains("sessionLengthMinutes");
        assertThat(requiredOfBody("/api/relationships/{id}/session-records")).contains("on", "at", "lengthMinutes",
                "mode", "outcome").doesNotContain("note", "place");
        JsonNode note = api.at("/components/schemas/" + schemaName(api.at("/components/schemas/SessionRecordRequest"
                + "/properties/note")));
        assertThat(names(note.get("required"))).contains("sign").doesNotContain("template", "sections");
    }

    @Test
    void keepsTheTwoStatusChangesApart() {
        assertThat(requiredOfBody("/api/relationships/{id}/status")).contains("to", "reason", "version");
        assertThat(requiredOfBody("/api/goals/{gid}/status")).contains("to", "version").doesNotContain("reason");
    }

    List<String> requiredOfBody(String path) {
        JsonNode operation = api.get("paths").get(path).get("post");
        assertThat(operation).as("POST " + path).isNotNull();
        JsonNode body = operation.at("/requestBody/content/application~1json/schema");
        JsonNode schema = api.at("/components/schemas/" + schemaName(body));
        assertThat(schema.isMissingNode()).as("schema of " + path).isFalse();
        return names(schema.get("required"));
    }

    static String schemaName(JsonNode reference) {
        String ref = reference.get("$ref").asString();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        if (array != null) {
            array.forEach(name -> names.add(name.asString()));
        }
        return names;
    }
}
