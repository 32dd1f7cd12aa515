/** Test support: a local HTTP server that answers like the internet for the mirrored corpus. */
package dev.groundwork.ingest.mirror;
