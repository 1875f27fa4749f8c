package org.rapport.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat refuses some requests before Spring sees them (a request line with a broken percent-escape,
 * for one) and answers with its own error report, an HTML page. Here that report is an RFC 9457
 * problem instead, like every other error Rapport gives. It says nothing about the server and
 * quotes nothing of the request.
 */
@Component
class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            // Spring Boot adds a plain report valve of its own; the first valve to report would win.
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReport)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemReport());
            if (host instanceof StandardHost standard) {
                // Otherwise the host adds Tomcat's own report valve as well when it starts.
                standard.setErrorReportValveClass(ProblemReport.class.getName());
            }
        });
    }

    /** After Spring Boot's customisers, so that its report valve is there to be replaced. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class ProblemReport extends ErrorReportValve {

        ProblemReport() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json(status));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client has gone, or the response was already under way: nothing more can be said.
            }
        }

        static String json(int statusCode) {
            HttpStatus status = HttpStatus.resolve(statusCode);
            ProblemDetail problem = ErrorAnswers.problem(status == null ? HttpStatus.BAD_REQUEST : status, null);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", String.valueOf(problem.getType()));
            body.put("title", problem.getTitle());
            body.put("status", statusCode);
            body.put("detail", problem.getDetail());
            return JsonMapper.shared().writeValueAsString(body);
        }
    }
}
