package org.rapport.accounts.web;

import java.net.URI;
import org.rapport.accounts.SettingsRefused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An organisation's setting refused anywhere in the HTTP API (its settings, or an operator opening
 * one): a 422 naming the field at fault, so a client can show the message beside that field. Before
 * the general answers, which would take it for any broken rule.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class SettingsRefusedAnswers {

    @ExceptionHandler(SettingsRefused.class)
    ResponseEntity<ProblemDetail> refused(SettingsRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, refused.getMessage());
        problem.setTitle("Setting not accepted");
        problem.setType(URI.create("urn:rapport:problem:setting-refused"));
        problem.setProperty("field", refused.setting());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
