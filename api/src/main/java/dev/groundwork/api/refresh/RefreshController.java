package dev.groundwork.api.refresh;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A roadmap's freshness: {@code GET /api/roadmaps/{id}/refresh}; its setting, {@code PUT} with
 * {@link RefreshRequest}; a check now, {@code POST} (202: it runs in the background). Changing either is a
 * roadmap-level action: who may import roadmaps may do it ({@code security.AccessRules}).
 */
@RestController
class RefreshController {

    private final RefreshService refresh;

    RefreshController(RefreshService refresh) {
        this.refresh = refresh;
    }

    @GetMapping("/api/roadmaps/{id}/refresh")
    Mono<Freshness> freshness(@PathVariable String id) {
        return refresh.freshness(id);
    }

    @PutMapping("/api/roadmaps/{id}/refresh")
    Mono<Freshness> update(@PathVariable String id, @RequestBody RefreshRequest request) {
        return refresh.update(id, request);
    }

    @PostMapping("/api/roadmaps/{id}/refresh")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Freshness> checkNow(@PathVariable String id) {
        return refresh.checkNow(id);
    }
}
