/** Orchestration: importing roadmaps into the store, and the command-line interface. */
package dev.groundwork.ingest.pipeline;
