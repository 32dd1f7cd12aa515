package dev.groundwork.api.flashcard;

import java.util.List;

/** One page of a roadmap's cards, oldest first, and how many there are in all. */
record CardPage(List<Card> items, int page, int size, long total) {
}
