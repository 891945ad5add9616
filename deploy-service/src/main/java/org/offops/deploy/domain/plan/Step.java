package org.offops.deploy.domain.plan;

import java.util.List;
import org.offops.deploy.domain.StepKind;

/** One step of a plan: a name for people and the timeline ({@code build:build_lang}), its kind and its data. */
public record Step(String name, StepKind kind, List<String> args) {

    public Step {
        args = List.copyOf(args);
    }

    public static Step of(String name, StepKind kind, String... args) {
        return new Step(name, kind, List.of(args));
    }

    public String arg(int index) {
        return args.get(index);
    }
}
