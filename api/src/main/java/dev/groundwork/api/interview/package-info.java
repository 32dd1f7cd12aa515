/** Mock interviews: grounded questions with anchored rubrics, streamed point-by-point grading, reports, misses as cards. */
package dev.groundwork.api.interview;
