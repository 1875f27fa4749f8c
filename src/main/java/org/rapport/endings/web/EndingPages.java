package org.rapport.endings.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.endings.ClosedEnding;
import org.rapport.endings.Confidence;
import org.rapport.endings.EndingLetter;
import org.rapport.endings.EndingManagement;
import org.rapport.endings.EndingPart;
import org.rapport.endings.EndingReason;
import org.rapport.endings.EndingWorkspace;
import org.rapport.endings.Gains;
import org.rapport.endings.OpenDoor;
import org.rapport.endings.UnplannedClosing;
import org.rapport.endings.WhyItEnds;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalStatus;
import org.rapport.platform.PlausibleDates;
import org.rapport.relationships.RelationshipId;
import org.rapport.shared.RuleBroken;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The ending workspace (/relationships/{id}/ending): its four parts, each saved on its own, closing
 * as planned, the letter as a page and a PDF; and closing unplanned from the relationship page's
 * Ending panel. A part refused is shown again with what was typed and the reason beside it.
 */
@Controller
class EndingPages {

    static final String STALE = "This ending changed after you opened the page, so your change was not saved. "
            + "Look at it again below and make your change once more.";

    private final EndingManagement endings;

    EndingPages(EndingManagement endings) {
        this.endings = endings;
    }

    @GetMapping("/relationships/{id}/ending")
    String workspace(@PathVariable UUID id, Model model) {
        return page(id, model, null, null, null);
    }

    @PostMapping("/relationships/{id}/ending/gains")
    String saveGains(@PathVariable UUID id, @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String summary,
            @RequestParam(required = false) @Nullable String clientWords,
            @RequestParam(required = false) @Nullable String done, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Gains part = new Gains(summary, clientWords, done != null);
        return save(id, version, EndingPart.GAINS, part, model, redirect, response,
                v -> endings.saveGains(new RelationshipId(id), v, part));
    }

    @PostMapping("/relationships/{id}/ending/why")
    String saveWhy(@PathVariable UUID id, @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String explanation,
            @RequestParam(required = false) @Nullable String done, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        WhyItEnds part = new WhyItEnds(reason, explanation, done != null);
        return save(id, version, EndingPart.WHY_IT_ENDS, part, model, redirect, response,
                v -> endings.saveWhyItEnds(new RelationshipId(id), v, part));
    }

    @PostMapping("/relationships/{id}/ending/confidence")
    String saveConfidence(@PathVariable UUID id, @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String warningSigns,
            @RequestParam(required = false) @Nullable String whatHelps,
            @RequestParam(required = false) @Nullable String peopleToContact,
            @RequestParam(required = false) @Nullable String crisisPlan,
            @RequestParam(required = false) @Nullable String done, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Confidence part = new Confidence(warningSigns, whatHelps, peopleToContact, crisisPlan, done != null);
        return save(id, version, EndingPart.CONFIDENCE, part, model, redirect, response,
                v -> endings.saveConfidence(new RelationshipId(id), v, part));
    }

    @PostMapping("/relationships/{id}/ending/door")
    String saveDoor(@PathVariable UUID id, @RequestParam(required = false) @Nullable String version,
            @RequestParam(name = "followUpOn", required = false) @Nullable List<String> followUpOn,
            @RequestParam(required = false) @Nullable String instrument,
            @RequestParam(required = false) @Nullable String noFollowUpReason,
            @RequestParam(required = false) @Nullable String done, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        List<LocalDate> dates;
        try {
            dates = dates(followUpOn);
        } catch (RuleBroken e) {
            return page(id, model, EndingPart.OPEN_DOOR, e.getMessage(), new OpenDoor(List.of(), instrument, noFollowUpReason,
                    done != null), response);
        }
        OpenDoor part = new OpenDoor(dates, instrument, noFollowUpReason, done != null);
        return save(id, version, EndingPart.OPEN_DOOR, part, model, redirect, response,
                v -> endings.saveOpenDoor(new RelationshipId(id), v, part));
    }

    @PostMapping("/relationships/{id}/ending/close")
    String close(@PathVariable UUID id, @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String endedOn, RedirectAttributes redirect) {
        Integer expected = number(version);
        String back = "redirect:/relationships/" + id + "/ending";
        if (expected == null) {
            redirect.addFlashAttribute("flashError", "The ending could not be closed: reload the page and try again.");
            return back;
        }
        try {
            ClosedEnding closed = endings.closePlanned(new RelationshipId(id), expected, date(endedOn, "The ending date"));
            redirect.addFlashAttribute("flash", "The work closed as planned on " + LetterText.dates(List.of(closed.endedOn()))
                    + ". The letter to the client is ready below.");
        } catch (RuleBroken e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", STALE);
        }
        return back;
    }

