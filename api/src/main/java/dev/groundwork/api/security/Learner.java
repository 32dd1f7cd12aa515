package dev.groundwork.api.security;

import java.util.UUID;

/**
 * Who a request acts for. Cards, reviews, interviews, conversations and progress belong to a learner; every read and
 * write of them is filtered by {@link #id()}.
 *
 * @param id   the learner's id ({@code learner.id})
 * @param name a display name
 */
public record Learner(UUID id, String name) {

    /** The built-in learner of single-user mode, created by the schema (Flyway V5). */
    public static final Learner LOCAL = new Learner(UUID.fromString("00000000-0000-0000-0000-000000000001"), "local");
}
