/**
 * Cards in and out of the app: a roadmap's or topic's cards exported as an Anki package or Anki's CSV/TSV text format,
 * and Anki packages and CSV/TSV files imported, sanitised, de-duplicated and anchored to stored sources.
 */
package dev.groundwork.api.exchange;