    /** Settles one goal still open, and comes back to what stands before closing; text typed elsewhere is kept by the page. */
    @PostMapping("/relationships/{id}/ending/goals/{goalId}")
    String settleGoal(@PathVariable UUID id, @PathVariable UUID goalId, @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable GoalStatus outcome, RedirectAttributes redirect) {
        Integer expected = number(version);
        String back = "redirect:/relationships/" + id + "/ending#before-closing";
        if (expected == null) {
            redirect.addFlashAttribute("flashError", "The goal could not be settled: reload the page and try again.");
            return back;
        }
        try {
            endings.settleGoal(new RelationshipId(id), new GoalId(goalId), expected, outcome);
            redirect.addFlashAttribute("flash", "The goal is settled: " + (outcome == null ? "" : outcome.label().toLowerCase()) + ".");
        } catch (RuleBroken e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", "The goal changed after you opened the page, so it was not settled. "
                    + "Look at it again below and settle it once more.");
        }
        return back;
    }

    @GetMapping("/relationships/{id}/ending/stopping")
    String stopping(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("form", endings.stoppingForm(new RelationshipId(id)));
        } catch (RuleBroken e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/relationships/" + id + "#ending";
        }
        return "endings/stopping";
    }

    @PostMapping("/relationships/{id}/ending/close-unplanned")
    String closeUnplanned(@PathVariable UUID id, @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String explanation,
            @RequestParam(required = false) @Nullable String endedOn,
            @RequestParam(name = "followUpOn", required = false) @Nullable List<String> followUpOn,
            @RequestParam(required = false) @Nullable String instrument,
            @RequestParam(required = false) @Nullable String offerDoor, RedirectAttributes redirect) {
        Integer expected = number(version);
        String back = "redirect:/relationships/" + id + "#ending";
        if (expected == null) {
            redirect.addFlashAttribute("flashError", "The work could not be closed: reload the page and try again.");
            return back;
        }
        try {
            List<LocalDate> dates = offerDoor == null ? List.of() : dates(followUpOn);
            ClosedEnding closed = endings.closeUnplanned(new RelationshipId(id),
                    new UnplannedClosing(expected, reason, explanation, date(endedOn, "The ending date"), dates, instrument));
            redirect.addFlashAttribute("flash", "The work closed as unplanned (" + closed.reasonLabel().toLowerCase() + ").");
        } catch (RuleBroken e) {
            redirect.addFlashAttribute("flashError", "The work was not closed. " + e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError",
                    "The relationship changed after you opened the page, so it was not closed. Look at it again below.");
        }
        return back;
    }

    @GetMapping("/relationships/{id}/ending/letter")
    String letter(@PathVariable UUID id, Model model) {
        EndingLetter letter = endings.letter(new RelationshipId(id));
        model.addAttribute("relationship", id);
        model.addAttribute("letter", letter);
        model.addAttribute("blocks", LetterText.of(letter, baseUrl()));
        return "endings/letter";
    }

    @GetMapping("/relationships/{id}/ending/letter.pdf")
    ResponseEntity<byte[]> letterPdf(@PathVariable UUID id) {
        EndingLetter letter = endings.letter(new RelationshipId(id));
        byte[] pdf = LetterPdf.render(LetterText.of(letter, baseUrl()), letter);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("ending-letter.pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    interface Change {
        int apply(int version);
    }

    private String save(UUID id, @Nullable String version, EndingPart part, Object submitted, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Change change) {
        Integer expected = number(version);
        if (expected == null) {
            return page(id, model, part, "The part could not be saved: reload the page and try again.", submitted, response);
        }
        try {
            change.apply(expected);
        } catch (RuleBroken e) {
            return page(id, model, part, e.getMessage(), submitted, response);
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", STALE);
            return "redirect:/relationships/" + id + "/ending#" + anchor(part);
        }
        redirect.addFlashAttribute("flash", part.label() + ": saved.");
        return "redirect:/relationships/" + id + "/ending#" + anchor(part);
    }

    private String page(UUID id, Model model, @Nullable EndingPart errorPart, @Nullable String error,
            @Nullable Object submitted, HttpServletResponse response) {
        response.setStatus(422);
        return page(id, model, errorPart, error, submitted);
    }

    private String page(UUID id, Model model, @Nullable EndingPart errorPart, @Nullable String error, @Nullable Object submitted) {
        EndingWorkspace workspace = endings.workspace(new RelationshipId(id));
        model.addAttribute("w", workspace);
        model.addAttribute("gains", submitted instanceof Gains g ? g : workspace.gains());
        model.addAttribute("why", submitted instanceof WhyItEnds w ? w : workspace.whyItEnds());
        model.addAttribute("confidence", submitted instanceof Confidence c ? c : workspace.confidence());
        OpenDoor door = submitted instanceof OpenDoor d ? d : workspace.openDoor();
        model.addAttribute("door", door);
        List<LocalDate> shown = submitted instanceof OpenDoor d ? d.followUpDates() : workspace.datesToShow();
        List<String> slots = new ArrayList<>(shown.stream().map(LocalDate::toString).toList());
        while (slots.size() < 6) slots.add("");
        model.addAttribute("dateSlots", slots);
        model.addAttribute("doorInstrument", door.instrumentKey() != null ? door.instrumentKey()
                : workspace.openDoorSaved() ? "" : workspace.followUpMeasure());
        model.addAttribute("reasons", Arrays.asList(EndingReason.values()));
        model.addAttribute("parts", Arrays.asList(EndingPart.values()));
        model.addAttribute("errorPart", errorPart == null ? "" : errorPart.name());
        model.addAttribute("error", error);
        return "endings/workspace";
    }

    private static String anchor(EndingPart part) {
        return switch (part) {
            case GAINS -> "gains";
            case WHY_IT_ENDS -> "why";
            case CONFIDENCE -> "confidence";
            case OPEN_DOOR -> "door";
        };
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    static List<LocalDate> dates(@Nullable List<String> texts) {
        List<LocalDate> dates = new ArrayList<>();
        if (texts == null) return dates;
        for (String text : texts) {
            LocalDate date = date(text, "A follow-up date");
            if (date != null) dates.add(date);
        }
        return dates;
    }

    static @Nullable LocalDate date(@Nullable String text, String what) {
        if (text == null || text.isBlank()) return null;
        try {
            return PlausibleDates.parse(text);
        } catch (DateTimeParseException e) {
            throw new RuleBroken(what + " must be a date such as 2027-03-01.");
        } catch (PlausibleDates.OutOfRange e) {
            throw new RuleBroken(what + ": " + PlausibleDates.MESSAGE);
        }
    }

    static @Nullable Integer number(@Nullable String text) {
        if (text == null) return null;
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
