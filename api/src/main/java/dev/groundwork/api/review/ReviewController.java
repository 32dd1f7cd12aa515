package dev.groundwork.api.review;

import dev.groundwork.api.security.Learner;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Reviewing over HTTP: the queue of what to study now, grading a card, undoing the last grade, statistics, due counts
 * and the learner's review settings. Every request acts for the current {@link Learner}; another learner's card or
 * review answers 404 like an unknown one.
 */
@RestController
class ReviewController {

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/api/reviews/queue")
    Mono<ReviewViews.Queue> queue(@RequestParam(required = false) String roadmapId,
            @RequestParam(required = false) String topicId, @RequestParam(required = false) Integer limit,
            Learner learner) {
        return reviews.queue(learner, roadmapId, topicId, limit);
    }

    @PostMapping(path = "/api/cards/{id}/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ReviewViews.Graded> grade(@PathVariable String id, @RequestBody ReviewRequests.Grade grade,
            Learner learner) {
        return reviews.grade(learner, id, grade);
    }

    @DeleteMapping("/api/reviews/{reviewId}")
    Mono<ReviewViews.Undone> undo(@PathVariable String reviewId, Learner learner) {
        return reviews.undo(learner, reviewId);
    }

    @GetMapping("/api/roadmaps/{id}/review-stats")
    Mono<ReviewViews.Stats> roadmapStats(@PathVariable String id, Learner learner) {
        return reviews.stats(learner, id, null);
    }

    @GetMapping("/api/topics/{id}/review-stats")
    Mono<ReviewViews.Stats> topicStats(@PathVariable String id, Learner learner) {
        return reviews.stats(learner, null, id);
    }

    @GetMapping("/api/roadmaps/{id}/review-counts")
    Mono<ReviewViews.DueCounts> counts(@PathVariable String id, Learner learner) {
        return reviews.counts(learner, id);
    }

    @GetMapping("/api/review/settings")
    Mono<ReviewSettings> settings(Learner learner) {
        return reviews.settings(learner);
    }

    @PutMapping(path = "/api/review/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ReviewSettings> updateSettings(@RequestBody ReviewRequests.Settings settings, Learner learner) {
        return reviews.updateSettings(learner, settings);
    }
}
