package dev.groundwork.api.security;

import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated request: the account, and the credential it came with — a web session (the cookie), a personal
 * API token (with its scope), or the built-in learner of single-user mode.
 */
final class SignedIn extends AbstractAuthenticationToken {

    enum Via { SESSION, TOKEN, LOCAL }

    private final Account account;
    private final Via via;
    private final UUID tokenId;
    private final boolean readOnly;

    private SignedIn(Account account, Via via, UUID tokenId, boolean readOnly) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
        this.account = account;
        this.via = via;
        this.tokenId = tokenId;
        this.readOnly = readOnly;
        setAuthenticated(true);
    }

    static SignedIn session(Account account) {
        return new SignedIn(account, Via.SESSION, null, false);
    }

    static SignedIn token(Account account, UUID tokenId, boolean readOnly) {
        return new SignedIn(account, Via.TOKEN, tokenId, readOnly);
    }

    static SignedIn local() {
        return new SignedIn(Account.LOCAL, Via.LOCAL, null, false);
    }

    Account account() {
        return account;
    }

    Via via() {
        return via;
    }

    UUID tokenId() {
        return tokenId;
    }

    /** A token of scope {@code read}: it may read and ask, nothing else. */
    boolean readOnly() {
        return readOnly;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return account;
    }

    @Override
    public String getName() {
        return account.username() != null ? account.username() : account.id().toString();
    }
}
