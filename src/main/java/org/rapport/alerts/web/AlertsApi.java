package org.rapport.alerts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.alerts.AlertId;
import org.rapport.alerts.AlertManagement;
import org.rapport.alerts.AlertView;
import org.rapport.relationships.RelationshipId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The alerts part of the HTTP API: open alerts on my caseload, a relationship's alerts, acknowledging. */
@RestController
@RequestMapping("/api")
@Tag(name = "Alerts", description = "Alerts raised by the measures' policies (risk item endorsed, not on track, alliance slipping) and by the daily sweep (lapsing, agreement review overdue), acknowledged with what was done")
class AlertsApi {

    private final AlertManagement alerts;

    AlertsApi(AlertManagement alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    @Operation(summary = "The open alerts on every relationship I see, the most urgent first")
    List<AlertView> mine() {
        return alerts.openAlertsForMe();
    }

    @GetMapping("/relationships/{id}/alerts")
    @Operation(summary = "A relationship's alerts, open first, then newest first")
    List<AlertView> ofRelationship(@PathVariable UUID id) {
        return alerts.alertsOf(new RelationshipId(id));
    }

    @PostMapping("/alerts/{id}/acknowledgement")
    @Operation(summary = "Acknowledge an open alert with what was done (3 to 2000 characters), at the version it was loaded at")
    Map<String, Object> acknowledge(@PathVariable UUID id, @Valid @RequestBody AcknowledgementRequest request) {
        return Map.of("version", alerts.acknowledge(new AlertId(id), request.version(), request.whatWasDone()));
    }

    record AcknowledgementRequest(@NotBlank @Size(min = 3, max = 2000) String whatWasDone, @NotNull Integer version) {
    }
}
