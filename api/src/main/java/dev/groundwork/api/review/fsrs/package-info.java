/**
 * The FSRS-6 spaced-repetition scheduler, pure Java and checked against golden values from ts-fsrs: when an item
 * should be reviewed next, how likely it is to be recalled now, and how to label the waits.
 */
package dev.groundwork.api.review.fsrs;
