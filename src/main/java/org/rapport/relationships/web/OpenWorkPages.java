package org.rapport.relationships.web;

import java.util.UUID;
import org.rapport.people.Helper;
import org.rapport.people.HelperId;
import org.rapport.people.PeopleDirectory;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.shared.RecordNotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The open work a helper leads, for an admin handing it over when they leave, beside the helpers
 * list; each relationship links to its handover. {@link OpenWorkApi} is its JSON twin.
 */
@Controller
class OpenWorkPages {

    private final RelationshipManagement relationships;
    private final PeopleDirectory directory;

    OpenWorkPages(RelationshipManagement relationships, PeopleDirectory directory) {
        this.relationships = relationships;
        this.directory = directory;
    }

    @GetMapping("/admin/helpers/{id}/open-work")
    String page(@PathVariable UUID id, Model model) {
        Helper helper = helper(id);
        model.addAttribute("helper", helper);
        model.addAttribute("entries", relationships.openWorkLedBy(helper.id()));
        return "relationships/open-work";
    }

    private Helper helper(UUID id) {
        return directory.helper(new HelperId(id)).orElseThrow(() -> new RecordNotFound("helper"));
    }
}
