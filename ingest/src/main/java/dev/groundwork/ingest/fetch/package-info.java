/** Getting the bytes behind a resource URL politely and safely, and crawling a documentation root. */
package dev.groundwork.ingest.fetch;
