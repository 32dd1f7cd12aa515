package dev.groundwork.api.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of sign-in, tokens and admin work. Only these fields bind: a {@code learnerId}, {@code role} or
 * {@code id} sent along is ignored.
 */
final class AuthRequests {

    static final String USERNAME = "[A-Za-z0-9._-]{3,64}";

    private AuthRequests() {
    }

    record Login(@NotBlank @Size(max = 320) String login, @NotBlank @Size(max = 200) String password) {
    }

    record Setup(@NotBlank @Pattern(regexp = USERNAME, message = "3 to 64 letters, digits, dots, dashes or underscores")
            String username, @Email @Size(max = 320) String email,
            @NotBlank @Size(min = 10, max = 200, message = "10 to 200 characters") String password) {
    }

    record Register(@NotBlank @Pattern(regexp = USERNAME, message = "3 to 64 letters, digits, dots, dashes or"
            + " underscores") String username, @Email @Size(max = 320) String email,
            @NotBlank @Size(min = 10, max = 200, message = "10 to 200 characters") String password,
            @Size(max = 100) String invite) {
    }

    record NewToken(@NotBlank @Size(max = 100) String name,
            @NotNull @Pattern(regexp = "read|read-write", message = "read or read-write") String scope,
            @Min(1) @Max(3650) Integer expiresInDays) {
    }

    record NewInvite(@Email @Size(max = 320) String email,
            @Pattern(regexp = "learner|admin", message = "learner or admin") String role) {
    }

    record NewSettings(@NotNull @Pattern(regexp = "invite|open", message = "invite or open") String registration,
            @NotNull @Pattern(regexp = "learners|admins", message = "learners or admins") String imports) {
    }
}
