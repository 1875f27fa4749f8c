package org.rapport.people.web;

import org.rapport.people.PeopleDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's list of client parties: names, kinds and current members only, with a way into each audit trail. */
@Controller
class ClientPagesController {

    private final PeopleDirectory directory;

    ClientPagesController(PeopleDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/admin/clients")
    String list(Model model) {
        model.addAttribute("clients", directory.clientParties());
        return "people/clients";
    }
}
