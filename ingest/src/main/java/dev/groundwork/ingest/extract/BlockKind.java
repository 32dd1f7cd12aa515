package dev.groundwork.ingest.extract;

/** The structural role of a block of extracted text. */
public enum BlockKind {
    HEADING, PARAGRAPH, LIST_ITEM, CODE, TABLE, QUOTE
}
