package dev.groundwork.api.security;

import dev.groundwork.api.Uuids;
import dev.groundwork.api.problem.NotFound;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/tokens}: a learner's personal API tokens (the secret is answered once, at creation).
 * {@code /api/admin/*} (admins only, enforced by the filter chain): accounts, invitations, settings, the audit log.
 */
@RestController
class AccountController {

    private final AccountService service;

    AccountController(AccountService service) {
        this.service = service;
    }

    @GetMapping("/api/tokens")
    Mono<List<AuthViews.TokenView>> tokens(Learner learner) {
        return service.tokens(learner);
    }

    @PostMapping(path = "/api/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthViews.CreatedToken>> createToken(Learner learner,
            @Valid @RequestBody AuthRequests.NewToken request, ServerWebExchange exchange) {
        return service.createToken(learner, request, Credentials.client(exchange))
                .map(created -> ResponseEntity.status(HttpStatus.CREATED).body(created));
    }

    @DeleteMapping("/api/tokens/{id}")
    Mono<ResponseEntity<Void>> revokeToken(Learner learner, @PathVariable String id, ServerWebExchange exchange) {
        return service.revokeToken(learner, uuid(id, "token"), Credentials.client(exchange))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/admin/users")
    Mono<List<AuthViews.User>> users() {
        return service.users();
    }

    @PostMapping(path = "/api/admin/invites", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthViews.InviteView>> invite(Learner admin, @Valid @RequestBody AuthRequests.NewInvite request,
            ServerWebExchange exchange) {
        return service.invite(admin, request, Credentials.client(exchange))
                .map(invite -> ResponseEntity.status(HttpStatus.CREATED).body(invite));
    }

    @PostMapping("/api/admin/users/{id}/disable")
    Mono<ResponseEntity<Void>> disable(Learner admin, @PathVariable String id, ServerWebExchange exchange) {
        return service.setDisabled(admin, uuid(id, "account"), true, Credentials.client(exchange))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/api/admin/users/{id}/enable")
    Mono<ResponseEntity<Void>> enable(Learner admin, @PathVariable String id, ServerWebExchange exchange) {
        return service.setDisabled(admin, uuid(id, "account"), false, Credentials.client(exchange))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/admin/settings")
    Mono<Map<String, String>> settings() {
        return service.settings();
    }

    @PutMapping(path = "/api/admin/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, String>> changeSettings(Learner admin, @Valid @RequestBody AuthRequests.NewSettings request,
            ServerWebExchange exchange) {
        return service.changeSettings(admin, request, Credentials.client(exchange));
    }

    @GetMapping("/api/admin/audit")
    Mono<List<AuthViews.AuditEntry>> audit(@RequestParam(defaultValue = "100") int limit) {
        return service.audit(limit);
    }

    private static UUID uuid(String id, String what) {
        return Uuids.parse(id).orElseThrow(() -> new NotFound(what, id));
    }
}
