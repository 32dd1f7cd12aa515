/**
 * The learner's flashcards: generated from a topic's sources (by a model or offline) or written by hand, each anchored
 * to the passage it came from, checked before it is stored, kept true to its source when the source changes.
 */
package dev.groundwork.api.flashcard;
