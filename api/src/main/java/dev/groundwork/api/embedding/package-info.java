/** Which embedding model retrieval searches with, and the background rebuild that switches it without a gap. */
package dev.groundwork.api.embedding;
