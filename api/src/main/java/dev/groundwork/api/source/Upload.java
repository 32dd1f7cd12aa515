package dev.groundwork.api.source;

/**
 * A file sent as the multipart part {@code file}, with the optional form field {@code title}.
 *
 * @param fileName     the file's name as sent
 * @param declaredType the part's {@code Content-Type}, or {@code null}
 * @param bytes        its bytes, or {@code null} when it was larger than the limit (only counted)
 * @param title        the {@code title} field, or {@code null}
 */
record Upload(String fileName, String declaredType, byte[] bytes, String title) {
}
