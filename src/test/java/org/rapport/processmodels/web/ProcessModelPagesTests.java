package org.rapport.processmodels.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.processmodels.ProcessModel;
import org.rapport.processmodels.ProcessModelFormat;
import org.rapport.processmodels.ProcessModels;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class ProcessModelPagesTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired ProcessModels processModels;

    Staff staff;

    @BeforeEach
    void openOrganisation() {
        staff = Staff.open(accounts);
    }

    @Test
    void listsTheBuiltInModelsThenTheOrganisationsOwn() throws Exception {
        Tenancy.runAs(staff.organisation(), () -> processModels.addOwn(Staff.aModel("walk-and-talk", "Walk and talk")));

        Document page = page(mvc.perform(get("/admin/process-models").with(signedIn(staff.admin())))
                .andExpect(status().isOk()).andReturn());

        var rows = page.select("tbody tr");
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0).text()).contains("Community practice helping process", "Built-in");
        assertThat(rows.get(5).text()).contains("Walk and talk", "2", "Your own");
        assertThat(rows.get(5).selectFirst("a").attr("href")).isEqualTo("/admin/process-models/walk-and-talk");
        assertThat(page.text()).contains("cannot be changed or removed");
    }

    @Test
    void showsEachPhaseInOrderWithItsPurposeTasksSkillsAndSignsToMoveOn() throws Exception {
        Document page = page(mvc.perform(get("/admin/process-models/five-stage").with(signedIn(staff.admin())))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.select("h1")).hasSize(1).first().extracting(Element::text)
                .isEqualTo("Five-stage helping process");
        assertThat(page.select("article h3")).extracting(Element::text).containsExactly(
                "Phase 1 of 5: Establishing a working relationship",
                "Phase 2 of 5: Identifying client problems",
                "Phase 3 of 5: Helping clients create goals",
                "Phase 4 of 5: Encouraging client exploration and action",
                "Phase 5 of 5: Termination and ending Ending");
        Element first = page.selectFirst("article");
        assertThat(first.text()).contains("Help the client feel safe enough to talk",
                "Explain confidentiality and its limits", "attending, listening, open questions",
                "Time to move on when", "You both have a working sense of trust");
        assertThat(page.select(".breadcrumb")).isNotEmpty();
    }

    @Test
    void letsAnyStaffReadAModelWithoutTheAdminPages() throws Exception {
        Document page = page(mvc.perform(get("/process-models/five-stage").with(signedIn(staff.helper())))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select("article")).hasSize(5);
        assertThat(page.select(".breadcrumb")).isEmpty();

        mvc.perform(get("/admin/process-models").with(signedIn(staff.helper()))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/process-models/five-stage").with(signedIn(staff.helper())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/process-models/five-stage").with(signedIn(staff.client())))
                .andExpect(status().isForbidden());
    }

    @Test
    void answersAnUnknownKeyWithNotFound() throws Exception {
        mvc.perform(get("/admin/process-models/no-such-model").with(signedIn(staff.admin())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/process-models/no-such-model").with(signedIn(staff.helper())))
                .andExpect(status().isNotFound());
    }

    @Test
    void offersAFormToPasteOrUploadAModelWithEveryInputLabelled() throws Exception {
        Document page = page(mvc.perform(get("/admin/process-models/new").with(signedIn(staff.admin())))
                .andExpect(status().isOk()).andReturn());

        Element form = page.selectFirst("form[enctype=multipart/form-data]");
        assertThat(form.select("label[for=definition]")).hasSize(1);
        assertThat(form.select("label[for=file]")).hasSize(1);
        assertThat(form.selectFirst("input[type=file]").attr("accept")).contains(".yaml", ".yml", ".txt");
        assertThat(page.select("a[href=/admin/process-models/example.yaml]")).hasSize(1);
        assertThat(page.select("[role=alert]")).isEmpty();
    }

    @Test
    void addsAModelFromAnUploadedFile() throws Exception {
        var file = new MockMultipartFile("file", "walk-and-talk.yaml", "application/yaml",
                Staff.aModel("walk-and-talk", "Walk and talk").getBytes(UTF_8));

        mvc.perform(addForm().file(file).with(signedIn(staff.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/process-models/walk-and-talk"))
                .andExpect(flash().attribute("flash",
                        "Added the process model “Walk and talk”. Relationships in your organisation can now follow it."));

        assertThat(ownModel("walk-and-talk")).isNotNull();
    }

    @Test
    void addsAModelFromPastedText() throws Exception {
        mvc.perform(addForm().param("definition", Staff.aModel("walk-and-talk", "Walk and talk"))
                        .with(signedIn(staff.admin())).with(csrf()))
                .andExpect(redirectedUrl("/admin/process-models/walk-and-talk"));

        assertThat(ownModel("walk-and-talk").name()).isEqualTo("Walk and talk");
    }

    @Test
    void showsEveryProblemWithItsLineKeepsTheTextAndStoresNothing() throws Exception {
        var file = new MockMultipartFile("file", "walk-and-talk.yml", "text/plain", Staff.TWO_MISTAKES.getBytes(UTF_8));

        Document page = page(mvc.perform(addForm().file(file).with(signedIn(staff.admin())).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn());

        Element alert = page.selectFirst("[role=alert]");
        assertThat(alert.id()).isEqualTo("form-problems");
        assertThat(alert.select("li")).extracting(Element::text).containsExactly(
                "Line 5 — phases[0].move-on-when: a phase needs at least one sign that it is time to move on",
                "Line 8 — phases[0].tasks: a phase needs at least one task",
                "Line 9 — phases[0].move-on-whn: unknown field 'move-on-whn'; the fields allowed here are key, name,"
                        + " purpose, tasks, skills, move-on-when, ending");
        assertThat(alert.text()).contains("nothing was stored", "these 3 problems");
        Element box = page.getElementById("definition");
        assertThat(box.wholeText()).isEqualTo(Staff.TWO_MISTAKES);
        assertThat(box.attr("aria-describedby")).contains("form-problems");
        assertThat(box.attr("aria-invalid")).isEqualTo("true");
        assertThat(storedModels()).isEmpty();
    }

    @Test
    void refusesAFileLargerThan100kB() throws Exception {
        String padding = "# " + "x".repeat(ProcessModelFormat.MAX_BYTES) + "\n";
        var file = new MockMultipartFile("file", "big.yaml", "application/yaml",
                (padding + Staff.aModel("walk-and-talk", "Walk and talk")).getBytes(UTF_8));

        Document page = page(mvc.perform(addForm().file(file).with(signedIn(staff.admin())).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn());

        assertThat(page.selectFirst("[role=alert]").text()).contains("Line 1 — the file is larger than 100 kB");
        assertThat(storedModels()).isEmpty();
    }

    @Test
    void refusesAFileThatIsNotPlainText() throws Exception {
        var file = new MockMultipartFile("file", "our-model.docx", "application/octet-stream", new byte[] {1, 2, 3});

        Document page = page(mvc.perform(addForm().file(file).with(signedIn(staff.admin())).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn());

        assertThat(page.selectFirst("[role=alert]").text()).contains("Choose a file ending in .yaml, .yml or .txt");
        assertThat(storedModels()).isEmpty();
    }

    @Test
    void asksForAModelWhenNothingWasSent() throws Exception {
        Document page = page(mvc.perform(addForm().param("definition", "  ").with(signedIn(staff.admin())).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn());

        assertThat(page.selectFirst("[role=alert]").text())
                .isEqualTo("Paste a model into the box, or choose a file to upload.");
    }

    @Test
    void refusesAKeyAlreadyInUseKeepingTheText() throws Exception {
        String text = Staff.aModel("five-stage", "Our five stages");

        Document page = page(mvc.perform(addForm().param("definition", text)
                        .with(signedIn(staff.admin())).with(csrf()))
                .andExpect(status().isConflict()).andReturn());

        assertThat(page.selectFirst("[role=alert]").text())
                .isEqualTo("A model with the key 'five-stage' already exists; choose another key.");
        assertThat(page.getElementById("definition").wholeText()).isEqualTo(text);
        assertThat(storedModels()).isEmpty();
    }

    @Test
    void refusesAModelFromSomeoneWhoIsNotAnAdmin() throws Exception {
        mvc.perform(addForm().param("definition", Staff.aModel("walk-and-talk", "Walk and talk"))
                        .with(signedIn(staff.helper())).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(storedModels()).isEmpty();
    }

    @Test
    void offersAnExampleThatRapportAccepts() throws Exception {
        MvcResult result = mvc.perform(get("/admin/process-models/example.yaml").with(signedIn(staff.admin())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"example-process-model.yaml\""))
                .andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("application/yaml");
        String example = result.getResponse().getContentAsString(UTF_8);

        mvc.perform(addForm().param("definition", example).with(signedIn(staff.admin())).with(csrf()))
                .andExpect(redirectedUrl("/admin/process-models/listening-first"));
        assertThat(ownModel("listening-first").phaseCount()).isEqualTo(3);
    }

    private static MockMultipartHttpServletRequestBuilder addForm() {
        return multipart("/admin/process-models");
    }

    private RequestPostProcessor signedIn(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private ProcessModel ownModel(String key) {
        return Tenancy.callAs(staff.organisation(), () -> processModels.find(key)).orElseThrow();
    }

    private java.util.List<ProcessModel> storedModels() {
        return Tenancy.callAs(staff.organisation(),
                () -> processModels.available().stream().filter(model -> !model.builtIn()).toList());
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(UTF_8));
    }
}
