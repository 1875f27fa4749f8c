package org.rapport.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The answer to every error that no controller answered itself: Spring MVC refusing a request before
 * it chose a controller (an unsupported body type, a method or an address it does not know), or the
 * servlet container reporting a status. A call to the HTTP API gets an RFC 9457 problem, whatever it
 * said it accepts; a person gets the error page.
 */
@Controller
class ErrorAnswers implements ErrorController {

    private final ErrorAttributes errorAttributes;

    ErrorAnswers(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping("${server.error.path:/error}")
    Object answer(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        if (!isApiCall(request)) {
            return new ModelAndView("error", Map.of("status", status.value()), status);
        }
        Throwable error = errorAttributes.getError(new ServletWebRequest(request));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status, error));
    }

    /** The problem for a status, in the HTTP API's words; it names what is accepted, never what was sent. */
    static ProblemDetail problem(HttpStatus status, @Nullable Throwable error) {
        return switch (status) {
            case BAD_REQUEST -> ApiProblems.problem(status, "Bad request",
                    "Rapport could not read this request: check the address (every % starts a two-digit hex escape), "
                            + "the headers and the body.", "bad-request");
            case NOT_FOUND -> ApiProblems.problem(status, "Not found", "There is nothing at this address.", "not-found");
            case METHOD_NOT_ALLOWED -> ApiProblems.problem(status, "Method not allowed",
                    error instanceof HttpRequestMethodNotSupportedException e && e.getSupportedHttpMethods() != null
                            ? "This address accepts " + e.getSupportedHttpMethods().stream().map(Object::toString)
                                    .sorted().collect(Collectors.joining(", ")) + " requests only."
                            : "This address does not accept this method.",
                    "method-not-allowed");
            case NOT_ACCEPTABLE -> ApiProblems.problem(status, "Not acceptable",
                    "This address answers in " + listed(error instanceof HttpMediaTypeNotAcceptableException e
                            ? e.getSupportedMediaTypes().stream().map(MediaType::toString).toList() : List.of())
                            + "; ask for that in the Accept header.",
                    "not-acceptable");
            case UNSUPPORTED_MEDIA_TYPE -> ApiProblems.problem(status, "Unsupported media type",
                    "Send the body as " + listed(error instanceof HttpMediaTypeNotSupportedException e
                            ? e.getSupportedMediaTypes().stream().map(MediaType::toString).toList() : List.of())
                            + ", and say so in the Content-Type header.",
                    "unsupported-media-type");
            case UNAUTHORIZED -> ApiProblems.problem(status, "Sign-in needed",
                    "Send a Rapport sign-in name and password with HTTP Basic authentication.", "sign-in-needed");
            case FORBIDDEN -> ApiProblems.problem(status, "Not allowed", "Your role does not allow this.", "not-allowed");
            case INTERNAL_SERVER_ERROR -> ApiProblems.problem(status, "Something went wrong",
                    "Rapport could not complete this request. Nothing was stored.", "internal-error");
            default -> ApiProblems.problem(status, status.getReasonPhrase(),
                    status.is4xxClientError() ? "Rapport could not accept this request (" + status.value() + " "
                            + status.getReasonPhrase() + ")." : "Rapport could not complete this request.",
                    status.is4xxClientError() ? "invalid-request" : "internal-error");
        };
    }

    private static String listed(List<String> mediaTypes) {
        // Spring lists application/*+json alongside application/json; only concrete types help a caller.
        List<String> concrete = mediaTypes.stream().filter(type -> !type.contains("*")).toList();
        return concrete.isEmpty() ? "application/json" : String.join(" or ", concrete);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    static boolean isApiCall(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String value ? value : request.getRequestURI();
        String api = request.getContextPath() + "/api";
        return path.equals(api) || path.startsWith(api + "/");
    }
}
