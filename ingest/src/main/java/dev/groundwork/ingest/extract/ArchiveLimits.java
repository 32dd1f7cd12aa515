package dev.groundwork.ingest.extract;

/**
 * Bounds on a zip-based document (DOCX) checked while it is first unpacked, before any parser sees it: a zip bomb
 * stops at whichever bound it reaches first, having inflated at most that much into a counter (nothing is kept).
 *
 * @param maxEntries          most entries the archive may hold
 * @param maxUncompressedSize most bytes all entries may unpack to together
 * @param maxRatio            most bytes the entries may unpack to per byte of the archive
 */
public record ArchiveLimits(int maxEntries, long maxUncompressedSize, int maxRatio) {

    /** What {@link Extractor#Extractor()} uses: 1,000 entries, 100 MB, 100 to 1. */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(1_000, 100L * 1024 * 1024, 100);

    public ArchiveLimits {
        if (maxEntries < 1 || maxUncompressedSize < 1 || maxRatio < 1) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }
}
