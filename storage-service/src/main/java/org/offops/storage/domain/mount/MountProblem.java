package org.offops.storage.domain.mount;

/** Why a mount change is refused: the request field at fault, and whether it clashes with what is there (409). */
public record MountProblem(String field, String message, boolean conflict) {

    static MountProblem invalid(String field, String message) {
        return new MountProblem(field, message, false);
    }

    static MountProblem conflict(String field, String message) {
        return new MountProblem(field, message, true);
    }
}
