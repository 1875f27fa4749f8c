package org.rapport.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors that reach the pages uncaught become a calm page that says what happened and what to do.
 * Forms catch their own refusals first, to show them beside the fields.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(RecordNotFound.class)
    String notFound(RecordNotFound e, Model model, HttpServletResponse response) {
        return page(model, response, 404, "Not found", e.getMessage());
    }

    /** A wrong value in the address is a page that does not exist; in a form, a value Rapport does not know. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String wrongKindOfValue(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return page(model, response, 404, "Not found", "There is no page at this address.");
        }
        if (PlausibleDates.outOfRange(e)) {
            return page(model, response, 400, "That could not be done",
                    "The date sent for ‘" + e.getName() + "’ is outside the dates Rapport accepts. Nothing was changed. "
                            + PlausibleDates.MESSAGE);
        }
        return page(model, response, 400, "That could not be done",
                "The value sent for ‘" + e.getName() + "’ is not one Rapport understands. Nothing was changed. "
                        + "Go back, reload the page and try again.");
    }

    @ExceptionHandler(RuleBroken.class)
    String ruleBroken(RuleBroken e, Model model, HttpServletResponse response) {
        return page(model, response, 409, "That could not be done", e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    String staleEdit(Model model, HttpServletResponse response) {
        return page(model, response, 409, "Changed by someone else",
                "This record was changed after you opened it, so your change was not saved. "
                        + "Go back, reload the page, and make your change again.");
    }

    /** Anything else: a calm page for the person, and a log line that names the fault but quotes nothing. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.web.ErrorResponse) {
            throw e; // security and Spring MVC answer these themselves (403, 404, 405, 415...)
        }
        SafeErrorLog.unexpected(log, "a page", e);
        return page(model, response, 500, "Something went wrong",
                "Rapport could not complete that. Nothing was stored half-way; please try again.");
    }

    private static String page(Model model, HttpServletResponse response, int status, String title, String message) {
        response.setStatus(status);
        model.addAttribute("status", status);
        // Not "title": the layout's fragment parameter of that name would hide it from the page.
        model.addAttribute("heading", title);
        model.addAttribute("message", message);
        return "error";
    }
}
