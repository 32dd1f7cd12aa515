package dev.groundwork.api.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code groundwork.security.*}: who may use the app and how sign-ins last.
 *
 * @param mode                {@code accounts} (everyone signs in) or {@code single-user} (one built-in learner, no
 *                            login; only allowed when the server listens on loopback)
 * @param sessionIdleTimeout  a web session unused this long ends
 * @param sessionCookieMaxAge how long the browser keeps the session cookie
 * @param registration        the default of the admin setting: {@code invite} (admins invite learners) or
 *                            {@code open} (anyone may register)
 * @param imports             the default of the admin setting: {@code learners} (any learner imports roadmaps and
 *                            starts ingestion) or {@code admins}
 * @param inviteTtl           how long an invitation stays valid
 * @param tokenUseAudit       a token's use is written to the audit log at most once per this interval
 */
@Validated
@ConfigurationProperties("groundwork.security")
public record SecurityProperties(
        @NotNull @DefaultValue("accounts") Mode mode,
        @NotNull @DefaultValue("7d") Duration sessionIdleTimeout,
        @NotNull @DefaultValue("30d") Duration sessionCookieMaxAge,
        @NotNull @DefaultValue("invite") Registration registration,
        @NotNull @DefaultValue("learners") Imports imports,
        @NotNull @DefaultValue("7d") Duration inviteTtl,
        @NotNull @DefaultValue("1h") Duration tokenUseAudit) {

    public enum Mode { ACCOUNTS, SINGLE_USER }

    public enum Registration { INVITE, OPEN }

    public enum Imports { LEARNERS, ADMINS }
}
