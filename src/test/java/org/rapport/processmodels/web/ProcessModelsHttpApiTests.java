package org.rapport.processmodels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.accounts.AccountManagement;
import org.rapport.processmodels.ProcessModel;
import org.rapport.processmodels.ProcessModels;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class ProcessModelsHttpApiTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired ProcessModels processModels;

    Staff staff;

    @BeforeEach
    void openOrganisation() {
        staff = Staff.open(accounts);
    }

    @Test
    void listsTheBuiltInModelsThenTheOrganisationsOwnToAnyStaff() throws Exception {
        Tenancy.runAs(staff.organisation(), () -> processModels.addOwn(Staff.aModel("walk-and-talk", "Walk and talk")));

        mvc.perform(get("/api/process-models").with(as(staff.helper())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(6))
                .andExpect(jsonPath("$[0].key").value("community-practice"))
                .andExpect(jsonPath("$[0].builtIn").value(true))
                .andExpect(jsonPath("$[5].key").value("walk-and-talk"))
                .andExpect(jsonPath("$[5].builtIn").value(false))
                .andExpect(jsonPath("$[5].phaseCount").value(2));
    }

    @Test
    void showsAModelWithAllItsPhases() throws Exception {
        mvc.perform(get("/api/process-models/five-stage").with(as(staff.helper())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Five-stage helping process"))
                .andExpect(jsonPath("$.phases.length()").value(5))
                .andExpect(jsonPath("$.phases[0].key").value("establishing-a-working-relationship"))
                .andExpect(jsonPath("$.phases[0].tasks", hasItem("Explain confidentiality and its limits")))
                .andExpect(jsonPath("$.phases[0].moveOnWhen.length()").value(3))
                .andExpect(jsonPath("$.phases[4].ending").value(true));
    }

    @Test
    void answersAnUnknownKeyWithNotFound() throws Exception {
        mvc.perform(get("/api/process-models/no-such-model").with(as(staff.helper())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesClientsAndStrangers() throws Exception {
        mvc.perform(get("/api/process-models").with(as(staff.client()))).andExpect(status().isForbidden());
        mvc.perform(get("/api/process-models")).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/yaml", "text/plain"})
    void addsAModelSentAsYamlText(String contentType) throws Exception {
        mvc.perform(post("/api/process-models").with(as(staff.admin()))
                        .contentType(contentType).content(Staff.aModel("walk-and-talk", "Walk and talk")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/process-models/walk-and-talk")))
                .andExpect(jsonPath("$.key").value("walk-and-talk"))
                .andExpect(jsonPath("$.builtIn").value(false))
                .andExpect(jsonPath("$.phases.length()").value(2));

        assertThat(ownModels()).extracting(ProcessModel::key).containsExactly("walk-and-talk");
    }

    @Test
    void addsAModelSentAsJson() throws Exception {
        String json = "{\"definition\": " + quoted(Staff.aModel("walk-and-talk", "Walk and talk")) + "}";

        mvc.perform(post("/api/process-models").with(as(staff.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/process-models/walk-and-talk")));

        assertThat(ownModels()).extracting(ProcessModel::name).containsExactly("Walk and talk");
    }

    @Test
    void refusesAModelFromSomeoneWhoIsNotAnAdmin() throws Exception {
        mvc.perform(post("/api/process-models").with(as(staff.helper()))
                        .contentType("application/yaml").content(Staff.aModel("walk-and-talk", "Walk and talk")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Not allowed"));

        assertThat(ownModels()).isEmpty();
    }

    @Test
    void refusesAnInvalidModelListingTheLineAndFieldOfEveryProblem() throws Exception {
        mvc.perform(post("/api/process-models").with(as(staff.admin()))
                        .contentType("application/yaml").content(Staff.TWO_MISTAKES))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not a valid process model"))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[1].line").value(8))
                .andExpect(jsonPath("$.errors[1].field").value("phases[0].tasks"))
                .andExpect(jsonPath("$.errors[1].message").value("a phase needs at least one task"))
                .andExpect(jsonPath("$.errors[2].line").value(9))
                .andExpect(jsonPath("$.errors[2].field").value("phases[0].move-on-whn"));

        assertThat(ownModels()).isEmpty();
    }

    @Test
    void refusesMalformedJson() throws Exception {
        mvc.perform(post("/api/process-models").with(as(staff.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"definition\": "))
                .andExpect(status().isBadRequest());
    }

    @Test
    void refusesJsonWithoutADefinition() throws Exception {
        mvc.perform(post("/api/process-models").with(as(staff.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("definition"));
    }

    @Test
    void refusesAKeyAlreadyInUse() throws Exception {
        mvc.perform(post("/api/process-models").with(as(staff.admin()))
                        .contentType("application/yaml").content(Staff.aModel("five-stage", "Our five stages")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("A model with the key 'five-stage' already exists; choose another key."));
    }

    private RequestPostProcessor as(String username) {
        return httpBasic(username, Staff.PASSWORD);
    }

    private List<ProcessModel> ownModels() {
        return Tenancy.callAs(staff.organisation(),
                () -> processModels.available().stream().filter(model -> !model.builtIn()).toList());
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
