/**
 * The OpenAI-compatible API ({@code /v1/models}, {@code /v1/chat/completions}) over the knowledge base, with the
 * sources of an answer in the {@code groundwork} extension field and errors in OpenAI's shape.
 */
package dev.groundwork.api.openai;
