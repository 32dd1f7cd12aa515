/** Parses a roadmap document (Markdown or "Label: value" text) into a tree of topics with stable ids. */
package dev.groundwork.ingest.roadmap;
