/** Text → vectors on this machine: the bundled bge-small-en-v1.5 ONNX model behind Spring AI's EmbeddingModel. */
package dev.groundwork.ingest.embed;
