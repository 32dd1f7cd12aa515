package dev.groundwork.api.security;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/auth/*}: the app's mode and who is signed in, first-run setup, sign-in, registration, sign-out. The
 * session is a cookie; writes need the CSRF header like every other cookie-signed write.
 */
@RestController
class AuthController {

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    @GetMapping("/api/auth/state")
    Mono<AuthViews.State> state() {
        return auth.state();
    }

    @PostMapping(path = "/api/auth/setup", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthViews.SignedInView>> setup(@Valid @RequestBody AuthRequests.Setup request,
            ServerWebExchange exchange) {
        return auth.setup(request, exchange).map(a -> signedIn(HttpStatus.CREATED, a));
    }

    @PostMapping(path = "/api/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthViews.SignedInView>> login(@Valid @RequestBody AuthRequests.Login request,
            ServerWebExchange exchange) {
        return auth.login(request, exchange).map(a -> signedIn(HttpStatus.OK, a));
    }

    @PostMapping(path = "/api/auth/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthViews.SignedInView>> register(@Valid @RequestBody AuthRequests.Register request,
            ServerWebExchange exchange) {
        return auth.register(request, exchange).map(a -> signedIn(HttpStatus.CREATED, a));
    }

    @PostMapping("/api/auth/logout")
    Mono<ResponseEntity<Void>> logout(Learner learner, ServerWebExchange exchange) {
        return auth.logout(learner, exchange).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/api/auth/logout-everywhere")
    Mono<ResponseEntity<Void>> logoutEverywhere(Learner learner, ServerWebExchange exchange) {
        return auth.logoutEverywhere(learner, exchange).thenReturn(ResponseEntity.noContent().build());
    }

    private static ResponseEntity<AuthViews.SignedInView> signedIn(HttpStatus status, Account account) {
        return ResponseEntity.status(status).body(new AuthViews.SignedInView(AuthViews.Me.of(account)));
    }
}
