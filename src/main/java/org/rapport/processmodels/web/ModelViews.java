package org.rapport.processmodels.web;

import java.util.List;
import org.rapport.processmodels.Phase;
import org.rapport.processmodels.ProcessModel;
import org.rapport.processmodels.ProcessModelProblem;

/** What the HTTP API sends about process models, kept apart from the domain records so each can change alone. */
final class ModelViews {

    private ModelViews() {
    }

    /** A model as listed: enough to choose one. */
    record ModelSummary(String key, String name, String source, boolean builtIn, int phaseCount) {
        static ModelSummary of(ProcessModel model) {
            return new ModelSummary(model.key(), model.name(), model.source(), model.builtIn(), model.phaseCount());
        }
    }

    /** A whole model, phase by phase. */
    record ModelDetail(String key, String name, String source, String description, boolean builtIn,
            List<PhaseDetail> phases) {
        static ModelDetail of(ProcessModel model) {
            return new ModelDetail(model.key(), model.name(), model.source(), model.description(), model.builtIn(),
                    model.phases().stream().map(PhaseDetail::of).toList());
        }
    }

    record PhaseDetail(String key, String name, String purpose, List<String> tasks, List<String> skills,
            List<String> moveOnWhen, boolean ending) {
        static PhaseDetail of(Phase phase) {
            return new PhaseDetail(phase.key(), phase.name(), phase.purpose(), phase.tasks(), phase.skills(),
                    phase.moveOnWhen(), phase.ending());
        }
    }

    /** One problem in a refused model; the field is empty when the problem concerns the whole text. */
    record ProblemView(int line, String field, String message) {
        static ProblemView of(ProcessModelProblem problem) {
            return new ProblemView(problem.line(), problem.field(), problem.message());
        }
    }
}
