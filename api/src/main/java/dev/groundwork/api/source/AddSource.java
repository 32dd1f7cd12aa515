package dev.groundwork.api.source;

/**
 * The JSON body of {@code POST /api/topics/{id}/resources}: a link ({@code url}, optional {@code title}) or pasted text
 * ({@code title} and {@code text}). Sizes are checked against {@code groundwork.sources.*} by {@link SourceChecks}.
 */
record AddSource(String url, String title, String text) {
}
