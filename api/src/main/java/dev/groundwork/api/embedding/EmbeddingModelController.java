package dev.groundwork.api.embedding;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/admin/embedding-model} (admins only, enforced by the filter chain): which model serves retrieval,
 * which one is configured, and how far a build is. The model is switched by configuration and a restart
 * ({@code groundwork.embedding.provider}, {@code .openai.*}), not over HTTP.
 */
@RestController
class EmbeddingModelController {

    private final ModelStatus status;

    EmbeddingModelController(ModelStatus status) {
        this.status = status;
    }

    @GetMapping("/api/admin/embedding-model")
    Mono<ModelStatus.Status> status() {
        return status.status();
    }
}
