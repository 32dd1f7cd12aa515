/** One port, two adapters: answers from a language model (LlmGenerator) or extracted from the sources (ExtractiveGenerator). */
package dev.groundwork.api.generation;
