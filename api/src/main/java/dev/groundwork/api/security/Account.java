package dev.groundwork.api.security;

import java.util.UUID;

/**
 * A learner who can sign in, as the security layer sees them.
 *
 * @param id       the learner id
 * @param name     display name
 * @param username login name (null for an account made by single sign-on without one)
 * @param email    e-mail, maybe null
 * @param role     admin or learner
 */
public record Account(UUID id, String name, String username, String email, Role role) {

    public enum Role {
        ADMIN, LEARNER;

        String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Role of(String slug) {
            return valueOf(slug.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The built-in learner of single-user mode: it may do everything, admin work included. */
    static final Account LOCAL = new Account(Learner.LOCAL.id(), Learner.LOCAL.name(), null, null, Role.ADMIN);

    public Learner learner() {
        return new Learner(id, name);
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }
}
