package dev.groundwork.ingest.extract;

/**
 * What an inline {@link Mark} says about a span of a block's text: the writer emphasised it strongly ({@code strong},
 * {@code b}, Markdown {@code **…**}), emphasised it ({@code em}, {@code i}, {@code *…*}), set it as code
 * ({@code code}, {@code kbd}, {@code samp}, {@code `…`}) or linked it ({@code a href}, {@code [text](url)}).
 */
public enum MarkKind {
    STRONG, EMPHASIS, CODE, LINK
}
