package org.rapport.people.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where an organisation admin starts: the people, teams and process models they look after. */
@Controller
class AdminHomeController {

    @GetMapping("/admin")
    String show() {
        return "people/admin";
    }
}
