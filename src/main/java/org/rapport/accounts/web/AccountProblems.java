package org.rapport.accounts.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The problems the account endpoints answer in common: a password refused (422, naming the field,
 * so a client shows it there) and a one-time link that does not work now (404, one answer for all).
 */
final class AccountProblems {

    private AccountProblems() {
    }

    static ResponseEntity<ProblemDetail> passwordRefused(String title, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:rapport:problem:password-not-changed"));
        problem.setProperty("field", field);
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ResponseEntity<ProblemDetail> linkNotUsable(String title, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:rapport:problem:" + type));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
